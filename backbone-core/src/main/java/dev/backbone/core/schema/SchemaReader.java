package dev.backbone.core.schema;

import dev.backbone.core.json.ArrayMap;
import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.JsonNode.JsonArray;
import dev.backbone.core.json.JsonNode.JsonBoolean;
import dev.backbone.core.json.JsonNode.JsonNumber;
import dev.backbone.core.json.JsonNode.JsonObject;
import dev.backbone.core.json.JsonNode.JsonString;
import dev.backbone.core.json.JsonSyntaxException;
import dev.backbone.core.json.Position;
import dev.backbone.core.json.PositionalJsonParser;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads schema text into a {@link Schema}, reporting what is structurally wrong (syntax, missing
 * or mistyped fields, unknown fields) as findings instead of throwing: a broken document still
 * yields a model that the validator can check further, so the user sees every problem at once.
 */
public final class SchemaReader {

    /** {@code $schema} points editors at the published JSON Schema ({@link InputFormatSchema}); its value is not read. */
    static final Set<String> DOCUMENT_FIELDS = Set.of("$schema", "project_name", "db_type", "description", "schema");
    static final Set<String> TABLE_FIELDS =
            Set.of("table_name", "class_name", "description", "options", "columns", "relationships", "renamed_from");
    static final Set<String> OPTION_FIELDS = Set.of("use_timestamps", "use_soft_delete");
    static final Set<String> COLUMN_FIELDS = Set.of(
            "name", "type", "length", "precision", "scale", "primary_key", "autoincrement", "unique", "index",
            "nullable", "default", "values", "target", "on_delete", "description", "renamed_from");
    static final Set<String> RELATIONSHIP_FIELDS = Set.of(
            "target_table", "target_class", "type", "back_populates", "foreign_key", "secondary", "description");

    private final List<Finding> findings = new ArrayList<>();
    /** The longest string bound so far, in chars (see {@link Schema#longestString()}). */
    private int longest;

    private SchemaReader() {}

