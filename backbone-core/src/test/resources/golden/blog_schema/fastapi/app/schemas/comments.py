"""Request and response models of comments (the Comment model)."""

import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, NotNull, Text


class CommentCreate(BaseModel):
    """Body of POST /comments: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    content: Text
    author_id: Int32 | None = None
    post_id: Int32 | None = None


class CommentUpdate(BaseModel):
    """Body of PATCH /comments/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    content: NotNull[Text] = Field(default=None)
    author_id: Int32 | None = None
    post_id: Int32 | None = None


class CommentRead(BaseModel):
    """A row of comments as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    content: str
    author_id: int | None
    post_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    is_deleted: bool
    deleted_at: datetime.datetime | None


class CommentQuery(BaseModel):
    """Query parameters of GET /comments: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    include_deleted: bool = False
    id: Int32 | None = None
    author_id: Int32 | None = None
    post_id: Int32 | None = None


class CommentPage(BaseModel):
    """One page of comments rows."""

    items: list[CommentRead]
    total: int
    limit: int
    offset: int
