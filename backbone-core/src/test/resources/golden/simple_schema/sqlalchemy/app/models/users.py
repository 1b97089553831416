"""The User model (table users)."""

import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_values
from .mixins import TimestampMixin

if TYPE_CHECKING:
    from .posts import Post


class UserStatus(enum.Enum):
    """Labels of users.status."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    BANNED = "banned"


class User(TimestampMixin, Base):
    """User accounts"""

    __tablename__ = "users"
    __table_args__ = {"comment": "User accounts"}

    id: Mapped[int] = mapped_column(
        sa.Integer(), primary_key=True, comment="Primary key"
    )
    username: Mapped[str] = mapped_column(
        sa.String(50),
        nullable=False,
        unique=True,
        index=True,
        comment="Unique username",
    )
    email: Mapped[str] = mapped_column(
        sa.String(100), nullable=False, unique=True, comment="User email"
    )
    status: Mapped[UserStatus] = mapped_column(
        sa.Enum(UserStatus, name="users_status", values_callable=enum_values),
        nullable=False,
        server_default="active",
        comment="User account status",
    )

    posts: Mapped[list["Post"]] = relationship(
        back_populates="author", doc="User's posts"
    )