    /** The outcome of reading: a model (null when the text is not JSON or not an object) and findings. */
    public record Result(Schema schema, List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Reads a document, binding each table as soon as the parser has it: the tree of one table
     * at a time is in memory, not the tree of the whole document (see
     * {@link PositionalJsonParser#parse(String, String, PositionalJsonParser.ItemSink)}).
     */
    public static Result read(String text) {
        SchemaReader r = new SchemaReader();
        List<Table> tables = new ArrayList<>();
        JsonNode root;
        try {
            root = PositionalJsonParser.parse(text, "schema", (i, item) -> {
                Table t = r.table(item, i);
                if (t != null) {
                    tables.add(t);
                }
            });
        } catch (JsonSyntaxException e) {
            Finding syntax = FindingCode.JSON_SYNTAX_ERROR.at(new Position("", e.line(), e.column()), e.getMessage());
            return new Result(null, List.of(syntax)); // what the tables said before the error is moot
        }
        int tableFindings = r.findings.size();
        Schema schema = r.document(root, tables);
        // the document's own findings come first, as when the tree was bound top-down
        java.util.Collections.rotate(r.findings, -tableFindings);
        return new Result(schema, r.findings);
    }

    /** Binds an already-parsed tree (the service parses the request body once). */
    public static Result read(JsonNode root) {
        SchemaReader r = new SchemaReader();
        return new Result(r.document(root, null), r.findings);
    }

    /** Binds the document; {@code streamed} holds its tables when they were bound while parsing. */
    private Schema document(JsonNode root, List<Table> streamed) {
        if (!(root instanceof JsonObject o)) {
            error(root.position(), "the document must be a JSON object with project_name, db_type and schema, not "
                    + article(root.typeName()));
            return null;
        }
        unknownFields(o, DOCUMENT_FIELDS, "document");
        String project = string(o, "project_name", true);
        String db = string(o, "db_type", true);
        String description = string(o, "description", false);
        List<Table> tables = new ArrayList<>();
        JsonArray arr = array(o, "schema", true);
        if (arr != null && streamed != null) {
            tables.addAll(streamed);
        } else if (arr != null) {
            for (int i = 0; i < arr.items().size(); i++) {
                Table t = table(arr.items().get(i), i);
                if (t != null) {
                    tables.add(t);
                }
            }
        }
        DbType dbType = db == null ? null : DbType.fromWire(db).orElse(null);
        return new Schema(project, db, dbType, description, tables, locations(o), longest);
    }

    private Table table(JsonNode node, int index) {
        if (!(node instanceof JsonObject o)) {
            error(node.position(), "a table must be an object, not " + article(node.typeName()));
            return null;
        }
        unknownFields(o, TABLE_FIELDS, "table");
        String tableName = string(o, "table_name", true);
        String className = string(o, "class_name", true);
        String description = string(o, "description", false);
        boolean timestamps = false;
        boolean softDelete = false;
        JsonNode opts = o.get("options");
        ArrayMap.Builder<Position> options = new ArrayMap.Builder<>(2);
        if (opts instanceof JsonObject oo) {
            unknownFields(oo, OPTION_FIELDS, "options");
            timestamps = bool(oo, "use_timestamps", false);
            softDelete = bool(oo, "use_soft_delete", false);
            oo.fields().forEach((k, v) -> options.put("options." + k, v.position()));
        } else if (opts != null && !(opts instanceof JsonNode.JsonNull)) {
            wrongType(opts, "options", "an object");
        }
        // Every element's locations first, then the elements in a tight loop: the columns of a
        // table then sit next to each other in memory, and each later pass (validator, architect,
        // generators) reads them as one stream rather than one cache miss per column.
        List<Column> columns = new ArrayList<>();
        JsonArray cols = array(o, "columns", true);
        if (cols != null) {
            Locations[] at = locationsOf(cols, true);
            for (int i = 0; i < cols.items().size(); i++) {
                Column c = column(cols.items().get(i), i, at[i]);
                if (c != null) {
                    columns.add(c);
                }
            }
        }
        List<Relationship> rels = new ArrayList<>();
        JsonArray ra = array(o, "relationships", false);
        if (ra != null) {
            Locations[] at = locationsOf(ra, false);
            for (int i = 0; i < ra.items().size(); i++) {
                Relationship r = relationship(ra.items().get(i), i, at[i]);
                if (r != null) {
                    rels.add(r);
                }
            }
        }
        return new Table(index, tableName, className, description, timestamps, softDelete, columns, rels,
                Locations.of(o, options.build()), string(o, "renamed_from", false));
    }

    /**
     * A scalar default made afresh, so that it sits in memory next to its column rather than in
     * the parsed tree: the validator and the architect read every default, and on a large
     * document a value left among the tree's garbage is a cache miss each time.
     */
    private JsonNode nearby(JsonNode v) {
        if (v instanceof JsonString s) {
            return new JsonString(s.position(), measured(s.value()));
        }
        if (v instanceof JsonNumber n) {
            return new JsonNumber(n.position(), n.value(), n.integral());
        }
        if (v instanceof JsonBoolean b) {
            return new JsonBoolean(b.position(), b.value());
        }
        return v;
    }

    /** The locations of each object item ({@code null} for the others, which bind to nothing). */
    private static Locations[] locationsOf(JsonArray items, boolean withValues) {
        Locations[] at = new Locations[items.items().size()];
        for (int i = 0; i < at.length; i++) {
            if (items.items().get(i) instanceof JsonObject o) {
                at[i] = withValues ? withValuePositions(o) : locations(o);
            }
        }
        return at;
    }

    private String measured(String s) {
        longest = Math.max(longest, s.length());
        return s;
    }

    private Column column(JsonNode node, int index, Locations at) {
        if (!(node instanceof JsonObject o)) {
            error(node.position(), "a column must be an object, not " + article(node.typeName()));
            return null;
        }
        unknownFields(o, COLUMN_FIELDS, "column");
        String name = string(o, "name", true);
        String typeName = string(o, "type", true);
        ColumnType type = typeName == null ? null : ColumnType.fromWire(typeName).orElse(null);
        String onDeleteName = string(o, "on_delete", false);
        JsonNode def = nearby(o.get("default"));
        return new Column(index, name, typeName, type,
                integer(o, "length"), integer(o, "precision"), integer(o, "scale"),
                bool(o, "primary_key", false), boolOrNull(o, "autoincrement"), bool(o, "unique", false),
                bool(o, "index", false), boolOrNull(o, "nullable"),
                def, stringList(o, "values"), string(o, "target", false), onDeleteName,
                onDeleteName == null ? null : OnDelete.fromWire(onDeleteName).orElse(null),
                string(o, "description", false), at, string(o, "renamed_from", false));
    }

    /**
     * The column's locations plus one entry per string of {@code values}, keyed {@code values/<k>}
     * where {@code k} is the index in {@link Column#values()} (non-strings are dropped there, so
     * it can differ from the JSON index, which the position's pointer keeps): an
     * {@code ENUM_DUPLICATE_VALUE} then points at the repeated label itself.
     */
    private static Locations withValuePositions(JsonObject o) {
        if (!(o.get("values") instanceof JsonArray va)) {
            return locations(o);
        }
        ArrayMap.Builder<Position> labels = new ArrayMap.Builder<>(va.items().size());
        int k = 0;
        for (JsonNode item : va.items()) {
            if (item instanceof JsonString) {
                labels.put("values/" + k++, item.position());
            }
        }
        return Locations.of(o, labels.build());
    }

    private Relationship relationship(JsonNode node, int index, Locations at) {
        if (!(node instanceof JsonObject o)) {
            error(node.position(), "a relationship must be an object, not " + article(node.typeName()));
            return null;
        }
        unknownFields(o, RELATIONSHIP_FIELDS, "relationship");
        String typeName = string(o, "type", true);
        return new Relationship(index, string(o, "target_table", true), string(o, "target_class", true), typeName,
                typeName == null ? null : RelationshipType.fromWire(typeName).orElse(null),
                string(o, "back_populates", false), string(o, "foreign_key", false), string(o, "secondary", false),
                string(o, "description", false), at);
    }

    // --- field access: each reports a finding and returns null when the value is missing or mistyped

    private String string(JsonObject o, String field, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v instanceof JsonNode.JsonNull) {
            if (required) {
                missing(o, field);
            }
            return null;
        }
        if (v instanceof JsonString s) {
            return measured(s.value());
        }
        wrongType(v, field, "a string");
        return null;
    }

    private JsonArray array(JsonObject o, String field, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v instanceof JsonNode.JsonNull) {
            if (required) {
                missing(o, field);
            }
            return null;
        }
        if (v instanceof JsonArray a) {
            return a;
        }
        wrongType(v, field, "an array");
        return null;
    }

    private boolean bool(JsonObject o, String field, boolean dflt) {
        Boolean b = boolOrNull(o, field);
        return b == null ? dflt : b;
    }

    private Boolean boolOrNull(JsonObject o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v instanceof JsonNode.JsonNull) {
            return null;
        }
        if (v instanceof JsonBoolean b) {
            return b.value();
        }
        wrongType(v, field, "true or false");
        return null;
    }

