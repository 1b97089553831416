package dev.backbone.core.validate.rules;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Locations;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.Limits;
import java.util.List;

/**
 * The size {@link Limits}: tables per document, columns and relationships per table, length of
 * every string and of the remaining arrays ({@code values}, arrays inside a JSON default; the
 * three structural arrays have their own, more telling codes). The service runs with strict
 * limits so that one request cannot take a worker's memory; the CLI's defaults are generous.
 */
final class LimitRules implements SchemaRule {

    @Override
    public void document(ValidationContext ctx, Schema s) {
        Limits l = ctx.limits();
        if (s.tables().size() > l.maxTables()) {
            ctx.report(FindingCode.TOO_MANY_TABLES, s.at(), "schema", s.tables().size(), l.maxTables());
        }
        string(ctx, s.projectName(), s.at(), "project_name");
        string(ctx, s.dbTypeName(), s.at(), "db_type");
        string(ctx, s.description(), s.at(), "description");
    }

    /**
     * Whether the reader measured every string of the model and none is over the limit: then the
     * string checks below need not visit the strings again (see {@link Schema#longestString()}).
     * A string inside an array or object {@code default} is not measured and is always checked.
     */
    private static boolean allShort(ValidationContext ctx) {
        int longest = ctx.schema().longestString();
        return longest != Schema.UNMEASURED && longest <= ctx.limits().maxStringLength();
    }

    @Override
    public void table(ValidationContext ctx, Table t) {
        Limits l = ctx.limits();
        if (t.columns().size() > l.maxColumnsPerTable()) {
            ctx.report(FindingCode.TOO_MANY_COLUMNS, t.at(), "columns", Names.show(t.tableName()), t.columns().size(),
                    l.maxColumnsPerTable());
        }
        if (t.relationships().size() > l.maxRelationshipsPerTable()) {
            ctx.report(FindingCode.TOO_MANY_RELATIONSHIPS, t.at(), "relationships", Names.show(t.tableName()),
                    t.relationships().size(), l.maxRelationshipsPerTable());
        }
        if (allShort(ctx)) {
            return;
        }
        string(ctx, t.tableName(), t.at(), "table_name");
        string(ctx, t.className(), t.at(), "class_name");
        string(ctx, t.description(), t.at(), "description");
    }

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        Locations at = c.at();
        boolean allShort = allShort(ctx);
        if (!allShort) {
            string(ctx, c.name(), at, "name");
            string(ctx, c.typeName(), at, "type");
            string(ctx, c.target(), at, "target");
            string(ctx, c.onDeleteName(), at, "on_delete");
            string(ctx, c.description(), at, "description");
        }
        List<String> values = c.values();
        if (values != null) {
            if (values.size() > ctx.limits().maxArrayLength()) {
                tooLong(ctx, values.size(), "`values`", at, "values");
            }
            for (int k = 0; !allShort && k < values.size(); k++) {
                string(ctx, values.get(k), at, "values/" + k);
            }
        }
        JsonNode dflt = c.defaultValue();
        if (dflt != null && !(allShort && dflt instanceof JsonNode.JsonString)) {
            json(ctx, dflt);
        }
    }

    @Override
    public void relationship(ValidationContext ctx, Table t, Relationship r) {
        if (allShort(ctx)) {
            return;
        }
        Locations at = r.at();
        string(ctx, r.targetTable(), at, "target_table");
        string(ctx, r.targetClass(), at, "target_class");
        string(ctx, r.typeName(), at, "type");
        string(ctx, r.backPopulates(), at, "back_populates");
        string(ctx, r.foreignKey(), at, "foreign_key");
        string(ctx, r.secondary(), at, "secondary");
        string(ctx, r.description(), at, "description");
    }

    private static void string(ValidationContext ctx, String value, Locations at, String field) {
        int max = ctx.limits().maxStringLength();
        if (value == null || value.length() <= max) {
            return; // a string of N chars has at most N code points, so most strings need no count
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            ctx.report(FindingCode.STRING_TOO_LONG, at, field, "`" + field + "`", length, max);
        }
    }

    /** Strings and arrays anywhere inside a JSON default. Depth is bounded by the parser. */
    private static void json(ValidationContext ctx, JsonNode v) {
        if (v instanceof JsonNode.JsonString s) {
            int max = ctx.limits().maxStringLength();
            int length = s.value().length() > max ? s.value().codePointCount(0, s.value().length()) : 0;
            if (length > max) {
                ctx.report(FindingCode.STRING_TOO_LONG, s.position(), "a string in `default`", length, max);
            }
        } else if (v instanceof JsonNode.JsonArray a) {
            if (a.items().size() > ctx.limits().maxArrayLength()) {
                ctx.report(FindingCode.ARRAY_TOO_LONG, a.position(), "an array in `default`", a.items().size(),
                        ctx.limits().maxArrayLength());
            }
            a.items().forEach(i -> json(ctx, i));
        } else if (v instanceof JsonNode.JsonObject o) {
            o.fields().values().forEach(i -> json(ctx, i));
        }
    }

    private static void tooLong(ValidationContext ctx, int size, String what, Locations at, String field) {
        ctx.report(FindingCode.ARRAY_TOO_LONG, at, field, what, size, ctx.limits().maxArrayLength());
    }
}
