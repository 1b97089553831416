"""CRUD routes of products (the Product model)."""

import datetime
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
from app.models import Base, OrderItem, Product
from app.schemas.common import Int32
from app.schemas.order_items import OrderItemPage, OrderItemRead
from app.schemas.products import ProductCreate, ProductPage, ProductRead, ProductUpdate
from app.schemas.products import ProductQuery as ListQuery
from app.services import products as hooks

router = APIRouter(
    prefix="/products",
    tags=["products"],
)

TABLE = Base.metadata.tables["products"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": Product.id,
    "name": Product.name,
    "description": Product.description,
    "price": Product.price,
    "sku": Product.sku,
    "category_id": Product.category_id,
    "created_at": Product.created_at,
    "updated_at": Product.updated_at,
    "is_deleted": Product.is_deleted,
    "deleted_at": Product.deleted_at,
}
KEY: list[InstrumentedAttribute[Any]] = [Product.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> Product:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(Product, (id,))
    if row is None or (row.is_deleted and not include_deleted):
        raise not_found(
            "products",
            id=id,
        )
    return row


@router.get(
    "",
    name="products:list",
)
def list_products(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> ProductPage:
    """Rows of products, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(Product).filter_by(**filters)
    if not query.include_deleted:
        statement = statement.where(Product.is_deleted.is_(False))
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return ProductPage(
        items=[ProductRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="products:read",
)
def read_products(
    session: SessionDep,
    id: Int32,
    include_deleted: bool = False,
) -> ProductRead:
    """One row of products by its key."""
    row = _get(session, id, include_deleted=include_deleted)
    return ProductRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="products:create",
)
def create_products(
    session: SessionDep,
    data: ProductCreate,
    response: Response,
) -> ProductRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = Product(**values)
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
    return ProductRead.model_validate(row)


@router.patch(
    "/{id}",
    name="products:update",
)
def update_products(
    session: SessionDep,
    id: Int32,
    data: ProductUpdate,
) -> ProductRead:
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
    return ProductRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="products:delete",
)
def delete_products(
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


@router.get(
    "/{id}/order_items",
    name="products:order_items",
)
def list_products_order_items(
    session: SessionDep,
    id: Int32,
    page: PageDep,
) -> OrderItemPage:
    """The order_items rows that refer to one row of products."""
    parent = _get(session, id)
    statement = select(OrderItem).where(
        OrderItem.product_id == parent.id,
    )
    order = [OrderItem.id]
    rows, total = page_of(session, statement, order, page)
    return OrderItemPage(
        items=[OrderItemRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )
