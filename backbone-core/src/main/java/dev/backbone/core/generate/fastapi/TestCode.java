package dev.backbone.core.generate.fastapi;

import dev.backbone.core.generate.sqlalchemy.BlackLayout;
import dev.backbone.core.generate.sqlalchemy.PyExpr;
import dev.backbone.core.generate.sqlalchemy.PythonEscapes;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated tests: {@code tests/factories.py} (a valid payload per table, its parents
 * created first through the API) and {@code tests/test_<table>.py} (round trip, 404, 422, 409
 * on a duplicate unique value, soft delete hidden, child and link routes).
 */
final class TestCode {

    private TestCode() {}

    /** The payload's entries: attribute to Python expression, or null when the column is left out. */
    static Map<String, String> payload(Plan plan, PlannedTable t, PyImports imports) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PlannedColumn c : t.columns()) {
            if (c.serverManaged()) {
                continue;
            }
            if (c.isForeignKey()) {
                PlannedColumn.ForeignKeyRef fk = c.foreignKey();
                PlannedTable parent = plan.table(fk.table());
                boolean before = parent != null && plan.tables().indexOf(parent) < plan.tables().indexOf(t) && !fk.deferred();
                if (before && parent.column(fk.column()) != null) {
                    out.put(c.attribute(), "PARENT:create_" + TableApi.of(plan, parent).module() + "(client)|"
                            + PythonEscapes.stringLiteral(parent.column(fk.column()).attribute()));
                }
                continue;
            }
            String v = sample(c, imports);
            if (v != null) {
                out.put(c.attribute(), v);
            }
        }
        return out;
    }

    private static String sample(PlannedColumn c, PyImports imports) {
        boolean distinct = c.unique() || c.primaryKey();
        return switch (c.type()) {
            case INTEGER, BIG_INTEGER, FOREIGN_KEY -> distinct ? "n" : "7";
            case STRING -> "text(n, " + (c.length() == null ? PlannedColumn.DEFAULT_STRING_LENGTH : c.length()) + ")";
            case TEXT -> "f\"text {n}\"";
            case BOOLEAN -> "True";
            case DATETIME -> "\"2024-01-02T03:04:05+00:00\"";
            case DATE -> "\"2024-01-02\"";
            case TIME -> "\"03:04:05\"";
            case NUMERIC -> {
                boolean room = c.precision() == null || c.precision() - (c.scale() == null ? 0 : c.scale()) >= 4;
                yield room ? (distinct ? "n % 1000" : "1") : "0";
            }
            case FLOAT -> distinct ? "n + 0.5" : "1.5";
            case JSON -> "{\"n\": n}";
            case UUID -> {
                imports.module("uuid");
                yield "str(uuid.uuid4())";
            }
            case LARGE_BINARY -> "\"aGVsbG8=\"";
            case ENUM -> distinct && c.enumType().values().size() > 1
                    ? "[" + String.join(", ", c.enumType().values().stream().map(PythonEscapes::stringLiteral).toList()) + "][n % "
                            + c.enumType().values().size() + "]"
                    : PythonEscapes.stringLiteral(c.enumType().values().get(0));
        };
    }

    /** Columns whose value comes back exactly as sent (JSON-equal). */
    static boolean comparable(PlannedColumn c) {
        return switch (c.type()) {
            case STRING, TEXT, INTEGER, BIG_INTEGER, BOOLEAN, ENUM, JSON, FOREIGN_KEY -> true;
            default -> false;
        };
    }

    /** The factory functions of every table, in build order. */
    static String factories(Plan plan, PyImports imports) {
        StringBuilder b = new StringBuilder();
        for (PlannedTable t : plan.tables()) {
            String m = TableApi.of(plan, t).module();
            Map<String, String> p = payload(plan, t, imports);
            b.append("\n\ndef ").append(m).append("_payload(\n    client: Client,\n) -> dict[str, Any]:\n");
            b.append("    \"\"\"Valid values for the columns a client sets on ").append(PythonEscapes.docstring(t.tableName())).append(".\"\"\"\n");
            if (p.values().stream().anyMatch(v -> !v.startsWith("PARENT:") && v.matches(".*\\bn\\b.*"))) {
                b.append("    n = serial(").append(PythonEscapes.stringLiteral(t.tableName())).append(")\n");
            }
            int parents = 0;
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : p.entrySet()) {
                if (e.getValue().startsWith("PARENT:")) {
                    String[] call = e.getValue().substring("PARENT:".length()).split("\\|", 2);
                    parents++;
                    String line = "    parent_" + parents + " = " + call[0];
                    b.append(line.length() <= BlackLayout.LINE_LENGTH ? line + "\n"
                            : line.substring(0, line.length() - "client)".length()) + "\n        client,\n    )\n");
                    values.put(e.getKey(), "parent_" + parents + "[" + call[1] + "]");
                } else {
                    values.put(e.getKey(), e.getValue());
                }
            }
            if (values.isEmpty()) {
                b.append("    return {}\n");
            } else {
                b.append("    return {\n");
                values.forEach((k, v) -> b.append("        ").append(PythonEscapes.stringLiteral(k)).append(": ").append(v).append(",\n"));
                b.append("    }\n");
            }
            b.append("\n\ndef create_").append(m).append("(\n    client: Client,\n) -> dict[str, Any]:\n");
            b.append("    \"\"\"Creates a row of ").append(PythonEscapes.docstring(t.tableName())).append(" through the API; returns its body.\"\"\"\n");
            b.append("    return created(\n        client,\n        ").append(PythonEscapes.stringLiteral("/" + t.tableName()))
                    .append(",\n        ").append(m).append("_payload(client),\n    )\n");
        }
        return b.toString();
    }

    /** The body of {@code tests/test_<table>.py}. */
    static String tests(Plan plan, TableApi api, PyImports unused) {
        PlannedTable t = api.table();
        String m = api.module();
        String prefix = "PATH";
        Map<String, String> payload = payload(plan, t, new PyImports());
        List<String> compared = new ArrayList<>();
        for (PlannedColumn c : t.columns()) {
            if (payload.containsKey(c.attribute()) && comparable(c)) {
                compared.add(PythonEscapes.stringLiteral(c.attribute()));
            }
        }
        List<String> keyNames = api.keys().stream().map(k -> PythonEscapes.stringLiteral(k.column().attribute())).toList();
        StringBuilder b = new StringBuilder();
        b.append(BlackLayout.text(BlackLayout.assignAtom(0, "PATH", PythonEscapes.stringLiteral(api.prefix()))));
        b.append(BlackLayout.text(BlackLayout.assignAtom(0, "TABLE", PythonEscapes.stringLiteral(t.tableName()))));
        b.append(BlackLayout.text(BlackLayout.assignAtom(0, "payload_of", "factories." + m + "_payload")));
        b.append(BlackLayout.text(BlackLayout.assignAtom(0, "create", "factories.create_" + m)));
        b.append("\n\ndef test_round_trip(client: Client) -> None:\n");
        b.append("    payload = payload_of(client)\n");
        b.append("    response = client.post(").append(prefix).append(", json=payload)\n");
        b.append("    assert response.status_code == 201, response.text\n");
        b.append("    body = response.json()\n");
        if (!compared.isEmpty()) {
            b.append(BlackLayout.text(BlackLayout.statement(4, "compared = ", PyExpr.tuple(compared.stream().map(PyExpr::atom).toList()))));
            b.append("    for name in compared:\n");
            b.append("        assert body[name] == payload[name], name\n");
        }
        b.append("    path = response.headers[\"location\"]\n");
        b.append("    assert client.get(path).json() == body\n");
        b.append(BlackLayout.text(BlackLayout.statement(4, "key_names = ", PyExpr.tuple(keyNames.stream().map(PyExpr::atom).toList()))));
        b.append("    key = {name: body[name] for name in key_names}\n");
        boolean keysFilterable = api.keys().stream().allMatch(k -> k.column().filterable());
        if (keysFilterable) {
            b.append("    listed = client.get(").append(prefix).append(", params=key)\n");
            b.append("    assert listed.status_code == 200, listed.text\n");
            b.append("    found = [{name: item[name] for name in key} for item in listed.json()[\"items\"]]\n");
            b.append("    assert found == [key]\n");
        }
        PlannedColumn change = t.columns().stream().filter(c -> !c.serverManaged() && !c.primaryKey() && !c.isForeignKey()
                && (c.type() == ColumnType.STRING || c.type() == ColumnType.TEXT)).findFirst().orElse(null);
        if (change != null) {
            String attr = PythonEscapes.stringLiteral(change.attribute());
            String value = change.type() == ColumnType.STRING ? "factories.changed(" + lengthOf(change) + ")" : "\"changed\"";
            b.append("    changed = ").append(value).append("\n");
            b.append(BlackLayout.text(BlackLayout.assignAtom(4, "field", attr)));
            b.append("    patched = client.patch(path, json={field: changed})\n");
            b.append("    assert patched.status_code == 200, patched.text\n");
            b.append("    assert patched.json()[field] == changed\n");
        } else {
            b.append("    patched = client.patch(path, json={})\n");
            b.append("    assert patched.status_code == 200, patched.text\n");
        }
        b.append("    assert client.delete(path).status_code == 204\n");
        b.append("    assert client.get(path).status_code == 404\n");
        if (t.softDelete()) {
            b.append("    hidden = client.get(path, params={\"include_deleted\": \"true\"})\n");
            b.append("    assert hidden.status_code == 200, hidden.text\n");
            b.append("    assert hidden.json()[\"is_deleted\"] is True\n");
            if (keysFilterable) {
                b.append("    assert client.get(").append(prefix).append(", params=key).json()[\"items\"] == []\n");
            }
        }
        b.append("\n\ndef test_unknown_key_is_404(client: Client) -> None:\n");
        b.append("    response = client.get(PATH + ").append(PythonEscapes.stringLiteral(missingPath(api))).append(")\n");
        b.append("    assert response.status_code == 404, response.text\n");
        b.append("    assert response.json()[\"detail\"][\"table\"] == TABLE\n");
        b.append("\n\ndef test_bad_payload_is_422(client: Client) -> None:\n");
        b.append("    assert client.post(").append(prefix).append(", json=[]).status_code == 422\n");
        PlannedColumn str = t.columns().stream().filter(c -> !c.serverManaged() && c.type() == ColumnType.STRING && !c.isForeignKey())
                .findFirst().orElse(null);
        if (str != null) {
            b.append("    payload = payload_of(client)\n");
            b.append("    payload[").append(PythonEscapes.stringLiteral(str.attribute())).append("] = \"x\" * ").append(lengthOf(str) + 1).append("\n");
            b.append("    assert client.post(").append(prefix).append(", json=payload).status_code == 422\n");
        }
        PlannedColumn unique = t.columns().stream().filter(c -> c.unique() && payload.containsKey(c.attribute()) && !c.isForeignKey())
                .findFirst().orElse(null);
        if (unique != null) {
            String attr = PythonEscapes.stringLiteral(unique.attribute());
            b.append("\n\ndef test_duplicate_unique_value_is_409(client: Client) -> None:\n");
            b.append("    first = create(client)\n");
            b.append("    payload = payload_of(client)\n");
            b.append(BlackLayout.text(BlackLayout.assignAtom(4, "field", attr)));
            b.append("    payload[field] = first[field]\n");
            b.append("    response = client.post(").append(prefix).append(", json=payload)\n");
            b.append("    assert response.status_code == 409, response.text\n");
            b.append(BlackLayout.text(BlackLayout.assignAtom(4, "column", PythonEscapes.stringLiteral(unique.name()))));
            b.append("    assert response.json()[\"detail\"][\"columns\"] == [column]\n");
        }
        for (TableApi.Child c : api.children()) {
            TableApi child = TableApi.of(plan, c.child());
            Map<String, String> cp = payload(plan, c.child(), new PyImports());
            if (!cp.containsKey(c.fk().attribute()) || api.keys().size() != 1 || c.child() == t
                    || !api.keys().get(0).column().name().equals(c.referenced().name())) {
                continue;
            }
            b.append("\n\ndef test_").append(c.attribute()).append("_of_a_row(client: Client) -> None:\n");
            b.append(BlackLayout.text(BlackLayout.assignAtom(4, "make_child", "factories.create_" + child.module())));
            b.append("    child = make_child(client)\n");
            b.append("    parent = child[").append(PythonEscapes.stringLiteral(c.fk().attribute())).append("]\n");
            b.append("    response = client.get(f").append(PythonEscapes.stringLiteral("{PATH}/{parent}/" + c.attribute())).append(")\n");
            b.append("    assert response.status_code == 200, response.text\n");
            b.append("    assert response.json()[\"total\"] == 1\n");
        }
        for (TableApi.Link l : api.links()) {
            if (api.keys().size() != 1) {
                continue;
            }
            TableApi target = TableApi.of(plan, l.target());
            String key = PythonEscapes.stringLiteral(api.keys().get(0).column().attribute());
            String otherKey = PythonEscapes.stringLiteral(l.targetKey().attribute());
            b.append("\n\ndef test_").append(l.attribute()).append("_link_and_unlink(client: Client) -> None:\n");
            b.append("    row = create(client)[").append(key).append("]\n");
            b.append(BlackLayout.text(BlackLayout.assignAtom(4, "make_other", "factories.create_" + target.module())));
            b.append("    other = make_other(client)[").append(otherKey).append("]\n");
            b.append("    listing = f").append(PythonEscapes.stringLiteral("{PATH}/{row}/" + l.attribute())).append("\n");
            b.append("    link = f\"{listing}/{other}\"\n");
            b.append("    assert client.put(link).status_code == 204\n");
            b.append("    assert client.put(link).status_code == 204\n");
            b.append("    items = client.get(listing).json()[\"items\"]\n");
            b.append("    assert [item[").append(otherKey).append("] for item in items] == [other]\n");
            b.append("    assert client.delete(link).status_code == 204\n");
            b.append("    assert client.get(listing).json()[\"total\"] == 0\n");
        }
        return b.toString();
    }

    private static int lengthOf(PlannedColumn c) {
        return c.length() == null ? PlannedColumn.DEFAULT_STRING_LENGTH : c.length();
    }

    /** A key that names no row: out of the range the samples use. */
    private static String missingPath(TableApi api) {
        StringBuilder b = new StringBuilder();
        for (TableApi.Key k : api.keys()) {
            PlannedColumn c = k.column();
            String v = switch (c.type()) {
                case INTEGER, BIG_INTEGER, FOREIGN_KEY -> "2147483000";
                case UUID -> "00000000-0000-0000-0000-000000000000";
                case DATE -> "1999-01-01";
                case ENUM -> c.enumType().values().get(0);
                case BOOLEAN -> "false";
                default -> "missing";
            };
            if (c.type() == ColumnType.STRING && lengthOf(c) < 7) {
                v = "z".repeat(lengthOf(c));
            }
            b.append('/').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }
}
