"""Request and response models of users (the User model)."""

import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.models import UserRole
from app.schemas.common import Int32, NotNull, Text


class UserCreate(BaseModel):
    """Body of POST /users: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    email: Text = Field(max_length=100)
    username: Text = Field(max_length=50)
    role: UserRole | None = None


class UserUpdate(BaseModel):
    """Body of PATCH /users/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    email: NotNull[Text] = Field(default=None, max_length=100)
    username: NotNull[Text] = Field(default=None, max_length=50)
    role: UserRole | None = None


class UserRead(BaseModel):
    """A row of users as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    email: str
    username: str
    role: UserRole | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class UserQuery(BaseModel):
    """Query parameters of GET /users: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    id: Int32 | None = None
    email: Text | None = None
    username: Text | None = None
    role: UserRole | None = None


class UserPage(BaseModel):
    """One page of users rows."""

    items: list[UserRead]
    total: int
    limit: int
    offset: int
