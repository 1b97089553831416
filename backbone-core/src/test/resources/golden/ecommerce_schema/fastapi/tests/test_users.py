"""Tests of the users routes: round trip, 404, 422, 409."""

from httpx import Client

from tests import factories


def test_round_trip(client: Client) -> None:
    payload = factories.users_payload(client)
    response = client.post("/users", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    for name in ("email", "username", "role"):
        assert body[name] == payload[name], name
    path = response.headers["location"]
    assert client.get(path).json() == body
    key = {name: body[name] for name in ("id",)}
    listed = client.get("/users", params=key)
    assert listed.status_code == 200, listed.text
    found = [{name: item[name] for name in key} for item in listed.json()["items"]]
    assert found == [key]
    changed = factories.changed(100)
    patched = client.patch(path, json={"email": changed})
    assert patched.status_code == 200, patched.text
    assert patched.json()["email"] == changed
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get("/users/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == "users"


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post("/users", json=[]).status_code == 422
    payload = factories.users_payload(client)
    payload["email"] = "x" * 101
    assert client.post("/users", json=payload).status_code == 422


def test_duplicate_unique_value_is_409(client: Client) -> None:
    first = factories.create_users(client)
    payload = factories.users_payload(client)
    payload["email"] = first["email"]
    response = client.post("/users", json=payload)
    assert response.status_code == 409, response.text
    assert response.json()["detail"]["columns"] == ["email"]


def test_orders_of_a_row(client: Client) -> None:
    child = factories.create_orders(client)
    parent = child["user_id"]
    response = client.get(f"/users/{parent}/orders")
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1
