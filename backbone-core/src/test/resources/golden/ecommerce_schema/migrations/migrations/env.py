"""Alembic environment of EcommerceBackend.

The URL is app.database's: DATABASE_URL from the environment, else its default.
The target metadata is the models' (their naming convention included), compared
with compare_type=True; SQLite runs in batch mode, which rebuilds a table where
SQLite cannot ALTER it.
"""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

from app.database import database_url
from app.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def run_migrations_offline() -> None:
    """Writes the SQL instead of running it (alembic upgrade --sql)."""
    url = database_url()
    context.configure(
        url=url.render_as_string(hide_password=False),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        compare_type=True,
        render_as_batch=url.get_backend_name() == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Runs the migrations on a connection of their own."""
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=True,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
