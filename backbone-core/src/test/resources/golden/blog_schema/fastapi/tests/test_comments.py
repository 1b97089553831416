"""Tests of the comments routes: round trip, 404, 422, soft delete."""

from httpx import Client

from tests import factories


def test_round_trip(client: Client) -> None:
    payload = factories.comments_payload(client)
    response = client.post("/comments", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    for name in ("content", "author_id", "post_id"):
        assert body[name] == payload[name], name
    path = response.headers["location"]
    assert client.get(path).json() == body
    key = {name: body[name] for name in ("id",)}
    listed = client.get("/comments", params=key)
    assert listed.status_code == 200, listed.text
    found = [{name: item[name] for name in key} for item in listed.json()["items"]]
    assert found == [key]
    changed = "changed"
    patched = client.patch(path, json={"content": changed})
    assert patched.status_code == 200, patched.text
    assert patched.json()["content"] == changed
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    hidden = client.get(path, params={"include_deleted": "true"})
    assert hidden.status_code == 200, hidden.text
    assert hidden.json()["is_deleted"] is True
    assert client.get("/comments", params=key).json()["items"] == []


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get("/comments/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == "comments"


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post("/comments", json=[]).status_code == 422
