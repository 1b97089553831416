# Imports generated packages and reports, as JSON, the user text they expose at run time:
# package/module docstrings, model docstrings, table and column comments, string server
# defaults, relationship docs, enum values, and the names each generated module defines.
# argv[1]: JSON {"packages": [...], "url": optional database URL, "schemas": {package: schema}}.
# With a URL, creates the tables (each package in its schema) and adds what the database
# reports back: table and column comments, enum labels.
import enum
import importlib
import json
import pkgutil
import sys

import sqlalchemy as sa

config = json.loads(sys.argv[1])
results = []
for package in config["packages"]:
    app = importlib.import_module(package)
    models = importlib.import_module(package + ".models")
    models.Base.registry.configure()
    report = {"package": package, "app_doc": app.__doc__, "tables": {}, "enums": {}, "module_names": {}}
    for mapper in models.Base.registry.mappers:
        cls = mapper.class_
        table = mapper.local_table
        columns = {}
        for column in table.columns:
            default = column.server_default
            text = default.arg if default is not None and isinstance(default.arg, str) else None
            columns[column.name] = {"comment": column.comment, "default": text}
        report["tables"][table.name] = {
            "class": cls.__name__,
            "doc": cls.__doc__,
            "comment": table.comment,
            "columns": columns,
            "relationships": {r.key: r.doc for r in mapper.relationships},
        }
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(package + ".models." + info.name)
        report["module_names"][info.name] = sorted(n for n in vars(module) if not n.startswith("__"))
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == module.__name__:
                report["enums"][name] = [m.value for m in value]
    url = config.get("url")
    if url:
        engine = sa.create_engine(url)
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
        inspector = sa.inspect(engine)
        database = {"tables": {}, "enums": {}}
        for name in inspector.get_table_names():
            database["tables"][name] = {
                "comment": inspector.get_table_comment(name).get("text"),
                "columns": {c["name"]: c.get("comment") for c in inspector.get_columns(name)},
            }
        if engine.dialect.name == "postgresql":
            for e in inspector.get_enums():
                database["enums"][e["name"]] = e["labels"]
        report["database"] = database
        engine.dispose()
    results.append(report)
print(json.dumps(results))
