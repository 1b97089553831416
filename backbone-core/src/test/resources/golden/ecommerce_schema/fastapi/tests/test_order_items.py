"""Tests of the order_items routes: round trip, 404, 422."""

from httpx import Client

from tests import factories

PATH = "/order_items"
TABLE = "order_items"
payload_of = factories.order_items_payload
create = factories.create_order_items


def test_round_trip(client: Client) -> None:
    payload = payload_of(client)
    response = client.post(PATH, json=payload)
    assert response.status_code == 201, response.text
    body = response.json()
    compared = ("quantity", "order_id", "product_id")
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
    patched = client.patch(path, json={})
    assert patched.status_code == 200, patched.text
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404


def test_unknown_key_is_404(client: Client) -> None:
    response = client.get(PATH + "/2147483000")
    assert response.status_code == 404, response.text
    assert response.json()["detail"]["table"] == TABLE


def test_bad_payload_is_422(client: Client) -> None:
    assert client.post(PATH, json=[]).status_code == 422
