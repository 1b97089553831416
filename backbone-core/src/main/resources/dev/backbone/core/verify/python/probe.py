# Prints what this interpreter offers BackBone's checks, as one JSON object.
import importlib
import importlib.util
import json
import sys

info = {"python": sys.version.split()[0], "executable": sys.executable, "modules": {}}
for name in ("sqlalchemy", "black", "mypy", "pyflakes", "ruff", "pytest", "fastapi", "pydantic"):
    try:
        if importlib.util.find_spec(name) is None:
            continue
        if name == "mypy":
            version = importlib.import_module("mypy.version").__version__
        else:
            version = getattr(importlib.import_module(name), "__version__", "unknown")
        info["modules"][name] = str(version)
    except Exception as exc:  # a broken install counts as missing
        info.setdefault("broken", {})[name] = repr(exc)
print(json.dumps(info))
