"""The User model (table users)."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base
from .mixins import TimestampMixin

if TYPE_CHECKING:
    from .comments import Comment
    from .posts import Post


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(50), nullable=False, unique=True)
    email: Mapped[str] = mapped_column(sa.String(100), nullable=False, unique=True)
    bio: Mapped[str | None] = mapped_column(sa.Text(), nullable=True)

    posts: Mapped[list["Post"]] = relationship(back_populates="author")
    comments: Mapped[list["Comment"]] = relationship(back_populates="author")
