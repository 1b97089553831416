package dev.backbone.core.generate.fastapi;

import dev.backbone.core.generate.sqlalchemy.BlackLayout;
import dev.backbone.core.generate.sqlalchemy.PyExpr;
import dev.backbone.core.generate.sqlalchemy.PythonEscapes;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedRelationship;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.RelationshipType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the routes of one table need, read from the plan: the module name, the key's path
 * parameters, the one-to-many and many-to-many routes; and the contexts of its schema, router
 * and hooks modules.
 */
record TableApi(PlannedTable table, String module, List<Key> keys, List<Child> children, List<Link> links) {

    /** Module names of the app's own modules that a table's module must not take. */
    private static final Set<String> RESERVED_MODULES = Set.of("deps", "errors", "custom", "common", "conftest", "factories");

    /** Names the route functions use themselves: a key parameter of that name gets a suffix. */
    private static final Set<String> RESERVED_PARAMS = Set.of("session", "data", "response", "query", "include_deleted",
            "row", "values", "hooks", "page", "parent", "related", "select", "status", "router", "error", "name", "value",
            "conflict", "not_found", "location", "order_by", "page_of", "rows", "total", "items", "order", "other",
            "statement", "filters", "aliased", "datetime", "Annotated", "Query", "Response", "APIRouter", "Session");

    /** One key column as a path parameter. */
    record Key(PlannedColumn column, String param) {}

    /** {@code GET /<table>/{key}/<attribute>}: the rows of {@code child} whose {@code fk} holds this row's {@code referenced}. */
    record Child(String attribute, PlannedTable child, PlannedColumn fk, PlannedColumn referenced) {}

    /** Link, unlink and list routes of a many-to-many relationship. */
    record Link(String attribute, PlannedTable target, PlannedColumn targetKey, String param) {}

    static TableApi of(Plan plan, PlannedTable t) {
        String module = RESERVED_MODULES.contains(t.moduleName()) ? t.moduleName() + "_" : t.moduleName();
        List<Key> keys = new ArrayList<>();
        for (PlannedColumn c : t.primaryKey()) {
            keys.add(new Key(c, RESERVED_PARAMS.contains(c.attribute()) ? c.attribute() + "_key" : c.attribute()));
        }
        List<Child> children = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (PlannedRelationship r : t.relationships()) {
            PlannedTable target = plan.table(r.targetTable());
            if (target == null) {
                continue;
            }
            if (r.type() == RelationshipType.ONE_TO_MANY) {
                PlannedColumn fk = childKey(t, target, r);
                if (fk != null && t.column(fk.foreignKey().column()) != null) {
                    children.add(new Child(r.attribute(), target, fk, t.column(fk.foreignKey().column())));
                }
            } else if (r.type() == RelationshipType.MANY_TO_MANY && target.primaryKey().size() == 1) {
                String param = "related_" + target.primaryKey().get(0).attribute();
                while (paramTaken(keys, param)) {
                    param = param + "_";
                }
                links.add(new Link(r.attribute(), target, target.primaryKey().get(0), param));
            }
        }
        return new TableApi(t, module, List.copyOf(keys), List.copyOf(children), List.copyOf(links));
    }

    private static boolean paramTaken(List<Key> keys, String param) {
        return keys.stream().anyMatch(k -> k.param().equals(param)) || RESERVED_PARAMS.contains(param);
    }

    /** The foreign key of {@code child} behind a one-to-many of {@code parent}: the named one, else the only one. */
    private static PlannedColumn childKey(PlannedTable parent, PlannedTable child, PlannedRelationship r) {
        if (r.foreignKeyColumn() != null && child.tableName().equals(r.foreignKeyTable())) {
            return child.column(r.foreignKeyColumn());
        }
        List<PlannedColumn> fks = child.columns().stream()
                .filter(c -> c.isForeignKey() && c.foreignKey().table().equals(parent.tableName())).toList();
        return fks.size() == 1 ? fks.get(0) : null;
    }

    String prefix() {
        return "/" + table.tableName();
    }

