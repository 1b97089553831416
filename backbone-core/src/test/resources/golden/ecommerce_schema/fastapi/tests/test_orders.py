"""Tests of the orders routes: round trip, 404, 422, 409."""

from httpx import Client

from tests import factories

PATH = "/orders"
TABLE = "orders"
payload_of = factories.orders_payload
create = factories.create_orders


def test_round_trip(client: Client) -> None:
    payload = payload_of(client)
    response = client.post(PATH, json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    compared = ("order_number", "status", "user_id")
    for name in compared:
        assert body[name] == payload[name], name
    path = response.headers["location"]
    assert client.get(path).json() == body
    key_names = ("id",)
    key = {name: body[name] for name in key_names}
    listed = client.get(PATH, params=key)
    assert listed.status_code == 200, listed.text
    found = [{name: item[name] for name in key} for item in listed.json()["items"]]
    assert found == [key]
    changed = factories.changed(50)
    field = "order_number"
    patched = client.patch(path, json={field: changed})
    assert patched.status_code == 200, patched.text
    assert patched.json()[field] == changed
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get(PATH + "/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == TABLE


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post(PATH, json=[]).status_code == 422
    payload = payload_of(client)
    payload["order_number"] = "x" * 51
    assert client.post(PATH, json=payload).status_code == 422


def test_duplicate_unique_value_is_409(client: Client) -> None:
    first = create(client)
    payload = payload_of(client)
    field = "order_number"
    payload[field] = first[field]
    response = client.post(PATH, json=payload)
    assert response.status_code == 409, response.text
    column = "order_number"
    assert response.json()["detail"]["columns"] == [column]


def test_order_items_of_a_row(client: Client) -> None:
    make_child = factories.create_order_items
    child = make_child(client)
    parent = child["order_id"]
    response = client.get(f"{PATH}/{parent}/order_items")
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 1
