"""Dependencies of the routes: the database session, pagination and sorting."""

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Query, status
from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    UnaryExpression,
    event,
    func,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.database import get_session_factory
from app.settings import get_settings

# The query parameters of a list route that are not filters.
LIST_PARAMETERS = {"limit", "offset", "sort", "include_deleted"}


@event.listens_for(Engine, "connect")
def _sqlite_foreign_keys(dbapi_connection: Any, connection_record: Any) -> None:
    """SQLite checks foreign keys only when each connection asks it to."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def get_db() -> Iterator[Session]:
    """One session per request, closed afterwards."""
    with get_session_factory()() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]


@dataclass(frozen=True)
class Page:
    """Which slice of a list a request asks for."""

    limit: int
    offset: int


def page_request(limit: int | None, offset: int) -> Page:
    """limit (at most MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent) and offset."""
    settings = get_settings()
    if limit is None:
        limit = settings.DEFAULT_PAGE_SIZE
    if limit > settings.MAX_PAGE_SIZE:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail=f"limit must be at most {settings.MAX_PAGE_SIZE}",
        )
    return Page(limit=limit, offset=offset)


def pagination(
    limit: Annotated[int | None, Query(ge=1)] = None,
    offset: Annotated[int, Query(ge=0, le=2147483647)] = 0,
) -> Page:
    """The ?limit= and ?offset= of a list route, as a dependency."""
    return page_request(limit, offset)


PageDep = Annotated[Page, Depends(pagination)]


def order_by(
    sort: str | None,
    columns: Mapping[str, InstrumentedAttribute[Any]],
    default: Sequence[InstrumentedAttribute[Any]],
) -> list[ColumnElement[Any] | UnaryExpression[Any]]:
    """The ORDER BY of ?sort=a,-b; the primary key breaks ties so pages are stable."""
    clauses: list[ColumnElement[Any] | UnaryExpression[Any]] = []
    for part in (sort or "").split(","):
        name = part.strip()
        if not name:
            continue
        column = columns.get(name.removeprefix("-"))
        if column is None:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                detail=f"cannot sort by {name!r}; sortable: {', '.join(columns)}",
            )
        clauses.append(column.desc() if name.startswith("-") else column.asc())
    clauses.extend(column.asc() for column in default)
    return clauses


def page_of(
    session: Session, query: Select[Any], order: Sequence[Any], page: Page
) -> tuple[list[Any], int]:
    """The rows of one page and the total number of rows the query matches."""
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(*order).limit(page.limit).offset(page.offset)
    ).all()
    return list(rows), total


def location(prefix: str, *key: object) -> str:
    """The path of one row: its key values, each quoted as one path segment."""
    return prefix + "".join("/" + quote(str(value), safe="") for value in key)
