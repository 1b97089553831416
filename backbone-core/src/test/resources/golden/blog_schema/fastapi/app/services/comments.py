"""Hooks of the comments routes: yours to edit.

BackBone writes this file once and never overwrites it; the routes in app/api call these
functions, so rules of your own live here and survive a regeneration.
"""

from sqlalchemy.orm import Session

from app.models import Comment
from app.schemas.comments import CommentCreate, CommentUpdate


def before_create(
    session: Session,
    data: CommentCreate,
) -> CommentCreate:
    """Runs before a row is added; returns the (possibly changed) data."""
    return data


def after_create(
    session: Session,
    row: Comment,
) -> None:
    """Runs after the new row is committed."""


def before_update(
    session: Session,
    row: Comment,
    data: CommentUpdate,
) -> CommentUpdate:
    """Runs before the changes are applied; returns the (possibly changed) data."""
    return data


def after_update(
    session: Session,
    row: Comment,
) -> None:
    """Runs after the changes are committed."""


def before_delete(
    session: Session,
    row: Comment,
) -> None:
    """Runs before a row is deleted; raise an HTTPException to refuse."""


def after_delete(
    session: Session,
    row: Comment,
) -> None:
    """Runs after the deletion is committed."""
