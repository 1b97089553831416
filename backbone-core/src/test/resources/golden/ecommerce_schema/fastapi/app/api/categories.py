"""CRUD routes of categories (the Category model)."""

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
from app.models import Base, Category, Product
from app.schemas.categories import (
    CategoryCreate,
    CategoryPage,
    CategoryRead,
    CategoryUpdate,
)
from app.schemas.categories import CategoryQuery as ListQuery
from app.schemas.common import Int32
from app.schemas.products import ProductPage, ProductRead
from app.services import categories as hooks

router = APIRouter(
    prefix="/categories",
    tags=["categories"],
)

TABLE = Base.metadata.tables["categories"]
SORTABLE: dict[str, InstrumentedAttribute[Any]] = {
    "id": Category.id,
    "name": Category.name,
    "description": Category.description,
    "created_at": Category.created_at,
    "updated_at": Category.updated_at,
}
KEY: list[InstrumentedAttribute[Any]] = [Category.id]


def _get(
    session: Session,
    id: Int32,
    include_deleted: bool = False,
) -> Category:
    """The row with this key, or 404 (a soft-deleted row only when asked for)."""
    row = session.get(Category, (id,))
    if row is None:
        raise not_found(
            "categories",
            id=id,
        )
    return row


@router.get(
    "",
    name="categories:list",
)
def list_categories(
    session: SessionDep,
    query: Annotated[ListQuery, Query()],
) -> CategoryPage:
    """Rows of categories, filtered by equality on the columns given, sorted by ?sort=a,-b."""
    page = page_request(query.limit, query.offset)
    filters = query.model_dump(exclude_none=True, exclude=LIST_PARAMETERS)
    statement = select(Category).filter_by(**filters)
    order = order_by(query.sort, SORTABLE, KEY)
    rows, total = page_of(session, statement, order, page)
    return CategoryPage(
        items=[CategoryRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get(
    "/{id}",
    name="categories:read",
)
def read_categories(
    session: SessionDep,
    id: Int32,
) -> CategoryRead:
    """One row of categories by its key."""
    row = _get(session, id)
    return CategoryRead.model_validate(row)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    name="categories:create",
)
def create_categories(
    session: SessionDep,
    data: CategoryCreate,
    response: Response,
) -> CategoryRead:
    """Adds a row; answers 201 with the row and its Location."""
    data = hooks.before_create(session, data)
    values = data.model_dump(exclude_unset=True)
    row = Category(**values)
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
    return CategoryRead.model_validate(row)


@router.patch(
    "/{id}",
    name="categories:update",
)
def update_categories(
    session: SessionDep,
    id: Int32,
    data: CategoryUpdate,
) -> CategoryRead:
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
    return CategoryRead.model_validate(row)


@router.delete(
    "/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    name="categories:delete",
)
def delete_categories(
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
    "/{id}/products",
    name="categories:products",
)
def list_categories_products(
    session: SessionDep,
    id: Int32,
    page: PageDep,
) -> ProductPage:
    """The products rows that refer to one row of categories."""
    parent = _get(session, id)
    statement = select(Product).where(
        Product.category_id == parent.id,
    )
    statement = statement.where(Product.is_deleted.is_(False))
    order = [Product.id]
    rows, total = page_of(session, statement, order, page)
    return ProductPage(
        items=[ProductRead.model_validate(row) for row in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )
