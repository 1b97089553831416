"""The Product model (table products)."""

import decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .mixins import SoftDeleteMixin, TimestampMixin

if TYPE_CHECKING:
    from .categories import Category
    from .order_items import OrderItem


class Product(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    description: Mapped[str | None] = mapped_column(sa.Text(), nullable=True)
    price: Mapped[decimal.Decimal] = mapped_column(sa.Numeric(10, 2), nullable=False)
    sku: Mapped[str] = mapped_column(sa.String(50), nullable=False, unique=True)
    category_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("categories.id"), nullable=True
    )

    category: Mapped["Category | None"] = relationship(back_populates="products")
    order_items: Mapped[list["OrderItem"]] = relationship(back_populates="product")
