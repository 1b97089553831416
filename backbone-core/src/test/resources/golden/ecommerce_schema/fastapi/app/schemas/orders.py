"""Request and response models of orders (the Order model)."""

import datetime
import decimal

from pydantic import BaseModel, ConfigDict, Field

from app.models import OrderStatus
from app.schemas.common import Int32, NotNull, Text


class OrderCreate(BaseModel):
    """Body of POST /orders: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    order_number: Text = Field(max_length=50)
    status: OrderStatus | None = None
    total_amount: decimal.Decimal = Field(
        max_digits=10, decimal_places=2, allow_inf_nan=False
    )
    user_id: Int32 | None = None


class OrderUpdate(BaseModel):
    """Body of PATCH /orders/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    order_number: NotNull[Text] = Field(default=None, max_length=50)
    status: OrderStatus | None = None
    total_amount: NotNull[decimal.Decimal] = Field(
        default=None, max_digits=10, decimal_places=2, allow_inf_nan=False
    )
    user_id: Int32 | None = None


class OrderRead(BaseModel):
    """A row of orders as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    order_number: str
    status: OrderStatus | None
    total_amount: decimal.Decimal
    user_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class OrderQuery(BaseModel):
    """Query parameters of GET /orders: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    id: Int32 | None = None
    order_number: Text | None = None
    status: OrderStatus | None = None
    user_id: Int32 | None = None


class OrderPage(BaseModel):
    """One page of orders rows."""

    items: list[OrderRead]
    total: int
    limit: int
    offset: int
