# Compiles each file given as an argument (no .pyc written); prints one JSON list of results.
import json
import sys

results = []
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as handle:
            compile(handle.read(), path, "exec", dont_inherit=True)
        results.append({"path": path, "ok": True})
    except SyntaxError as exc:
        results.append({"path": path, "ok": False, "message": f"line {exc.lineno}: {exc.msg}"})
    except (ValueError, OSError) as exc:
        results.append({"path": path, "ok": False, "message": str(exc)})
print(json.dumps(results))
