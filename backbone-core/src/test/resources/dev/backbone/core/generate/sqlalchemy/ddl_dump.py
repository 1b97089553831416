# Prints, as JSON, the DDL Base.metadata.create_all of each generated package would run on a
# dialect, without a database or its driver (a mock engine compiles every statement).
# argv[1]: JSON {"packages": [...], "url": "mysql+pymysql://"}.
import importlib
import json
import sys

import sqlalchemy as sa

config = json.loads(sys.argv[1])
results = []
for package in config["packages"]:
    models = importlib.import_module(package + ".models")
    models.Base.registry.configure()
    statements = []

    def executor(sql, *multiparams, **params):
        statements.append(str(sql.compile(dialect=engine.dialect)).strip())

    # "named" parameters: the compiler doubles no % (a DBAPI with "format" would undo it)
    engine = sa.create_mock_engine(config["url"], executor, paramstyle="named")
    models.Base.metadata.create_all(engine, checkfirst=False)
    results.append({"package": package, "statements": statements})
print(json.dumps(results))
