"""Fixtures: the app on its own database (SQLite by default, DATABASE_URL when set).

With TEST_BASE_URL set (e.g. http://127.0.0.1:8000) the same tests drive a running server
over HTTP instead, on the database that server uses (migrated, not created here).
"""

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError

BASE_URL = os.environ.get("TEST_BASE_URL")
_FOLDER = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_FOLDER.name}/test.db")

from app.database import get_engine  # noqa: E402
from app.main import app  # noqa: E402
from app.models import Base  # noqa: E402


@event.listens_for(Engine, "connect")
def _fast_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    """The test database may lose data on a crash: no waiting for the disk."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA journal_mode=MEMORY")
        cursor.close()


@pytest.fixture(scope="session")
def schema() -> Iterator[None]:
    """Creates every table once, drops them after the last test."""
    if BASE_URL:
        yield
        return
    Base.metadata.create_all(get_engine())
    yield
    Base.metadata.drop_all(get_engine())
    get_engine().dispose()


@pytest.fixture(autouse=True)
def tables(schema: None) -> Iterator[None]:
    """Every test starts on empty tables: their rows are deleted after each test."""
    yield
    if BASE_URL:
        return
    try:
        with get_engine().begin() as connection:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
    except DBAPIError:
        # rows that refer to each other in a cycle: start again from new tables
        Base.metadata.drop_all(get_engine())
        Base.metadata.create_all(get_engine())


@pytest.fixture()
def client() -> Iterator[httpx.Client]:
    """A client of the app (runs its lifespan), or of the server at TEST_BASE_URL."""
    if BASE_URL:
        with httpx.Client(base_url=BASE_URL, timeout=30) as live:
            yield live
        return
    with TestClient(app) as test_client:
        yield test_client
