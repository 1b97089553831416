"""Request and response models of products (the Product model)."""

import datetime
import decimal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, NotNull, Text


class ProductCreate(BaseModel):
    """Body of POST /products: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(max_length=200)
    description: Text | None = None
    price: decimal.Decimal = Field(max_digits=10, decimal_places=2, allow_inf_nan=False)
    sku: Text = Field(max_length=50)
    category_id: Int32 | None = None


class ProductUpdate(BaseModel):
    """Body of PATCH /products/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    name: NotNull[Text] = Field(default=None, max_length=200)
    description: Text | None = None
    price: NotNull[decimal.Decimal] = Field(
        default=None, max_digits=10, decimal_places=2, allow_inf_nan=False
    )
    sku: NotNull[Text] = Field(default=None, max_length=50)
    category_id: Int32 | None = None


class ProductRead(BaseModel):
    """A row of products as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    name: str
    description: str | None
    price: decimal.Decimal
    sku: str
    category_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    is_deleted: bool
    deleted_at: datetime.datetime | None


class ProductQuery(BaseModel):
    """Query parameters of GET /products: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    include_deleted: bool = False
    id: Int32 | None = None
    sku: Text | None = None
    category_id: Int32 | None = None


class ProductPage(BaseModel):
    """One page of products rows."""

    items: list[ProductRead]
    total: int
    limit: int
    offset: int
