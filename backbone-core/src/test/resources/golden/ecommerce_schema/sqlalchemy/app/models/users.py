"""The User model (table users)."""

import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_values
from .mixins import TimestampMixin

if TYPE_CHECKING:
    from .orders import Order


class UserRole(enum.Enum):
    """Labels of users.role."""

    CUSTOMER = "customer"
    ADMIN = "admin"


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(100), nullable=False, unique=True)
    username: Mapped[str] = mapped_column(sa.String(50), nullable=False, unique=True)
    role: Mapped[UserRole | None] = mapped_column(
        sa.Enum(UserRole, name="users_role", values_callable=enum_values),
        nullable=True,
        server_default="customer",
    )

    orders: Mapped[list["Order"]] = relationship(back_populates="user")
