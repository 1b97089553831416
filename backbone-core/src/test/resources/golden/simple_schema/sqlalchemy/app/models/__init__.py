"""Models of SimpleBlog: importing this package maps every model."""

from .base import Base
from .posts import Post, PostStatus
from .users import User, UserStatus

__all__ = ["Base", "Post", "PostStatus", "User", "UserStatus"]
