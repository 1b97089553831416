package dev.backbone.core.validate.rules;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.JsonText;
import dev.backbone.core.json.JsonNode.JsonBoolean;
import dev.backbone.core.json.JsonNode.JsonNumber;
import dev.backbone.core.json.JsonNode.JsonString;
import dev.backbone.core.plan.DefaultValue;
import dev.backbone.core.plan.DefaultValue.Kind;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one converter of a column's {@code default}: whether a JSON value is a literal of a column
 * type (the JSON kind each type takes, a string for String, an integer in range for Integer, an
 * ISO date for Date, ...; and the limits of the column, {@code length}, {@code precision}/{@code
 * scale}), and if so the {@link DefaultValue} whose kind tells each target how to spell it. The
 * validator reports the problem; the architect, which sees only validated documents, takes the
 * value. The database would reject the same values later, in a less helpful place.
 */
public final class DefaultLiterals {

    private DefaultLiterals() {}

    /** A default's value, or what is wrong with it: one of the two, or neither when the type is unknown (reported elsewhere). */
    public record Literal(DefaultValue value, String problem) {}

    /** Whether a column has a default at all ({@code "default": null} is none). */
    public static boolean present(JsonNode raw) {
        return raw != null && !(raw instanceof JsonNode.JsonNull);
    }

    /**
     * Converts {@code v}, the default of a column whose storage type comes from {@code src} (the
     * column itself, or the end of a ForeignKey's chain: never a ForeignKey).
     */
    public static Literal convert(JsonNode v, Column src) {
        String problem = problem(v, src);
        if (problem != null || src.type() == null) {
            return new Literal(null, problem);
        }
        return new Literal(value(v, src.type()), null);
    }

    /** The value of a default {@link #problem} found nothing wrong with. */
    private static DefaultValue value(JsonNode v, ColumnType type) {
        String text = v instanceof JsonString s ? s.value() : null;
        return switch (type) {
            case STRING, TEXT -> new DefaultValue(Kind.STRING, text);
            case ENUM -> new DefaultValue(Kind.ENUM, text);
            case INTEGER, BIG_INTEGER, NUMERIC, FLOAT -> new DefaultValue(Kind.NUMBER, ((JsonNumber) v).value());
            case BOOLEAN -> new DefaultValue(Kind.BOOLEAN, ((JsonBoolean) v).value());
            case DATETIME -> NOW_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? DefaultValue.NOW
                    : new DefaultValue(Kind.DATETIME, text);
            case DATE -> new DefaultValue(Kind.DATE, text);
            case TIME -> new DefaultValue(Kind.TIME, text);
            case UUID -> new DefaultValue(Kind.UUID, text);
            case JSON -> new DefaultValue(Kind.JSON, JsonText.of(v));
            case LARGE_BINARY, FOREIGN_KEY -> throw new IllegalArgumentException("no default literal of " + type);
        };
    }

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);
    /** Words that mean "the current timestamp" for a DateTime default: rendered as the database's now(). */
    private static final Set<String> NOW_WORDS = Set.of("now", "now()", "current_timestamp", "current_timestamp()");

    /**
     * What is wrong with {@code v} as a value of {@code src} (a column with a concrete type,
     * never a ForeignKey), phrased to follow "the default"; {@code null} when it is fine.
     */
    private static String problem(JsonNode v, Column src) {
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
            case DATETIME -> v instanceof JsonString s && NOW_WORDS.contains(s.value().toLowerCase(Locale.ROOT)) ? null
                    : temporal(v, "an ISO date-time", "\"2024-01-31T09:30:00\"", LocalDateTime::parse, OffsetDateTime::parse);
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