    String keyPath() {
        StringBuilder b = new StringBuilder();
        keys.forEach(k -> b.append("/{").append(k.param()).append('}'));
        return b.toString();
    }

    /** {@code row = _get(session, a, b)} as black lays it out. */
    private String getCall(String target, String extra) {
        List<PyExpr> args = new ArrayList<>();
        args.add(PyExpr.atom("session"));
        keys.forEach(k -> args.add(PyExpr.atom(k.param())));
        if (extra != null) {
            args.add(PyExpr.atom(extra));
        }
        return BlackLayout.text(BlackLayout.statement(4, target + " = ", PyExpr.call("_get", args))).stripTrailing();
    }

    Map<String, Object> routerContext(Plan plan) {
        Map<String, Object> ctx = base(plan);
        PyImports imports = new PyImports();
        imports.from("typing", "Annotated", "Any");
        imports.from("fastapi", "APIRouter", "Query", "Response", "status");
        imports.from("sqlalchemy", "select");
        imports.from("sqlalchemy.exc", "IntegrityError");
        imports.from("sqlalchemy.orm", "InstrumentedAttribute", "Session");
        imports.from("app.api.deps", "LIST_PARAMETERS", "SessionDep", "location", "order_by", "page_of", "page_request");
        imports.from("app.api.errors", "conflict", "not_found");
        imports.from("app.models", "Base", table.className());
        imports.from("app.schemas." + module, table.className() + "Create", table.className() + "Page",
                table.className() + "Read", table.className() + "Update", table.className() + "Query as ListQuery");
        imports.from("app.services", module + " as hooks");
        if (table.softDelete()) {
            imports.module("datetime");
        }
        List<Map<String, Object>> keyCtx = new ArrayList<>();
        for (Key k : keys) {
            keyCtx.add(Map.of("param", k.param(), "attribute", k.column().attribute(), "type", PydanticTypes.input(k.column(), imports)));
        }
        if (!children.isEmpty() || !links.isEmpty()) {
            imports.from("app.api.deps", "PageDep");
        }
        List<Map<String, Object>> childCtx = new ArrayList<>();
        for (Child c : children) {
            TableApi ca = of(plan, c.child());
            imports.from("app.models", c.child().className());
            imports.from("app.schemas." + ca.module(), c.child().className() + "Page", c.child().className() + "Read");
            List<PyExpr> order = c.child().primaryKey().stream().map(k -> PyExpr.atom(c.child().className() + "." + k.attribute())).toList();
            childCtx.add(Map.of("attribute", c.attribute(), "className", c.child().className(), "table", c.child().tableName(),
                    "fk", c.fk().attribute(), "referenced", c.referenced().attribute(), "softDelete", c.child().softDelete(),
                    "order", BlackLayout.text(BlackLayout.statement(4, "order = ", PyExpr.list(order))).stripTrailing()));
        }
        List<Map<String, Object>> linkCtx = new ArrayList<>();
        for (Link l : links) {
            TableApi la = of(plan, l.target());
            imports.from("sqlalchemy.orm", "aliased");
            imports.from("app.models", l.target().className());
            imports.from("app.schemas." + la.module(), l.target().className() + "Page", l.target().className() + "Read");
            linkCtx.add(Map.of("attribute", l.attribute(), "className", l.target().className(), "table", l.target().tableName(),
                    "tag", PythonEscapes.stringLiteral(l.target().tableName()), "keyAttribute", l.targetKey().attribute(),
                    "param", l.param(), "type", PydanticTypes.input(l.targetKey(), imports)));
        }
        List<PyExpr> sortable = new ArrayList<>();
        for (PlannedColumn c : table.columns()) {
            if (c.sortable()) {
                sortable.add(PyExpr.entry(PyExpr.str(c.attribute()), PyExpr.atom(table.className() + "." + c.attribute())));
            }
        }
        List<String> consts = new ArrayList<>();
        String tableLine = "TABLE = Base.metadata.tables[" + PythonEscapes.stringLiteral(table.tableName()) + "]";
        consts.addAll(tableLine.length() <= BlackLayout.LINE_LENGTH ? List.of(tableLine)
                : List.of("TABLE = Base.metadata.tables[", "    " + PythonEscapes.stringLiteral(table.tableName()), "]"));
        consts.addAll(BlackLayout.statement(0, "SORTABLE: dict[str, InstrumentedAttribute[Any]] = ", PyExpr.dict(sortable)));
        consts.addAll(BlackLayout.statement(0, "KEY: list[InstrumentedAttribute[Any]] = ",
                PyExpr.list(keys.stream().map(k -> PyExpr.atom(table.className() + "." + k.column().attribute())).toList())));
        ctx.put("sortable", String.join("\n", consts));
        ctx.put("keys", keyCtx);
        ctx.put("children", childCtx);
        ctx.put("links", linkCtx);
        ctx.put("keyPath", keyPath());
        ctx.put("routeName", table.tableName());
        ctx.put("fn", module.endsWith("_") ? module.substring(0, module.length() - 1) : module);
        List<PyExpr> getArgs = new ArrayList<>();
        keys.forEach(k -> getArgs.add(PyExpr.atom(k.param())));
        ctx.put("sessionGet", BlackLayout.text(BlackLayout.statement(4, "row = ", PyExpr.call("session.get",
                PyExpr.atom(table.className()), PyExpr.tuple(getArgs)))).stripTrailing());
        ctx.put("getRow", getCall("row", null));
        ctx.put("getParent", getCall("parent", null));
        ctx.put("getRowIncluding", getCall("row", table.softDelete() ? "include_deleted=include_deleted" : null));
        ctx.put("imports", imports.text());
        return ctx;
    }

