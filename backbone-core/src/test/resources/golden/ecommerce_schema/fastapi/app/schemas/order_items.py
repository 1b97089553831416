"""Request and response models of order_items (the OrderItem model)."""

import datetime
import decimal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, NotNull


class OrderItemCreate(BaseModel):
    """Body of POST /order_items: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    quantity: Int32
    unit_price: decimal.Decimal = Field(
        max_digits=10, decimal_places=2, allow_inf_nan=False
    )
    order_id: Int32 | None = None
    product_id: Int32 | None = None


class OrderItemUpdate(BaseModel):
    """Body of PATCH /order_items/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    quantity: NotNull[Int32] = Field(default=None)
    unit_price: NotNull[decimal.Decimal] = Field(
        default=None, max_digits=10, decimal_places=2, allow_inf_nan=False
    )
    order_id: Int32 | None = None
    product_id: Int32 | None = None


class OrderItemRead(BaseModel):
    """A row of order_items as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    quantity: int
    unit_price: decimal.Decimal
    order_id: int | None
    product_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class OrderItemQuery(BaseModel):
    """Query parameters of GET /order_items: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    id: Int32 | None = None
    order_id: Int32 | None = None
    product_id: Int32 | None = None


class OrderItemPage(BaseModel):
    """One page of order_items rows."""

    items: list[OrderItemRead]
    total: int
    limit: int
    offset: int
