"""CRUD routes of posts (the Post model)."""

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
from app.models import Base, Post
from app.schemas.common import Int32
from app.schemas.posts import PostCreate, PostPage, PostRead, PostUpdate
from app.schemas.posts import PostQuery as ListQuery
from app.services import posts as hooks

router = APIRouter(
    prefix="/posts",
    tags=["posts"],
)

TABLE = Base.metadata.tables["posts"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": Post.id,
    "title": Post.title,
    "content": Post.content,
    "author_id": Post.author_id,
    "status": Post.status,
    "created_at": Post.created_at,
    "updated_at": Post.updated_at,
    "is_deleted": Post.is_deleted,
    "deleted_at": Post.deleted_at,
}
KEY: list[InstrumentedAttribute[Any]] = [Post.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> Post:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(Post, (id,))
    if row is None or (row.is_deleted and not include_deleted):
        raise not_found(
            "posts",
            id=id,
        )
    return row


@router.get(
    "",
    name="posts:list",
)
def list_posts(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> PostPage:
    """Rows of posts, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(Post).filter_by(**filters)
    if not query.include_deleted:
        statement = statement.where(Post.is_deleted.is_(False))
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return PostPage(
        items=[PostRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="posts:read",
)
def read_posts(
    session: SessionDep,
    id: Int32,
    include_deleted: bool = False,
) -> PostRead:
    """One row of posts by its key."""
    row = _get(session, id, include_deleted=include_deleted)
    return PostRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="posts:create",
)
def create_posts(
    session: SessionDep,
    data: PostCreate,
    response: Response,
) -> PostRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = Post(**values)
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
    return PostRead.model_validate(row)


@router.patch(
    "/{id}",
    name="posts:update",
)
def update_posts(
    session: SessionDep,
    id: Int32,
    data: PostUpdate,
) -> PostRead:
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
    return PostRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="posts:delete",
)
def delete_posts(
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