    Map<String, Object> schemaContext(Plan plan) {
        Map<String, Object> ctx = base(plan);
        PyImports imports = new PyImports();
        imports.from("pydantic", "BaseModel", "ConfigDict", "Field");
        List<String> create = new ArrayList<>();
        List<String> update = new ArrayList<>();
        List<String> read = new ArrayList<>();
        List<String> query = new ArrayList<>();
        for (PlannedColumn c : table.columns()) {
            read.add(PydanticTypes.responseField(c, imports));
            if (c.serverManaged()) {
                continue;
            }
            create.addAll(PydanticTypes.requestField(c, !c.optionalOnCreate(), imports));
            if (!c.primaryKey()) {
                update.addAll(PydanticTypes.requestField(c, false, imports));
            }
            if (c.filterable() && !List.of("limit", "offset", "sort", "include_deleted").contains(c.attribute())) {
                query.addAll(PydanticTypes.queryField(c, imports));
            }
        }
        // filters on generated keys too (?id=)
        for (PlannedColumn c : table.columns()) {
            if (c.serverManaged() && c.filterable() && !List.of("limit", "offset", "sort", "include_deleted").contains(c.attribute())) {
                query.addAll(0, PydanticTypes.queryField(c, imports));
            }
        }
        ctx.put("createFields", String.join("\n", create));
        ctx.put("updateFields", String.join("\n", update));
        ctx.put("readFields", String.join("\n", read));
        ctx.put("queryFields", String.join("\n", query));
        ctx.put("imports", imports.text());
        return ctx;
    }

    Map<String, Object> serviceContext(Plan plan) {
        Map<String, Object> ctx = base(plan);
        PyImports imports = new PyImports();
        imports.from("sqlalchemy.orm", "Session");
        imports.from("app.models", table.className());
        imports.from("app.schemas." + module, table.className() + "Create", table.className() + "Update");
        ctx.put("imports", imports.text());
        return ctx;
    }

    private Map<String, Object> base(Plan plan) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("plan", plan);
        ctx.put("table", table.tableName());
        ctx.put("className", table.className());
        ctx.put("prefix", prefix());
        ctx.put("tag", PythonEscapes.stringLiteral(table.tableName()));
        ctx.put("softDelete", table.softDelete());
        return ctx;
    }
}
