"""Request and response models of posts (the Post model)."""

import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.models import PostStatus
from app.schemas.common import Int32, NotNull, Text


class PostCreate(BaseModel):
    """Body of POST /posts: server-managed columns are not accepted."""

    model_config = ConfigDict(extra="forbid")

    title: Text = Field(max_length=200)
    content: Text
    slug: Text = Field(max_length=200)
    status: PostStatus | None = None
    author_id: Int32 | None = None


class PostUpdate(BaseModel):
    """Body of PATCH /posts/...: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    title: NotNull[Text] = Field(default=None, max_length=200)
    content: NotNull[Text] = Field(default=None)
    slug: NotNull[Text] = Field(default=None, max_length=200)
    status: PostStatus | None = None
    author_id: Int32 | None = None


class PostRead(BaseModel):
    """A row of posts as the API returns it."""

    model_config = ConfigDict(from_attributes=True, ser_json_bytes="base64")

    id: int
    title: str
    content: str
    slug: str
    status: PostStatus | None
    author_id: int | None
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
    slug: Text | None = None
    status: PostStatus | None = None
    author_id: Int32 | None = None


class PostPage(BaseModel):
    """One page of posts rows."""

    items: list[PostRead]
    total: int
    limit: int
    offset: int
