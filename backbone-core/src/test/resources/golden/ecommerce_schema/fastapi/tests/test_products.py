"""Tests of the products routes: round trip, 404, 422, 409, soft delete."""

from httpx import Client

from tests import factories


def test_round_trip(client: Client) -> None:
    payload = factories.products_payload(client)
    response = client.post("/products", json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    for name in ("name", "description", "sku", "category_id"):
        assert body[name] == payload[name], name
    path = response.headers["location"]
    assert client.get(path).json() == body
    key = {name: body[name] for name in ("id",)}
    listed = client.get("/products", params=key)
    assert listed.status_code == 200, listed.text
    found = [{name: item[name] for name in key} for item in listed.json()["items"]]
    assert found == [key]
    changed = factories.changed(200)
    patched = client.patch(path, json={"name": changed})
    assert patched.status_code == 200, patched.text
    assert patched.json()["name"] == changed
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    hidden = client.get(path, params={"include_deleted": "true"})
    assert hidden.status_code == 200, hidden.text
    assert hidden.json()["is_deleted"] is True
    assert client.get("/products", params=key).json()["items"] == []


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get("/products/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == "products"


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post("/products", json=[]).status_code == 422
    payload = factories.products_payload(client)
    payload["name"] = "x" * 201
    assert client.post("/products", json=payload).status_code == 422


def test_duplicate_unique_value_is_409(client: Client) -> None:
    first = factories.create_products(client)
    payload = factories.products_payload(client)
    payload["sku"] = first["sku"]
    response = client.post("/products", json=payload)
    assert response.status_code == 409, response.text
    assert response.json()["detail"]["columns"] == ["sku"]


def test_order_items_of_a_row(client: Client) -> None:
    child = factories.create_order_items(client)
    parent = child["product_id"]
    response = client.get(f"/products/{parent}/order_items")
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1
