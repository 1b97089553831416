"""Tests of the posts routes: round trip, 404, 422, 409, soft delete."""

from httpx import Client

from tests import factories


def test_round_trip(client: Client) -> None:
    payload = factories.posts_payload(client)
    response = client.post("/posts", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    for name in ("title", "content", "slug", "status", "author_id"):
        assert body[name] == payload[name], name
    path = response.headers["location"]
    assert client.get(path).json() == body
    key = {name: body[name] for name in ("id",)}
    listed = client.get("/posts", params=key)
    assert listed.status_code == 200, listed.text
    found = [{name: item[name] for name in key} for item in listed.json()["items"]]
    assert found == [key]
    changed = factories.changed(200)
    patched = client.patch(path, json={"title": changed})
    assert patched.status_code == 200, patched.text
    assert patched.json()["title"] == changed
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    hidden = client.get(path, params={"include_deleted": "true"})
    assert hidden.status_code == 200, hidden.text
    assert hidden.json()["is_deleted"] is True
    assert client.get("/posts", params=key).json()["items"] == []


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get("/posts/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == "posts"


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post("/posts", json=[]).status_code == 422
    payload = factories.posts_payload(client)
    payload["title"] = "x" * 201
    assert client.post("/posts", json=payload).status_code == 422


def test_duplicate_unique_value_is_409(client: Client) -> None:
    first = factories.create_posts(client)
    payload = factories.posts_payload(client)
    payload["slug"] = first["slug"]
    response = client.post("/posts", json=payload)
    assert response.status_code == 409, response.text
    assert response.json()["detail"]["columns"] == ["slug"]


def test_comments_of_a_row(client: Client) -> None:
    child = factories.create_comments(client)
    parent = child["post_id"]
    response = client.get(f"/posts/{parent}/comments")
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1
