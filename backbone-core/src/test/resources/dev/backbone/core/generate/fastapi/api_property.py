"""Property test of a running generated API: random valid and invalid requests never give a
5xx, and every 2xx body validates against the app's own /openapi.json.

Usage: python api_property.py BASE_URL REQUESTS_PER_ROUTE SEED
Prints one JSON summary line; exits 1 when a property fails.
"""

import json
import random
import sys
from typing import Any
from urllib.parse import quote

import httpx
from jsonschema import Draft202012Validator

BASE, PER_ROUTE, SEED = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(SEED)
JUNK: list[Any] = [
    None, "", "\x00", "a\x00b", "\ud800", 2**70, -(2**70), 1e308, -1e308, float("nan"),
    float("inf"), "NaN", [], {}, {"a": [1, {"b": None}]}, "x" * 5000, True, False,
    "2024-13-45", "'; DROP TABLE users; --", 3.5, -1, 0, "\u202e\u200b", "😀" * 50,
]


def resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def valid(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """A value of the schema's type (not always within its constraints: that is the point)."""
    schema = resolve(schema, components)
    if "anyOf" in schema:
        return valid(rnd.choice(schema["anyOf"]), components, depth)
    if "enum" in schema:
        return rnd.choice(schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum", -(2**31)), schema.get("maximum", 2**31 - 1)
        return rnd.choice([rnd.randint(1, 5), rnd.randint(int(low), int(high)), low, high])
    if kind == "number":
        return rnd.choice([0, 1.5, -2.25, 12345.678, rnd.uniform(-1e6, 1e6)])
    if kind == "boolean":
        return rnd.random() < 0.5
    if kind == "null":
        return None
    if kind == "array":
        return [valid(schema.get("items", {}), components, depth + 1) for _ in range(rnd.randint(0, 2))]
    if kind == "object" or "properties" in schema:
        if depth > 2:
            return {}
        props = schema.get("properties", {})
        return {k: valid(v, components, depth + 1) for k, v in props.items() if rnd.random() < 0.8}
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            return rnd.choice(["2024-01-02T03:04:05+00:00", "1999-12-31T23:59:59", "2024-02-30T00:00:00"])
        if fmt == "date":
            return rnd.choice(["2024-01-02", "0001-01-01", "9999-12-31"])
        if fmt == "time":
            return rnd.choice(["03:04:05", "23:59:59.999999", "25:00:00"])
        if fmt == "uuid":
            return rnd.choice(["00000000-0000-0000-0000-000000000001", "not-a-uuid"])
        limit = schema.get("maxLength", 40)
        length = rnd.choice([0, 1, min(limit, 10), limit, limit + 1])
        alphabet = "abcXYZ019 _-'\"\\/é漢😀"
        return "".join(rnd.choice(alphabet) for _ in range(length))
    return rnd.choice(JUNK)


def value(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    return valid(schema, components) if rnd.random() < 0.75 else rnd.choice(JUNK)


def body(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    schema = resolve(schema, components)
    if rnd.random() < 0.1:
        return rnd.choice(JUNK)
    out = {}
    for name, prop in schema.get("properties", {}).items():
        if rnd.random() < 0.85:
            out[name] = value(prop, components)
    if rnd.random() < 0.05:
        out["unexpected_field"] = 1
    return out


def main() -> int:
    client = httpx.Client(base_url=BASE, timeout=60)
    spec = client.get("/openapi.json").json()  # the caller waits until the server answers
    components = spec.get("components", {}).get("schemas", {})
    counts: dict[str, int] = {}
    failures: list[str] = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            params = op.get("parameters", [])
            for _ in range(PER_ROUTE):
                url = path
                query: dict[str, Any] = {}
                for p in params:
                    v = value(p.get("schema", {}), components)
                    text = json.dumps(v) if isinstance(v, (list, dict)) else str(v).lower() if isinstance(v, bool) else str(v)
                    if p["in"] == "path":
                        segment = quote(text.encode("utf-8", "surrogatepass"), safe="") or "x"
                        url = url.replace("{" + p["name"] + "}", segment)
                    elif rnd.random() < 0.5:
                        query[p["name"]] = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                payload = None
                if "requestBody" in op:
                    schema = op["requestBody"]["content"]["application/json"]["schema"]
                    payload = json.dumps(body(schema, components), allow_nan=True)
                try:
                    r = client.request(method.upper(), url, params=query, content=payload,
                                       headers={"content-type": "application/json"} if payload is not None else {})
                except httpx.HTTPError as error:
                    failures.append(f"{method.upper()} {url}: {error!r}")
                    continue
                counts[str(r.status_code)] = counts.get(str(r.status_code), 0) + 1
                if r.status_code >= 500:
                    failures.append(f"{method.upper()} {url} {payload!r}: {r.status_code} {r.text[:300]}")
                    continue
                if 200 <= r.status_code < 300 and r.content:
                    response = op["responses"].get(str(r.status_code), {})
                    schema = response.get("content", {}).get("application/json", {}).get("schema")
                    if schema is not None:
                        document = dict(schema, components={"schemas": components})
                        errors = list(Draft202012Validator(document).iter_errors(r.json()))
                        if errors:
                            failures.append(f"{method.upper()} {url}: body does not match its schema: {errors[0].message}")
    print(json.dumps({"requests": sum(counts.values()), "statuses": counts, "failures": failures[:20],
                      "failure_count": len(failures)}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
