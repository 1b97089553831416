"""The OrderItem model (table order_items)."""

import decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .mixins import TimestampMixin

if TYPE_CHECKING:
    from .orders import Order
    from .products import Product


class OrderItem(TimestampMixin, Base):
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    quantity: Mapped[int] = mapped_column(sa.Integer(), nullable=False)
    unit_price: Mapped[decimal.Decimal] = mapped_column(
        sa.Numeric(10, 2), nullable=False
    )
    order_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("orders.id"), nullable=True
    )
    product_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("products.id"), nullable=True
    )

    order: Mapped["Order | None"] = relationship(back_populates="order_items")
    product: Mapped["Product | None"] = relationship(back_populates="order_items")
