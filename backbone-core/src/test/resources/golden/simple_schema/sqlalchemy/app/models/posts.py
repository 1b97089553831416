"""The Post model (table posts)."""

import enum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_values
from .mixins import SoftDeleteMixin, TimestampMixin

if TYPE_CHECKING:
    from .users import User


class PostStatus(enum.Enum):
    """Labels of posts.status."""

    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Post(TimestampMixin, SoftDeleteMixin, Base):
    """Blog posts"""

    __tablename__ = "posts"
    __table_args__ = {"comment": "Blog posts"}

    id: Mapped[int] = mapped_column(
        sa.Integer(), primary_key=True, comment="Primary key"
    )
    title: Mapped[str] = mapped_column(
        sa.String(200), nullable=False, comment="Post title"
    )
    content: Mapped[str | None] = mapped_column(
        sa.Text(), nullable=True, comment="Post content"
    )
    author_id: Mapped[int] = mapped_column(
        sa.Integer(),
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        comment="Author foreign key",
    )
    status: Mapped[PostStatus] = mapped_column(
        sa.Enum(PostStatus, name="posts_status", values_callable=enum_values),
        nullable=False,
        server_default="draft",
        comment="Post status",
    )

    author: Mapped["User"] = relationship(back_populates="posts", doc="Post author")
