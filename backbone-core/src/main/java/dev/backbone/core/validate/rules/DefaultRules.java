package dev.backbone.core.validate.rules;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.List;

/**
 * Rules on a column's {@code default}: a literal of the column's type (for a ForeignKey, of the
 * type of the column it points to), within its {@code length}/{@code precision}, one of the
 * {@code values} of an Enum, and not {@code null} on a NOT NULL column.
 */
final class DefaultRules implements SchemaRule {

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        JsonNode v = c.defaultValue();
        if (v == null || c.type() == null) {
            return;
        }
        if (v instanceof JsonNode.JsonNull) {
            if (!c.effectiveNullable()) {
                ctx.report(FindingCode.INVALID_DEFAULT, c.at(), "default", "column " + Names.show(c.name()),
                        "is null, but the column is NOT NULL; give a value of its type or remove `default`");
            }
            return;
        }
        Column src = c.type() == ColumnType.FOREIGN_KEY ? ctx.index().typeSource(c) : c;
        if (src == null) {
            return; // the ForeignKey rules say why its type is unknown
        }
        String what = c == src ? c.type().wire() + " column " + Names.show(c.name())
                : "ForeignKey column " + Names.show(c.name()) + " (of type " + src.type().wire() + ", from " + c.target() + ")";
        String problem = DefaultLiterals.convert(v, src).problem();
        if (problem != null) {
            ctx.report(FindingCode.INVALID_DEFAULT, c.at(), "default", what, problem);
            return;
        }
        List<String> values = src.values();
        if (src.type() == ColumnType.ENUM && values != null && !values.isEmpty()
                && v instanceof JsonNode.JsonString s && !values.contains(s.value())) {
            String hint = ctx.didYouMean(s.value(), values);
            if (c == src) {
                ctx.report(FindingCode.ENUM_DEFAULT_NOT_IN_VALUES, c.at(), "default", Names.show(s.value()), what,
                        shortList(values), hint);
            } else {
                ctx.report(FindingCode.INVALID_DEFAULT, c.at(), "default", what, "is " + Names.show(s.value())
                        + ", not one of its values " + shortList(values) + "; use one of them or add it to the `values` of "
                        + c.target() + "." + hint);
            }
        }
    }

    private static String shortList(List<String> values) {
        List<String> head = values.size() > 10 ? values.subList(0, 10) : values;
        return "[" + String.join(", ", head.stream().map(Names::show).toList()) + (values.size() > 10 ? ", ..." : "") + "]";
    }
}
