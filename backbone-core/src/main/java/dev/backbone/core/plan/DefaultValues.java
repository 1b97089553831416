package dev.backbone.core.plan;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.plan.DefaultValue.Kind;
import dev.backbone.core.schema.ColumnType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Converts a column's raw {@code default} (already checked by the validator) into a
 * {@link DefaultValue} whose kind tells each target how to spell it. Lenient where the
 * validator may be (a number or boolean written as a string), and returns null for what
 * cannot be a literal of the type, so the architect can report it rather than guess.
 */
final class DefaultValues {
    private DefaultValues() {}

    /** Words that mean "the current timestamp" for a DateTime default: rendered as the database's now(). */
    static final Set<String> NOW_WORDS = Set.of("now", "now()", "current_timestamp", "current_timestamp()");

    /** Whether the column has a default at all ({@code "default": null} is none). */
    static boolean present(JsonNode raw) {
        return raw != null && !(raw instanceof JsonNode.JsonNull);
    }

    /** The default of a column that has one ({@link #present}), or null when it is not a literal of {@code type}. */
    static DefaultValue convert(JsonNode raw, ColumnType type) {
        String text = raw instanceof JsonNode.JsonString s ? s.value() : null;
        switch (type) {
            case STRING, TEXT:
                return text == null ? null : new DefaultValue(Kind.STRING, text);
            case ENUM:
                return text == null ? null : new DefaultValue(Kind.ENUM, text);
            case INTEGER, BIG_INTEGER: {
                BigDecimal n = number(raw);
                return n == null || n.stripTrailingZeros().scale() > 0 ? null : new DefaultValue(Kind.NUMBER, n);
            }
            case NUMERIC, FLOAT: {
                BigDecimal n = number(raw);
                return n == null ? null : new DefaultValue(Kind.NUMBER, n);
            }
            case BOOLEAN: {
                Boolean b = raw instanceof JsonNode.JsonBoolean jb ? (Boolean) jb.value()
                        : "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
                return b == null ? null : new DefaultValue(Kind.BOOLEAN, b);
            }
            case DATETIME:
                if (text == null) {
                    return null;
                }
                return NOW_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? DefaultValue.NOW : new DefaultValue(Kind.DATETIME, text);
            case DATE:
                return text == null ? null : new DefaultValue(Kind.DATE, text);
            case TIME:
                return text == null ? null : new DefaultValue(Kind.TIME, text);
            case UUID:
                return text == null ? null : new DefaultValue(Kind.UUID, text);
            case JSON:
                return new DefaultValue(Kind.JSON, JsonText.of(raw));
            default:
                return null;
        }
    }

    private static BigDecimal number(JsonNode raw) {
        if (raw instanceof JsonNode.JsonNumber n) {
            return n.value();
        }
        if (raw instanceof JsonNode.JsonString s) {
            try {
                return new BigDecimal(s.value().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
