"""Columns several models share (table options use_timestamps, use_soft_delete)."""

import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


class TimestampMixin:
    """Creation and last update times, set by the database (updated_at also by the ORM)."""

    created_at: Mapped[datetime.datetime] = mapped_column(
        sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    )
    updated_at: Mapped[datetime.datetime] = mapped_column(
        sa.DateTime(timezone=True),
        nullable=False,
        server_default=sa.func.now(),
        onupdate=sa.func.now(),
    )


class SoftDeleteMixin:
    """Marks a row deleted (is_deleted, deleted_at) instead of removing it."""

    is_deleted: Mapped[bool] = mapped_column(
        sa.Boolean(), nullable=False, index=True, server_default=sa.false()
    )
    deleted_at: Mapped[datetime.datetime | None] = mapped_column(
        sa.DateTime(timezone=True), nullable=True
    )
