package dev.backbone.core.generate.sql;

import dev.backbone.core.plan.DefaultValue;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The expression after {@code DEFAULT}: the same database default the models give
 * {@code server_default=}, spelled the way the dialect takes it (see {@link SqlDialect}'s table).
 */
final class SqlDefaults {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private SqlDefaults() {}

    /** The expression, or null when the column has no default. */
    static String expression(SqlDialect d, PlannedColumn c) {
        DefaultValue v = c.defaultValue();
        if (v == null) {
            return null;
        }
        String sql = switch (v.kind()) {
            case NOW -> d.nowExpression();
            case BOOLEAN -> d.booleanLiteral(Boolean.TRUE.equals(v.value()));
            case NUMBER -> (v.value() instanceof BigDecimal b ? b : new BigDecimal(String.valueOf(v.value()))).toPlainString();
            case UUID -> d.stringLiteral(d.nativeUuid() ? String.valueOf(v.value()) : hex(String.valueOf(v.value())));
            case DATETIME -> d.textExpression(d.zonelessTemporalDefaults() ? utcWallTime(String.valueOf(v.value())) : String.valueOf(v.value()));
            case TIME -> d.textExpression(d.zonelessTemporalDefaults() ? localTime(String.valueOf(v.value())) : String.valueOf(v.value()));
            case STRING, ENUM, DATE, JSON -> d.textExpression(String.valueOf(v.value()));
        };
        boolean lob = c.type() == ColumnType.TEXT || c.type() == ColumnType.JSON || c.type() == ColumnType.LARGE_BINARY;
        return d.parenthesizedLobDefaults() && lob && v.kind() != DefaultValue.Kind.NOW ? "(" + sql + ")" : sql;
    }

    /** SQLAlchemy's non-native Uuid (CHAR(32)) stores 32 lower-case hex digits, no dashes. */
    private static String hex(String uuid) {
        return uuid.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /**
     * MySQL's TIME has no zone and MariaDB refuses a literal with an offset: the offset is left
     * out ({@code 09:30:00+02:00} to {@code 09:30:00}), which is what PostgreSQL's TIME (without
     * zone) does with it too; a value without an offset stays as written.
     */
    static String localTime(String value) {
        try {
            LocalTime t = OffsetTime.parse(value.strip()).toLocalTime();
            return t.format(TIME) + fraction(t.getNano());
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String fraction(int nanos) {
        return nanos == 0 ? "" : "." + String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
    }

    /**
     * MySQL's DATETIME has no time zone and MariaDB refuses a literal with an offset or {@code Z}:
     * an instant with an offset becomes its UTC wall time ({@code 2024-01-02T03:04:05+02:00} to
     * {@code 2024-01-02 01:04:05}); a value without an offset stays as written.
     */
    static String utcWallTime(String value) {
        try {
            LocalDateTime utc = OffsetDateTime.parse(value.strip().replace(' ', 'T'))
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return utc.format(SECONDS) + fraction(utc.getNano());
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
