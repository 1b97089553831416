"""Models of BlogBackend: importing this package maps every model."""

from .base import Base
from .comments import Comment
from .posts import Post, PostStatus
from .users import User

__all__ = ["Base", "Comment", "Post", "PostStatus", "User"]
