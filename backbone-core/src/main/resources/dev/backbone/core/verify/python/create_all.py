# Imports each generated package, configures its mappers and runs Base.metadata.create_all.
# SQLAlchemy's warnings (overlapping relationships, ambiguous joins) count as failures.
# argv[1]: JSON {"packages": [...], "url": "sqlite://", "schemas": {package: schema}}.
# Prints one JSON list: {"package", "ok", "tables" | "error"} per package.
import importlib
import json
import sys
import traceback
import warnings

import sqlalchemy as sa

warnings.filterwarnings("error", category=sa.exc.SAWarning)

config = json.loads(sys.argv[1])
results = []
for package in config["packages"]:
    result = {"package": package}
    engine = None
    try:
        models = importlib.import_module(package + ".models")
        importlib.import_module(package + ".database")
        models.Base.registry.configure()
        engine = sa.create_engine(config.get("url") or "sqlite://")
        schema = config.get("schemas", {}).get(package)
        if schema:
            with engine.begin() as connection:
                connection.exec_driver_sql('CREATE SCHEMA "%s"' % schema)

            @sa.event.listens_for(engine, "connect")
            def _search_path(dbapi_connection, record, schema=schema):
                cursor = dbapi_connection.cursor()
                cursor.execute('SET search_path TO "%s"' % schema)
                cursor.close()

            engine.dispose()
        models.Base.metadata.create_all(engine)
        result["tables"] = sorted(sa.inspect(engine).get_table_names())
        result["ok"] = True
    except Exception as exc:
        result["ok"] = False
        result["error"] = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    finally:
        if engine is not None:
            engine.dispose()
    results.append(result)
print(json.dumps(results))
