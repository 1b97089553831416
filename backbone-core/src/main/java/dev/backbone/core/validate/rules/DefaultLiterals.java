package dev.backbone.core.validate.rules;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.JsonNode.JsonBoolean;
import dev.backbone.core.json.JsonNode.JsonNumber;
import dev.backbone.core.json.JsonNode.JsonString;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Whether a JSON value is a literal of a column type: the JSON kind each type takes (a string
 * for String, an integer in range for Integer, an ISO date for Date, ...) and the limits of the
 * column ({@code length}, {@code precision}/{@code scale}). The database would reject the
 * same values later, in a less helpful place.
 */
final class DefaultLiterals {

    private DefaultLiterals() {}

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

    /**
     * What is wrong with {@code v} as a value of {@code src} (a column with a concrete type,
     * never a ForeignKey), phrased to follow "the default"; {@code null} when it is fine.
     */
    static String problem(JsonNode v, Column src) {
        ColumnType type = src.type();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case STRING -> string(v, src);
            case TEXT, ENUM -> v instanceof JsonString ? null : kind(v, "a string", "\"text\"");
            case INTEGER -> integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer", "0");
            case BIG_INTEGER -> integer(v, Long.MIN_VALUE, Long.MAX_VALUE, "an integer", "0");
            case NUMERIC -> numeric(v, src);
            case FLOAT -> !(v instanceof JsonNumber n) ? kind(v, "a number", "0.5")
                    : n.value().abs().compareTo(MAX_DOUBLE) > 0 ? "is too large for a Float" : null;
            case BOOLEAN -> v instanceof JsonBoolean ? null : kind(v, "true or false", "false");
            case DATE -> temporal(v, "an ISO date", "\"2024-01-31\"", LocalDate::parse, null);
            case TIME -> temporal(v, "an ISO time", "\"09:30:00\"", LocalTime::parse, OffsetTime::parse);
            case DATETIME -> temporal(v, "an ISO date-time", "\"2024-01-31T09:30:00\"", LocalDateTime::parse,
                    OffsetDateTime::parse);
            case UUID -> v instanceof JsonString s && UUID.matcher(s.value()).matches() ? null
                    : kind(v, "a UUID string", "\"123e4567-e89b-12d3-a456-426614174000\"");
            case JSON -> null;
            case LARGE_BINARY -> "is not allowed: a LargeBinary column cannot have a default in the document; remove it";
            case FOREIGN_KEY -> null;
        };
    }

    private static String string(JsonNode v, Column src) {
        if (!(v instanceof JsonString s)) {
            return kind(v, "a string", "\"text\"");
        }
        int chars = s.value().codePointCount(0, s.value().length());
        if (src.length() != null && src.length() > 0 && chars > src.length()) {
            return "is " + chars + " characters long, more than the column's `length` " + src.length()
                    + "; shorten it or raise `length`";
        }
        return null;
    }

    private static String integer(JsonNode v, long min, long max, String what, String example) {
        if (!(v instanceof JsonNumber n) || !n.integral()) {
            return kind(v, what, example);
        }
        BigDecimal d = n.value();
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            return "is out of range (" + min + " to " + max + ")" + (max == Integer.MAX_VALUE
                    ? "; use BigInteger for larger values" : "; use Numeric for larger values");
        }
        return null;
    }

    private static String numeric(JsonNode v, Column src) {
        if (!(v instanceof JsonNumber n)) {
            return kind(v, "a number", "0.00");
        }
        Integer p = src.precision();
        int s = src.scale() == null ? 0 : src.scale();
        if (p != null && p > 0 && s >= 0 && s <= p) {
            BigDecimal d = n.value().stripTrailingZeros();
            long intDigits = Math.max(0L, (long) d.precision() - d.scale());
            if (intDigits > p - s) {
                return "has " + intDigits + " digits before the decimal point, but precision " + p + " with scale " + s
                        + " leaves room for " + (p - s);
            }
        }
        return null;
    }

    private static String temporal(JsonNode v, String what, String example, Function<String, ?> local,
            Function<String, ?> offset) {
        if (!(v instanceof JsonString s)) {
            return kind(v, what + " string", example);
        }
        if (parses(local, s.value()) || (offset != null && parses(offset, s.value()))) {
            return null;
        }
        return "is " + Names.show(s.value()) + ", not " + what + "; write it like " + example;
    }

    private static boolean parses(Function<String, ?> parser, String text) {
        try {
            parser.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String kind(JsonNode v, String expected, String example) {
        String actual = v instanceof JsonString s ? "the string " + Names.show(s.value())
                : v instanceof JsonNumber n ? (n.integral() ? "the integer " : "the number ") + Names.show(n.value())
                : "a JSON " + v.typeName();
        return "must be " + expected + ", not " + actual + "; write it like " + example;
    }
}
