# Runs generated projects' Alembic migrations on one real database server, case after case, in
# one process (cheaper than a process per command). argv[1]: JSON
#   {"dialect": "postgresql"|"mysql"|"sqlite", "admin": admin URL or null, "workdir": dir,
#    "result": file, "cases": [{"id", "old": dir or null, "new": dir, "kept": [[ot, oc, nt, nc]]}]}
# A case without "old": upgrade head on an empty database; with "old": the old project's
# migrations, one row per table, then the new project's upgrade. Either way the catalog must
# equal a fresh create_all of the new models (and, on PostgreSQL, schema.sql's), alembic check
# must find no drift, and downgrade (-1, or base) must restore the old catalog.
import datetime
import decimal
import json
import os
import sys
import traceback
import uuid

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

config = json.loads(sys.argv[1])
dialect = config["dialect"]
admin = sa.create_engine(config["admin"], isolation_level="AUTOCOMMIT") if config.get("admin") else None
counter = [0]


def new_database():
    counter[0] += 1
    name = "bb_mig_%s_%d" % (uuid.uuid4().hex[:10], counter[0])
    if dialect == "sqlite":
        return "sqlite:///" + os.path.join(config.get("sqlite_dir") or config["workdir"], name + ".db"), name
    with admin.connect() as c:
        if dialect == "postgresql":
            c.exec_driver_sql("CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0" % name)
        else:
            c.exec_driver_sql("CREATE DATABASE %s CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" % name)
    return admin.url.set(database=name).render_as_string(hide_password=False), name


