"""Sample rows for the tests: valid values for every column, parents created first."""

import itertools
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from httpx import Client

_COUNTERS: defaultdict[str, Iterator[int]] = defaultdict(lambda: itertools.count(1))
_CHANGES = itertools.count(1)


def serial(table: str) -> int:
    """1, 2, 3... per table: rows made in one test get distinct values."""
    return next(_COUNTERS[table])


def changed(length: int) -> str:
    """A new value for a string column, unlike the ones text() gives."""
    return f"c{next(_CHANGES)}"[-length:]


def text(n: int, length: int) -> str:
    """A string of at most length characters, different for each n."""
    return f"v{n}"[-length:]


def created(client: Client, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    """POSTs the payload and returns the created row."""
    response = client.post(path, json=payload)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def users_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on users."""
    n = serial("users")
    return {
        "email": text(n, 100),
        "username": text(n, 50),
        "role": "customer",
    }


def create_users(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of users through the API; returns its body."""
    return created(
        client,
        "/users",
        users_payload(client),
    )


def categories_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on categories."""
    n = serial("categories")
    return {
        "name": text(n, 100),
        "description": f"text {n}",
    }


def create_categories(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of categories through the API; returns its body."""
    return created(
        client,
        "/categories",
        categories_payload(client),
    )


def products_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on products."""
    n = serial("products")
    parent_1 = create_categories(client)
    return {
        "name": text(n, 200),
        "description": f"text {n}",
        "price": 1,
        "sku": text(n, 50),
        "category_id": parent_1["id"],
    }


def create_products(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of products through the API; returns its body."""
    return created(
        client,
        "/products",
        products_payload(client),
    )


def orders_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on orders."""
    n = serial("orders")
    parent_1 = create_users(client)
    return {
        "order_number": text(n, 50),
        "status": "pending",
        "total_amount": 1,
        "user_id": parent_1["id"],
    }


def create_orders(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of orders through the API; returns its body."""
    return created(
        client,
        "/orders",
        orders_payload(client),
    )


def order_items_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on order_items."""
    parent_1 = create_orders(client)
    parent_2 = create_products(client)
    return {
        "quantity": 7,
        "unit_price": 1,
        "order_id": parent_1["id"],
        "product_id": parent_2["id"],
    }


def create_order_items(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of order_items through the API; returns its body."""
    return created(
        client,
        "/order_items",
        order_items_payload(client),
    )
