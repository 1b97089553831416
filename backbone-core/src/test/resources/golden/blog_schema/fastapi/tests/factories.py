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
        "username": text(n, 50),
        "email": text(n, 100),
        "bio": f"text {n}",
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


def posts_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on posts."""
    n = serial("posts")
    parent_1 = create_users(client)
    return {
        "title": text(n, 200),
        "content": f"text {n}",
        "slug": text(n, 200),
        "status": "draft",
        "author_id": parent_1["id"],
    }


def create_posts(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of posts through the API; returns its body."""
    return created(
        client,
        "/posts",
        posts_payload(client),
    )


def comments_payload(
    client: Client,
) -> dict[str, Any]:
    """Valid values for the columns a client sets on comments."""
    n = serial("comments")
    parent_1 = create_users(client)
    parent_2 = create_posts(client)
    return {
        "content": f"text {n}",
        "author_id": parent_1["id"],
        "post_id": parent_2["id"],
    }


def create_comments(
    client: Client,
) -> dict[str, Any]:
    """Creates a row of comments through the API; returns its body."""
    return created(
        client,
        "/comments",
        comments_payload(client),
    )
