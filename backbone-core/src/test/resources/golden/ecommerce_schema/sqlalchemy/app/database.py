"""Engines and sessions of EcommerceBackend (PostgreSQL).

The URL comes from the DATABASE_URL environment variable, else DEFAULT_DATABASE_URL.
The async engine uses ASYNC_DATABASE_URL, else DATABASE_URL with the async driver of its
database. Engines are created on first use, so importing this module needs no driver:
engine, SessionLocal, async_engine and AsyncSessionLocal are made when first accessed.
"""

import os
from collections.abc import AsyncIterator, Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine, create_engine, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATABASE_URL = "postgresql+psycopg2://postgres@localhost:5432/ecommercebackend"

# The async driver SQLAlchemy uses for each database.
ASYNC_DRIVERS = {
    "postgresql": "asyncpg",
    "mysql": "aiomysql",
    "sqlite": "aiosqlite",
    "mssql": "aioodbc",
}

if TYPE_CHECKING:
    engine: Engine
    SessionLocal: sessionmaker[Session]
    async_engine: AsyncEngine
    AsyncSessionLocal: async_sessionmaker[AsyncSession]


def database_url() -> URL:
    """The URL of the synchronous engine."""
    return make_url(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)


def async_database_url() -> URL:
    """ASYNC_DATABASE_URL, else the synchronous URL with the async driver of its database."""
    explicit = os.environ.get("ASYNC_DATABASE_URL")
    if explicit:
        return make_url(explicit)
    url = database_url()
    backend = url.get_backend_name()
    driver = ASYNC_DRIVERS.get(backend)
    return url.set(drivername=f"{backend}+{driver}") if driver else url


@cache
def get_engine() -> Engine:
    """The synchronous engine, created on first use."""
    return create_engine(database_url(), pool_pre_ping=True)


@cache
def get_async_engine() -> AsyncEngine:
    """The async engine, created on first use."""
    return create_async_engine(async_database_url(), pool_pre_ping=True)


@cache
def get_session_factory() -> sessionmaker[Session]:
    """Makes sessions on the synchronous engine."""
    return sessionmaker(bind=get_engine(), autoflush=False, expire_on_commit=False)


@cache
def get_async_session_factory() -> async_sessionmaker[AsyncSession]:
    """Makes sessions on the async engine."""
    return async_sessionmaker(
        bind=get_async_engine(), autoflush=False, expire_on_commit=False
    )


def get_session() -> Iterator[Session]:
    """One session per request (a FastAPI dependency), closed afterwards."""
    with get_session_factory()() as session:
        yield session


async def get_async_session() -> AsyncIterator[AsyncSession]:
    """One async session per request (a FastAPI dependency), closed afterwards."""
    async with get_async_session_factory()() as session:
        yield session


_LAZY: dict[str, Callable[[], object]] = {
    "engine": get_engine,
    "SessionLocal": get_session_factory,
    "async_engine": get_async_engine,
    "AsyncSessionLocal": get_async_session_factory,
}


def __getattr__(name: str) -> object:
    """Creates engine, SessionLocal, async_engine and AsyncSessionLocal on first access."""
    factory = _LAZY.get(name)
    if factory is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return factory()
