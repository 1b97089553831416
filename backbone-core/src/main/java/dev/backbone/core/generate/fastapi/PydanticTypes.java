package dev.backbone.core.generate.fastapi;

import dev.backbone.core.generate.sqlalchemy.BlackLayout;
import dev.backbone.core.generate.sqlalchemy.PyExpr;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The one table from schema types to Pydantic: the type a request field or a path parameter
 * accepts (bounded integers, text a database can store, Decimal with its digits), the type a
 * response field has, and the field lines of the Create, Update, Read and Query models.
 */
final class PydanticTypes {

    private PydanticTypes() {}

    /** The type a client's value is validated as (body, query or path), recording its import. */
    static String input(PlannedColumn c, PyImports imports) {
        return switch (c.type()) {
            case INTEGER, FOREIGN_KEY -> common(imports, "Int32");
            case BIG_INTEGER -> common(imports, "Int64");
            case STRING, TEXT -> common(imports, "Text");
            case JSON -> common(imports, "JsonValue");
            case LARGE_BINARY -> {
                imports.from("pydantic", "Base64Bytes");
                yield "Base64Bytes";
            }
            default -> output(c, imports);
        };
    }

    /** The type of a response field, without {@code | None}. */
    static String output(PlannedColumn c, PyImports imports) {
        return switch (c.type()) {
            case INTEGER, BIG_INTEGER, FOREIGN_KEY -> "int";
            case STRING, TEXT -> "str";
            case BOOLEAN -> "bool";
            case DATETIME -> std(imports, "datetime", "datetime.datetime");
            case DATE -> std(imports, "datetime", "datetime.date");
            case TIME -> std(imports, "datetime", "datetime.time");
            case NUMERIC -> std(imports, "decimal", "decimal.Decimal");
            case FLOAT -> "float";
            case JSON -> {
                imports.from("typing", "Any");
                yield "Any";
            }
            case UUID -> std(imports, "uuid", "uuid.UUID");
            case LARGE_BINARY -> "bytes";
            case ENUM -> {
                imports.from("app.models", c.enumType().className());
                yield c.enumType().className();
            }
        };
    }

    private static String common(PyImports imports, String name) {
        imports.from("app.schemas.common", name);
        return name;
    }

    private static String std(PyImports imports, String module, String type) {
        imports.module(module);
        return type;
    }

    /** The constraints of a request field: {@code max_length}, digits, no NaN. */
    static List<PyExpr> constraints(PlannedColumn c) {
        List<PyExpr> out = new ArrayList<>();
        if (c.type() == ColumnType.STRING) {
            out.add(PyExpr.kw("max_length", PyExpr.atom(String.valueOf(c.length() == null ? PlannedColumn.DEFAULT_STRING_LENGTH : c.length()))));
        }
        if (c.type() == ColumnType.NUMERIC) {
            if (c.precision() != null) {
                out.add(PyExpr.kw("max_digits", PyExpr.atom(String.valueOf(c.precision()))));
                out.add(PyExpr.kw("decimal_places", PyExpr.atom(String.valueOf(c.scale() == null ? 0 : c.scale()))));
            }
            out.add(PyExpr.kw("allow_inf_nan", PyExpr.atom("False")));
        }
        if (c.type() == ColumnType.FLOAT) {
            out.add(PyExpr.kw("allow_inf_nan", PyExpr.atom("False")));
        }
        return out;
    }

    /**
     * One field of a request model. {@code required}: no default; otherwise the field may be
     * left out, and only a nullable column accepts an explicit {@code null}.
     */
    static List<String> requestField(PlannedColumn c, boolean required, PyImports imports) {
        String type = input(c, imports);
        List<PyExpr> kws = constraints(c);
        String annotation = c.nullable() ? type + " | None" : type;
        if (!required && !c.nullable()) {
            imports.from("app.schemas.common", "NotNull");
            annotation = "NotNull[" + type + "]";
        }
        if (required && kws.isEmpty()) {
            return hinted(c.attribute(), annotation, "");
        }
        if (!required && kws.isEmpty() && c.nullable()) {
            return hinted(c.attribute(), annotation, " = None");
        }
        imports.from("pydantic", "Field");
        List<PyExpr> args = new ArrayList<>();
        if (!required) {
            args.add(PyExpr.kw("default", PyExpr.atom("None")));
        }
        args.addAll(kws);
        return BlackLayout.statement(4, c.attribute() + ": " + annotation + " = ", PyExpr.call("Field", args));
    }

    /** One field of the Read model. */
    static String responseField(PlannedColumn c, PyImports imports) {
        String type = output(c, imports);
        return String.join("\n", hinted(c.attribute(), c.nullable() ? type + " | None" : type, ""));
    }

    /** One equality filter of the list route's query model: always optional. */
    static List<String> queryField(PlannedColumn c, PyImports imports) {
        String type = input(c, imports);
        return hinted(c.attribute(), type + " | None", " = None");
    }

    /**
     * {@code name: hint rest} in a class body; too long, black (24 and later) wraps a hint with
     * an operator in parentheses on its own line.
     */
    static List<String> hinted(String name, String hint, String rest) {
        String line = "    " + name + ": " + hint + rest;
        if (line.length() <= BlackLayout.LINE_LENGTH || !hint.contains(" ")) {
            return List.of(line);
        }
        return List.of("    " + name + ": (", "        " + hint, "    )" + rest);
    }
}
