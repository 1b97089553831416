"""Tests of the orders routes: round trip, 404, 422, 409."""

from httpx import Client

from tests import factories


def test_round_trip(client: Client) -> None:
    payload = factories.orders_payload(client)
    response = client.post("/orders", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    for name in ("order_number", "status", "user_id"):
        assert body[name] == payload[name], name
    path = response.headers["location"]
    assert client.get(path).json() == body
    key = {name: body[name] for name in ("id",)}
    listed = client.get("/orders", params=key)
    assert listed.status_code == 200, listed.text
    found = [{name: item[name] for name in key} for item in listed.json()["items"]]
    assert found == [key]
    changed = factories.changed(50)
    patched = client.patch(path, json={"order_number": changed})
    assert patched.status_code == 200, patched.text
    assert patched.json()["order_number"] == changed
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get("/orders/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == "orders"


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post("/orders", json=[]).status_code == 422
    payload = factories.orders_payload(client)
    payload["order_number"] = "x" * 51
    assert client.post("/orders", json=payload).status_code == 422


def test_duplicate_unique_value_is_409(client: Client) -> None:
    first = factories.create_orders(client)
    payload = factories.orders_payload(client)
    payload["order_number"] = first["order_number"]
    response = client.post("/orders", json=payload)
    assert response.status_code == 409, response.text
    assert response.json()["detail"]["columns"] == ["order_number"]


def test_order_items_of_a_row(client: Client) -> None:
    child = factories.create_order_items(client)
    parent = child["order_id"]
    response = client.get(f"/orders/{parent}/order_items")
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1
