"""Request and response models of posts (the Post model)."""

import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.models import PostStatus
from app.schemas.common import Int32, NotNull, Text


class PostCreate(BaseModel):
    """Body of POST /posts: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    title: Text = Field(max_length=200)
    content: Text | None = None
    author_id: Int32
    status: NotNull[PostStatus] = Field(default=None)


class PostUpdate(BaseModel):
    """Body of PATCH /posts/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    title: NotNull[Text] = Field(default=None, max_length=200)
    content: Text | None = None
    author_id: NotNull[Int32] = Field(default=None)
    status: NotNull[PostStatus] = Field(default=None)


class PostRead(BaseModel):
    """A row of posts as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    title: str
    content: str | None
    author_id: int
    status: PostStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    is_deleted: bool
    deleted_at: datetime.datetime | None


class PostQuery(BaseModel):
    """Query parameters of GET /posts: page, sort order and equality filters."""

    limit: int | None = Field(default=None, ge=1)
    offset: int = Field(default=0, ge=0, le=2147483647)
    sort: str | None = Field(
        default=None,
        description="Columns to sort by, e.g. a,-b (- for descending)",
    )
    include_deleted: bool = False
    id: Int32 | None = None
    author_id: Int32 | None = None
    status: PostStatus | None = None


class PostPage(BaseModel):
    """One page of posts rows."""

    items: list[PostRead]
    total: int
    limit: int
    offset: int
