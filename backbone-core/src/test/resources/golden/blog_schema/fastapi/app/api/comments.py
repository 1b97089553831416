"""CRUD routes of comments (the Comment model)."""

import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.api.deps import (
    LIST_PARAMETERS,
    SessionDep,
    location,
    order_by,
    page_of,
    page_request,
)
from app.api.errors import conflict, not_found
from app.models import Base, Comment
from app.schemas.comments import CommentCreate, CommentPage, CommentRead, CommentUpdate
from app.schemas.comments import CommentQuery as ListQuery
from app.schemas.common import Int32
from app.services import comments as hooks

router = APIRouter(
    prefix="/comments",
    tags=["comments"],
)

TABLE = Base.metadata.tables["comments"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": Comment.id,
    "content": Comment.content,
    "author_id": Comment.author_id,
    "post_id": Comment.post_id,
    "created_at": Comment.created_at,
    "updated_at": Comment.updated_at,
    "is_deleted": Comment.is_deleted,
    "deleted_at": Comment.deleted_at,
}
KEY: list[InstrumentedAttribute[Any]] = [Comment.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> Comment:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(Comment, (id,))
    if row is None or (row.is_deleted and not include_deleted):
        raise not_found(
            "comments",
            id=id,
        )
    return row


@router.get(
    "",
    name="comments:list",
)
def list_comments(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> CommentPage:
    """Rows of comments, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(Comment).filter_by(**filters)
    if not query.include_deleted:
        statement = statement.where(Comment.is_deleted.is_(False))
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return CommentPage(
        items=[CommentRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="comments:read",
)
def read_comments(
    session: SessionDep,
    id: Int32,
    include_deleted: bool = False,
) -> CommentRead:
    """One row of comments by its key."""
    row = _get(session, id, include_deleted=include_deleted)
    return CommentRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="comments:create",
)
def create_comments(
    session: SessionDep,
    data: CommentCreate,
    response: Response,
) -> CommentRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = Comment(**values)
    session.add(row)
    try:
        session.commit()
    except IntegrityError as error:
        raise conflict(session, error, TABLE, values) from error
    session.refresh(row)
    hooks.after_create(session, row)
    response.headers["Location"] = location(
        router.prefix,
        row.id,
    )
    return CommentRead.model_validate(row)


@router.patch(
    "/{id}",
    name="comments:update",
)
def update_comments(
    session: SessionDep,
    id: Int32,
    data: CommentUpdate,
) -> CommentRead:
    """Changes the fields the body sends; the others keep their values."""
    row = _get(session, id)
    data = hooks.before_update(session, row, data)
    values = data.model_dump(exclude_unset=True)
    for name, value in values.items():
        setattr(row, name, value)
    try:
        session.commit()
    except IntegrityError as error:
        raise conflict(session, error, TABLE, values) from error
    session.refresh(row)
    hooks.after_update(session, row)
    return CommentRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="comments:delete",
)
def delete_comments(
    session: SessionDep,
    id: Int32,
) -> None:
    """Marks the row deleted: it is hidden unless ?include_deleted=true."""
    row = _get(session, id)
    hooks.before_delete(session, row)
    row.is_deleted = True
    row.deleted_at = datetime.datetime.now(datetime.UTC)
    try:
        session.commit()
    except IntegrityError as error:
        raise conflict(session, error, TABLE, {}, deleting=True) from error
    hooks.after_delete(session, row)
