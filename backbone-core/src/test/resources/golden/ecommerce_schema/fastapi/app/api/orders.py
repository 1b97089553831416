"""CRUD routes of orders (the Order model)."""

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
from app.models import Base, Order, OrderItem
from app.schemas.common import Int32
from app.schemas.order_items import OrderItemPage, OrderItemRead
from app.schemas.orders import OrderCreate, OrderPage, OrderRead, OrderUpdate
from app.schemas.orders import OrderQuery as ListQuery
from app.services import orders as hooks

router = APIRouter(
    prefix="/orders",
    tags=["orders"],
)

TABLE = Base.metadata.tables["orders"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": Order.id,
    "order_number": Order.order_number,
    "status": Order.status,
    "total_amount": Order.total_amount,
    "user_id": Order.user_id,
    "created_at": Order.created_at,
    "updated_at": Order.updated_at,
}
KEY: list[InstrumentedAttribute[Any]] = [Order.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> Order:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(Order, (id,))
    if row is None:
        raise not_found(
            "orders",
            id=id,
        )
    return row


@router.get(
    "",
    name="orders:list",
)
def list_orders(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> OrderPage:
    """Rows of orders, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(Order).filter_by(**filters)
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return OrderPage(
        items=[OrderRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="orders:read",
)
def read_orders(
    session: SessionDep,
    id: Int32,
) -> OrderRead:
    """One row of orders by its key."""
    row = _get(session, id)
    return OrderRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="orders:create",
)
def create_orders(
    session: SessionDep,
    data: OrderCreate,
    response: Response,
) -> OrderRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = Order(**values)
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
    return OrderRead.model_validate(row)


@router.patch(
    "/{id}",
    name="orders:update",
)
def update_orders(
    session: SessionDep,
    id: Int32,
    data: OrderUpdate,
) -> OrderRead:
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
    return OrderRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="orders:delete",
)
def delete_orders(
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
    "/{id}/order_items",
    name="orders:order_items",
)
def list_orders_order_items(
    session: SessionDep,
    id: Int32,
    page: PageDep,
) -> OrderItemPage:
    """The order_items rows that refer to one row of orders."""
    parent = _get(session, id)
    statement = select(OrderItem).where(
        OrderItem.order_id == parent.id,
    )
    order = [OrderItem.id]
    rows, total = page_of(session, statement, order, page)
    return OrderItemPage(
        items=[OrderItemRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )
