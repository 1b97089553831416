"""Database errors as HTTP answers: 409 naming the constraint and its columns."""

import math
from typing import Any

from fastapi import HTTPException, status
from sqlalchemy import ForeignKeyConstraint, Table, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ColumnCollectionConstraint

from app.models import Base


def _constraints() -> dict[str, tuple[str, Table, list[str]]]:
    """Every named constraint of the models: its kind, table and column names."""
    found: dict[str, tuple[str, Table, list[str]]] = {}
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, ColumnCollectionConstraint) and isinstance(
                constraint.name, str
            ):
                kind = type(constraint).__name__
                found[constraint.name] = (kind, table, list(constraint.columns.keys()))
        for index in table.indexes:
            if index.unique and isinstance(index.name, str):
                columns = [column.name for column in index.columns]
                found[index.name] = ("UniqueConstraint", table, columns)
    return found


CONSTRAINTS = _constraints()
KINDS = {
    "UniqueConstraint": "unique",
    "PrimaryKeyConstraint": "primary_key",
    "ForeignKeyConstraint": "foreign_key",
    "CheckConstraint": "check",
}


def _named_constraint(error: IntegrityError) -> str | None:
    """The violated constraint's name: PostgreSQL tells it; others name it in the message."""
    diag = getattr(error.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if isinstance(name, str):
        return name
    message = str(error.orig)
    for candidate in sorted(CONSTRAINTS, key=len, reverse=True):
        if f"'{candidate}'" in message or f"`{candidate}`" in message:
            return candidate
        if f".{candidate}'" in message or f'"{candidate}"' in message:
            return candidate
    return None


def _sqlite_constraint(error: IntegrityError, table: Table) -> str | None:
    """SQLite names columns (UNIQUE constraint failed: t.a, t.b), not constraints."""
    message = str(error.orig)
    marker = "UNIQUE constraint failed: "
    if marker not in message:
        return None
    columns = [
        part.strip().split(".")[-1] for part in message.split(marker)[1].split(",")
    ]
    for name, (kind, owner, names) in CONSTRAINTS.items():
        if owner is table and kind != "ForeignKeyConstraint" and names == columns:
            return name
    return None


def _missing_reference(
    session: Session, table: Table, values: dict[str, Any]
) -> str | None:
    """The first foreign key of a row whose value points to no row (SQLite names none)."""
    for constraint in table.constraints:
        if not isinstance(constraint, ForeignKeyConstraint):
            continue
        element = constraint.elements[0]
        value = values.get(element.parent.key)
        if value is None:
            continue
        query = select(exists().where(element.column == value))
        if not session.scalar(query):
            return str(constraint.name)
    return None


def conflict(
    session: Session,
    error: IntegrityError,
    table: Table,
    values: dict[str, Any],
    deleting: bool = False,
) -> HTTPException:
    """The 409 of a write the database refused; rolls the session back first."""
    session.rollback()
    name = _named_constraint(error) or _sqlite_constraint(error, table)
    if name is None and not deleting and "FOREIGN KEY" in str(error.orig).upper():
        name = _missing_reference(session, table, values)
    if name is None or name not in CONSTRAINTS:
        what = "other rows still refer to it" if deleting else "it breaks a constraint"
        return HTTPException(
            status.HTTP_409_CONFLICT,
            detail={"message": f"the {table.name} row cannot be written: {what}"},
        )
    kind, owner, columns = CONSTRAINTS[name]
    label = KINDS.get(kind, kind)
    if label == "foreign_key" and deleting:
        message = f"rows of {owner.name} still refer to it through {', '.join(columns)}"
    elif label == "foreign_key":
        message = (
            f"{', '.join(columns)} of {owner.name} refers to a row that does not exist"
        )
    else:
        message = f"{owner.name} already has a row with this {', '.join(columns)}"
    return HTTPException(
        status.HTTP_409_CONFLICT,
        detail={
            "message": message,
            "constraint": name,
            "kind": label,
            "table": owner.name,
            "columns": columns,
        },
    )


def not_found(table: str, **key: object) -> HTTPException:
    """The 404 of a key that names no row."""
    shown = ", ".join(f"{name}={value!r}" for name, value in key.items())
    return HTTPException(
        status.HTTP_404_NOT_FOUND,
        detail={
            "message": f"no row of {table} with {shown}",
            "table": table,
            "key": {name: str(value) for name, value in key.items()},
        },
    )


def json_safe(value: Any) -> Any:
    """Echoed input made fit for a JSON body: NaN and Infinity as text, bad Unicode replaced."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {json_safe(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return value
