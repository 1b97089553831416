"""Hooks of the users routes: yours to edit.

BackBone writes this file once and never overwrites it; the routes in app/api call these
functions, so rules of your own live here and survive a regeneration.
"""

from sqlalchemy.orm import Session

from app.models import User
from app.schemas.users import UserCreate, UserUpdate


def before_create(
    session: Session,
    data: UserCreate,
) -> UserCreate:
    """Runs before a row is added; returns the (possibly changed) data."""
    return data


def after_create(
    session: Session,
    row: User,
) -> None:
    """Runs after the new row is committed."""


def before_update(
    session: Session,
    row: User,
    data: UserUpdate,
) -> UserUpdate:
    """Runs before the changes are applied; returns the (possibly changed) data."""
    return data


def after_update(
    session: Session,
    row: User,
) -> None:
    """Runs after the changes are committed."""


def before_delete(
    session: Session,
    row: User,
) -> None:
    """Runs before a row is deleted; raise an HTTPException to refuse."""


def after_delete(
    session: Session,
    row: User,
) -> None:
    """Runs after the deletion is committed."""