def drop_database(name):
    if dialect == "sqlite":
        return
    with admin.connect() as c:
        if dialect == "postgresql":
            c.exec_driver_sql("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)
        else:
            c.exec_driver_sql("DROP DATABASE IF EXISTS %s" % name)


def use_project(directory):
    """Makes `app` the package of this project (every project names its package app)."""
    for m in [m for m in sys.modules if m == "app" or m.startswith("app.")]:
        del sys.modules[m]
    sys.path[:] = [p for p in sys.path if not p.startswith(config["workdir"])]
    sys.path.insert(0, directory)


def alembic(directory, url, action, *args):
    use_project(directory)
    os.environ["DATABASE_URL"] = url
    cfg = Config(os.path.join(directory, "alembic.ini"))
    getattr(command, action)(cfg, *args)


def create_all(directory, url):
    use_project(directory)
    import app.models

    engine = sa.create_engine(url)
    app.models.Base.metadata.create_all(engine)
    engine.dispose()


def run_sql(path, url):
    engine = sa.create_engine(url)
    with open(path, encoding="utf-8") as f:
        script = f.read()
    raw = engine.raw_connection()
    try:
        raw.cursor().execute(script)
        raw.commit()
    finally:
        raw.close()
    engine.dispose()


def catalog(url):
    engine = sa.create_engine(url)
    insp = sa.inspect(engine)
    out = {"tables": {}}
    for t in sorted(insp.get_table_names()):
        if t == "alembic_version":
            continue
        cols = {}
        for c in insp.get_columns(t):
            cols[c["name"]] = {
                "type": str(c["type"]),
                "nullable": c["nullable"],
                "default": None if c.get("default") is None else str(c["default"]),
                "comment": c.get("comment"),
            }
        pk = insp.get_pk_constraint(t)
        fks = sorted(
            (
                {
                    "name": fk.get("name"),
                    "columns": fk["constrained_columns"],
                    "ref": fk["referred_table"] + "." + ",".join(fk["referred_columns"]),
                    "ondelete": (fk.get("options") or {}).get("ondelete"),
                }
                for fk in insp.get_foreign_keys(t)
            ),
            key=lambda x: str(x["name"]) + str(x["columns"]),
        )
        indexes = sorted(
            ({"name": i["name"], "columns": i["column_names"], "unique": bool(i["unique"])} for i in insp.get_indexes(t)),
            key=lambda x: str(x["name"]),
        )
        uniques = sorted(
            ({"name": u["name"], "columns": u["column_names"]} for u in insp.get_unique_constraints(t)),
            key=lambda x: str(x["name"]),
        )
        comment = insp.get_table_comment(t).get("text") if dialect != "sqlite" else None
        out["tables"][t] = {
            "columns": cols,
            "pk": {"name": pk.get("name"), "columns": pk["constrained_columns"]},
            "fks": fks,
            "indexes": indexes,
            "uniques": uniques,
            "comment": comment,
        }
    if dialect == "postgresql":
        out["enums"] = sorted(({"name": e["name"], "labels": e["labels"]} for e in insp.get_enums()), key=lambda e: e["name"])
    engine.dispose()
    return out


def differences(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        found = []
        for k in sorted(set(a) | set(b), key=str):
            if k not in a:
                found.append("%s/%s: only in expected: %s" % (path, k, json.dumps(b[k], default=str)[:300]))
            elif k not in b:
                found.append("%s/%s: only in migrated: %s" % (path, k, json.dumps(a[k], default=str)[:300]))
            else:
                found.extend(differences(a[k], b[k], "%s/%s" % (path, k)))
        return found
    if a != b:
        return ["%s: migrated %s, expected %s" % (path, json.dumps(a, default=str), json.dumps(b, default=str))]
    return []


def sample(column, length):
    t = column.type
    if isinstance(t, sa.Enum):
        return t.enums[0]
    if isinstance(t, sa.Boolean):
        return True
    if isinstance(t, sa.Integer):
        return 7
    if isinstance(t, sa.DateTime):
        return datetime.datetime(2024, 5, 6, 7, 8, 9)
    if isinstance(t, sa.Date):
        return datetime.date(2024, 5, 6)
    if isinstance(t, sa.Time):
        return datetime.time(7, 8, 9)
    if isinstance(t, sa.Float):
        return 1.5
    if isinstance(t, sa.Numeric):
        return decimal.Decimal("3")
    if isinstance(t, sa.JSON):
        return {"k": 1}
    if isinstance(t, sa.Uuid):
        return uuid.UUID("12345678-1234-5678-1234-567812345678")
    if isinstance(t, sa.LargeBinary):
        return b"xy"
    if isinstance(t, (sa.String, sa.Text)):
        n = getattr(t, "length", None) or 20
        if n == 32 and dialect != "postgresql" and "CHAR" in str(t).upper() and not isinstance(t, sa.VARCHAR):
            return "12345678123456781234567812345678"
        return ("v-" + column.name)[: max(1, min(n, 20))]
    return None


def insert_rows(url):
    """One row per table, parents first; nullable keys whose parent comes later stay NULL."""
    engine = sa.create_engine(url)
    md = sa.MetaData()
    md.reflect(engine)
    keys = {}
    with engine.begin() as c:
        for table in md.sorted_tables:
            if table.name == "alembic_version":
                continue
            row = {}
            for col in table.columns:
                single_int_pk = col.primary_key and len(table.primary_key.columns) == 1 and isinstance(col.type, sa.Integer)
                if single_int_pk and not col.foreign_keys:
                    continue
                fk = next(iter(col.foreign_keys), None)
                if fk is not None:
                    ref = keys.get((fk.column.table.name, fk.column.name))
                    if ref is None and col.nullable:
                        row[col.name] = None
                        continue
                    row[col.name] = ref
                    continue
                row[col.name] = sample(col, None)
            result = c.execute(table.insert().values(**row))
            ids = dict(zip([k.name for k in table.primary_key.columns], result.inserted_primary_key or []))
            for col in table.columns:
                keys[(table.name, col.name)] = ids.get(col.name, row.get(col.name))
    engine.dispose()


def rows(url):
    engine = sa.create_engine(url)
    md = sa.MetaData()
    md.reflect(engine)
    out = {}
    with engine.connect() as c:
        for table in md.sorted_tables:
            r = c.execute(sa.select(table)).mappings().first()
            out[table.name] = {k: None if v is None else str(v) for k, v in (r or {}).items()}
    engine.dispose()
    return out


def expected_catalog(directory, schema_sql):
    """A fresh database from the models (and from schema.sql, which must agree, on PostgreSQL)."""
    url, name = new_database()
    try:
        create_all(directory, url)
        fresh = catalog(url)
    finally:
        drop_database(name)
    problems = []
    if schema_sql and dialect == "postgresql":
        url, name = new_database()
        try:
            run_sql(schema_sql, url)
            problems += ["schema.sql vs create_all " + d for d in differences(catalog(url), fresh)]
        finally:
            drop_database(name)
    return fresh, problems


def run_case(case):
    problems = []
    new = case["new"]
    old = case.get("old")
    url, name = new_database()
    try:
        if old:
            alembic(old, url, "upgrade", "head")
            insert_rows(url)
            before_rows = rows(url)
            before = catalog(url)
        alembic(new, url, "upgrade", "head")
        expected, p = expected_catalog(new, os.path.join(new, "schema.sql"))
        problems += p
        problems += ["upgrade " + d for d in differences(catalog(url), expected)]
        try:
            alembic(new, url, "check")
        except Exception as e:
            problems.append("alembic check: %s" % e)
        if old:
            after_rows = rows(url)
            for ot, oc, nt, nc in case.get("kept", []):
                a = before_rows.get(ot, {}).get(oc, "<missing>")
                b = after_rows.get(nt, {}).get(nc, "<missing>")
                if a != b:
                    problems.append("kept value %s.%s=%r became %s.%s=%r" % (ot, oc, a, nt, nc, b))
            alembic(new, url, "downgrade", "-1")
            old_expected, _ = expected_catalog(old, None)
            problems += ["downgrade " + d for d in differences(catalog(url), old_expected)]
            problems += ["downgrade vs before " + d for d in differences(catalog(url), before)]
        else:
            alembic(new, url, "downgrade", "base")
            left = catalog(url)
            if left["tables"] or left.get("enums"):
                problems.append("downgrade base left %s" % json.dumps(left)[:500])
    except Exception:
        problems.append(traceback.format_exc()[-3000:])
    finally:
        drop_database(name)
    return {"id": case["id"], "problems": problems}


results = [run_case(c) for c in config["cases"]]
with open(config["result"], "w", encoding="utf-8") as f:
    json.dump(results, f)
