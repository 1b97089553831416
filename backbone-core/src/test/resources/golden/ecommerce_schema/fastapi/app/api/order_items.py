"""CRUD routes of order_items (the OrderItem model)."""

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
from app.models import Base, OrderItem
from app.schemas.common import Int32
from app.schemas.order_items import (
    OrderItemCreate,
    OrderItemPage,
    OrderItemRead,
    OrderItemUpdate,
)
from app.schemas.order_items import OrderItemQuery as ListQuery
from app.services import order_items as hooks

router = APIRouter(
    prefix="/order_items",
    tags=["order_items"],
)

TABLE = Base.metadata.tables["order_items"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": OrderItem.id,
    "quantity": OrderItem.quantity,
    "unit_price": OrderItem.unit_price,
    "order_id": OrderItem.order_id,
    "product_id": OrderItem.product_id,
    "created_at": OrderItem.created_at,
    "updated_at": OrderItem.updated_at,
}
KEY: list[InstrumentedAttribute[Any]] = [OrderItem.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> OrderItem:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(OrderItem, (id,))
    if row is None:
        raise not_found(
            "order_items",
            id=id,
        )
    return row


@router.get(
    "",
    name="order_items:list",
)
def list_order_items(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> OrderItemPage:
    """Rows of order_items, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(OrderItem).filter_by(**filters)
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return OrderItemPage(
        items=[OrderItemRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="order_items:read",
)
def read_order_items(
    session: SessionDep,
    id: Int32,
) -> OrderItemRead:
    """One row of order_items by its key."""
    row = _get(session, id)
    return OrderItemRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="order_items:create",
)
def create_order_items(
    session: SessionDep,
    data: OrderItemCreate,
    response: Response,
) -> OrderItemRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = OrderItem(**values)
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
    return OrderItemRead.model_validate(row)


@router.patch(
    "/{id}",
    name="order_items:update",
)
def update_order_items(
    session: SessionDep,
    id: Int32,
    data: OrderItemUpdate,
) -> OrderItemRead:
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
    return OrderItemRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="order_items:delete",
)
def delete_order_items(
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