    private Integer integer(JsonObject o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v instanceof JsonNode.JsonNull) {
            return null;
        }
        if (v instanceof JsonNumber n && n.integral()) {
            try {
                return n.value().intValueExact();
            } catch (ArithmeticException e) {
                error(v.position(), "`" + field + "` is too large: " + n.value().toPlainString());
                return null;
            }
        }
        wrongType(v, field, "an integer");
        return null;
    }

    private List<String> stringList(JsonObject o, String field) {
        JsonArray a = array(o, field, false);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : a.items()) {
            if (item instanceof JsonString s) {
                out.add(measured(s.value()));
            } else {
                error(item.position(), "each of `" + field + "` must be a string, not " + article(item.typeName()));
            }
        }
        return out;
    }

    private void unknownFields(JsonObject o, Set<String> known, String what) {
        for (int i = 0; i < o.size(); i++) {
            String name = o.name(i);
            if (!known.contains(name)) {
                String hint = Suggestions.closest(name, known);
                findings.add(FindingCode.UNKNOWN_FIELD.at(o.keyPosition(i), what, name,
                        hint != null ? ": did you mean `" + hint + "`?" : "; it is ignored (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
    }

    private void missing(JsonObject o, String field) {
        findings.add(FindingCode.SCHEMA_VALIDATION_ERROR.at(Position.child(o.position().pointer(), field), o.position(),
                "missing required field `" + field + "`"));
    }

    private void wrongType(JsonNode v, String field, String expected) {
        error(v.position(), "`" + field + "` must be " + expected + ", not " + article(v.typeName()));
    }

    private void error(Position at, String message) {
        findings.add(FindingCode.SCHEMA_VALIDATION_ERROR.at(at, message));
    }

    private static String article(String typeName) {
        return switch (typeName) {
            case "null" -> "null";
            case "array", "object", "integer" -> "an " + typeName;
            default -> "a " + typeName;
        };
    }

    private static Locations locations(JsonObject o) {
        return Locations.of(o);
    }
}
