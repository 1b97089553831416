"""The Order model (table orders)."""

import decimal
import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_values
from .mixins import TimestampMixin

if TYPE_CHECKING:
    from .order_items import OrderItem
    from .users import User


class OrderStatus(enum.Enum):
    """Labels of orders.status."""

    PENDING = "pending"
    PROCESSING = "processing"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class Order(TimestampMixin, Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    order_number: Mapped[str] = mapped_column(
        sa.String(50), nullable=False, unique=True
    )
    status: Mapped[OrderStatus | None] = mapped_column(
        sa.Enum(OrderStatus, name="orders_status", values_callable=enum_values),
        nullable=True,
        server_default="pending",
    )
    total_amount: Mapped[decimal.Decimal] = mapped_column(
        sa.Numeric(10, 2), nullable=False
    )
    user_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("users.id"), nullable=True
    )

    user: Mapped["User | None"] = relationship(back_populates="orders")
    order_items: Mapped[list["OrderItem"]] = relationship(back_populates="order")
