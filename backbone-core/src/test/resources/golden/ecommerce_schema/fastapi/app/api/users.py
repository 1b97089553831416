"""CRUD routes of users (the User model)."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.api.deps import (
    LIST_PARAMETERS,
    PageDep,
    SessionDep,
    location,
    order_by,
    page_of,
    page_request,
)
from app.api.errors import conflict, not_found
from app.models import Base, Order, User
from app.schemas.common import Int32
from app.schemas.orders import OrderPage, OrderRead
from app.schemas.users import UserCreate, UserPage, UserRead, UserUpdate
from app.schemas.users import UserQuery as ListQuery
from app.services import users as hooks

router = APIRouter(
    prefix="/users",
    tags=["users"],
)

TABLE = Base.metadata.tables["users"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": User.id,
    "email": User.email,
    "username": User.username,
    "role": User.role,
    "created_at": User.created_at,
    "updated_at": User.updated_at,
}
KEY: list[InstrumentedAttribute[Any]] = [User.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> User:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(User, (id,))
    if row is None:
        raise not_found(
            "users",
            id=id,
        )
    return row


@router.get(
    "",
    name="users:list",
)
def list_users(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> UserPage:
    """Rows of users, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(User).filter_by(**filters)
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return UserPage(
        items=[UserRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="users:read",
)
def read_users(
    session: SessionDep,
    id: Int32,
) -> UserRead:
    """One row of users by its key."""
    row = _get(session, id)
    return UserRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="users:create",
)
def create_users(
    session: SessionDep,
    data: UserCreate,
    response: Response,
) -> UserRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = User(**values)
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
    return UserRead.model_validate(row)


@router.patch(
    "/{id}",
    name="users:update",
)
def update_users(
    session: SessionDep,
    id: Int32,
    data: UserUpdate,
) -> UserRead:
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
    return UserRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="users:delete",
)
def delete_users(
    session: SessionDep,
    id: Int32,
) -> None:
    """Deletes the row; the database applies each foreign key's ON DELETE (409 when refused)."""
    row = _get(session, id)
    hooks.before_delete(session, row)
    condition = [column == getattr(row, column.key) for column in KEY]
    session.execute(TABLE.delete().where(*condition))
    try:
        session.commit()
    except IntegrityError as error:
        raise conflict(session, error, TABLE, {}, deleting=True) from error
    hooks.after_delete(session, row)


@router.get(
    "/{id}/orders",
    name="users:orders",
)
def list_users_orders(
    session: SessionDep,
    id: Int32,
    page: PageDep,
) -> OrderPage:
    """The orders rows that refer to one row of users."""
    parent = _get(session, id)
    statement = select(Order).where(
        Order.user_id == parent.id,
    )
    order = [Order.id]
    rows, total = page_of(session, statement, order, page)
    return OrderPage(
        items=[OrderRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )
