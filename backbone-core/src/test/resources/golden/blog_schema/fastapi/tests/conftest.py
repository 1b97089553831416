"""Fixtures: the app on its own database (SQLite by default, DATABASE_URL when set)."""

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

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


@pytest.fixture(autouse=True)
def tables() -> Iterator[None]:
    """Every test starts on empty tables: created before it, dropped after it."""
    Base.metadata.create_all(get_engine())
    yield
    Base.metadata.drop_all(get_engine())


@pytest.fixture()
def client() -> Iterator[TestClient]:
    """A client of the app (runs its lifespan)."""
    with TestClient(app) as test_client:
        yield test_client
