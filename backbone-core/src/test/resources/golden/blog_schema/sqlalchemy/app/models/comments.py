"""The Comment model (table comments)."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .mixins import SoftDeleteMixin, TimestampMixin

if TYPE_CHECKING:
    from .posts import Post
    from .users import User


class Comment(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    content: Mapped[str] = mapped_column(sa.Text(), nullable=False)
    author_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("users.id"), nullable=True
    )
    post_id: Mapped[int | None] = mapped_column(
        sa.Integer(), sa.ForeignKey("posts.id"), nullable=True
    )

    author: Mapped["User | None"] = relationship(back_populates="comments")
    post: Mapped["Post | None"] = relationship(back_populates="comments")
