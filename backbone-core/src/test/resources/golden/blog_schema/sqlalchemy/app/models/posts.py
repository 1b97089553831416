"""The Post model (table posts)."""

import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_values
from .mixins import SoftDeleteMixin, TimestampMixin

if TYPE_CHECKING:
    from .comments import Comment
    from .users import User


class PostStatus(enum.Enum):
    """Labels of posts.status."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Post(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    content: Mapped[str] = mapped_column(sa.Text(), nullable=False)
    slug: Mapped[str] = mapped_column(sa.String(200), nullable=False, unique=True)
    status: Mapped[PostStatus | None] = mapped_column(
        sa.Enum(PostStatus, name="posts_status", values_callable=enum_values),
        nullable=True,
        server_default="draft",
    )
    author_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("users.id"), nullable=True
    )

    author: Mapped["User | None"] = relationship(back_populates="posts")
    comments: Mapped[list["Comment"]] = relationship(back_populates="post")
