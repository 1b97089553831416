"""Request and response models of categories (the Category model)."""

import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, NotNull, Text


class CategoryCreate(BaseModel):
    """Body of POST /categories: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(max_length=100)
    description: Text | None = None


class CategoryUpdate(BaseModel):
    """Body of PATCH /categories/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    name: NotNull[Text] = Field(default=None, max_length=100)
    description: Text | None = None


class CategoryRead(BaseModel):
    """A row of categories as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    name: str
    description: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class CategoryQuery(BaseModel):
    """Query parameters of GET /categories: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    id: Int32 | None = None
    name: Text | None = None


class CategoryPage(BaseModel):
    """One page of categories rows."""

    items: list[CategoryRead]
    total: int
    limit: int
    offset: int
