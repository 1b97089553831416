package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Rules tying a column's fields to its {@code type}: a known type, the fields that apply only
 * to some types ({@code length}, {@code precision}, {@code values}, {@code target}, ...), their
 * ranges (per dialect where databases differ), key flags and {@code autoincrement}.
 */
final class ColumnTypeRules implements SchemaRule {

    /** SQL and ORM spellings users bring from elsewhere, and the format's type for each. */
    private static final Map<String, String> SQL_ALIASES = Map.ofEntries(
            Map.entry("varchar", "String"), Map.entry("char", "String"),
            Map.entry("str", "String"), Map.entry("int", "Integer"),
            Map.entry("smallint", "Integer"), Map.entry("bigint", "BigInteger"),
            Map.entry("long", "BigInteger"), Map.entry("bool", "Boolean"),
            Map.entry("timestamp", "DateTime"), Map.entry("datetime2", "DateTime"),
            Map.entry("decimal", "Numeric"), Map.entry("money", "Numeric"),
            Map.entry("double", "Float"), Map.entry("real", "Float"),
            Map.entry("jsonb", "JSON"), Map.entry("blob", "LargeBinary"),
            Map.entry("bytea", "LargeBinary"), Map.entry("binary", "LargeBinary"),
            Map.entry("uuid4", "UUID"), Map.entry("fk", "ForeignKey"));

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        if (c.primaryKey() && Boolean.TRUE.equals(c.nullable())) {
            ctx.report(FindingCode.NULLABLE_PRIMARY_KEY, c.at(), "nullable", Names.show(c.name()));
        }
        if (c.type() == null) {
            if (c.typeName() != null) {
                String alias = SQL_ALIASES.get(c.typeName().trim().toLowerCase(Locale.ROOT));
                String hint = alias != null ? " Did you mean `" + alias + "`?" : ctx.didYouMean(c.typeName(),
                        Arrays.stream(ColumnType.values()).map(ColumnType::wire).toList());
                ctx.report(FindingCode.UNKNOWN_COLUMN_TYPE, c.at(), "type", Names.show(c.typeName()), ColumnType.allowed(),
                        hint);
            }
            return;
        }
        DbType db = ctx.schema().dbType();
        length(ctx, c, db);
        precisionScale(ctx, c, db);
        notApplicable(ctx, c);
        autoincrement(ctx, c);
        keyFlags(ctx, c, db);
    }

    private static void length(ValidationContext ctx, Column c, DbType db) {
        Integer len = c.length();
        if (c.type() != ColumnType.STRING || len == null) {
            return; // a missing length: RequiredFieldRules
        }
        if (len <= 0) {
            ctx.report(FindingCode.INVALID_LENGTH, c.at(), "length", Names.show(c.name()), len,
                    "; it must be a positive number of characters, e.g. 100");
            return;
        }
        int max = db == null ? Integer.MAX_VALUE : switch (db) {
            case MYSQL -> 16_383;
            case MSSQL -> 8_000;
            case POSTGRESQL -> 10_485_760;
            case SQLITE -> Integer.MAX_VALUE;
        };
        if (len > max) {
            ctx.report(FindingCode.INVALID_LENGTH, c.at(), "length", Names.show(c.name()), len, ", more than "
                    + db.wire() + " allows in a VARCHAR (" + max + "); use Text for long values");
        }
    }

    private static void precisionScale(ValidationContext ctx, Column c, DbType db) {
        if (c.type() != ColumnType.NUMERIC) {
            return;
        }
        Integer p = c.precision();
        Integer s = c.scale();
        int maxP = db == null ? Integer.MAX_VALUE : switch (db) {
            case MYSQL -> 65;
            case MSSQL -> 38;
            case POSTGRESQL -> 1000;
            case SQLITE -> Integer.MAX_VALUE;
        };
        if (p != null && p <= 0) {
            bad(ctx, c, "precision", "`precision` is " + p + "; it must be the total number of digits, above 0 (e.g. 10)");
        } else if (p != null && p > maxP) {
            bad(ctx, c, "precision", "`precision` is " + p + ", more than " + db.wire() + " allows (" + maxP + ")");
        }
        if (s == null) {
            return;
        }
        if (s < 0) {
            bad(ctx, c, "scale", "`scale` is " + s + "; it must be 0 or more (the digits after the decimal point)");
        } else if (p == null) {
            if (!ctx.readerReported(c.at(), "precision")) {
                bad(ctx, c, "scale", "`scale` is given without `precision`; add \"precision\": N with N >= " + s);
            }
        } else if (p > 0 && s > p) {
            bad(ctx, c, "scale", "`scale` " + s + " is larger than `precision` " + p + "; the digits after the point are "
                    + "part of the precision, so use scale <= precision (e.g. precision 10, scale 2)");
        } else if (db == DbType.MYSQL && s > 30) {
            bad(ctx, c, "scale", "`scale` is " + s + ", more than mysql allows (30)");
        }
    }

    private static void bad(ValidationContext ctx, Column c, String field, String message) {
        ctx.report(FindingCode.INVALID_PRECISION_SCALE, c.at(), field, Names.show(c.name()), message);
    }

    private static void notApplicable(ValidationContext ctx, Column c) {
        ColumnType type = c.type();
        if (c.length() != null && type != ColumnType.STRING) {
            na(ctx, c, "length", type == ColumnType.FOREIGN_KEY
                    ? "a ForeignKey takes the type, and length, of the column it points to"
                    : "only String has a length");
        }
        if (c.precision() != null && type != ColumnType.NUMERIC) {
            na(ctx, c, "precision", "only Numeric has a precision");
        }
        if (c.scale() != null && type != ColumnType.NUMERIC) {
            na(ctx, c, "scale", "only Numeric has a scale");
        }
        if (c.values() != null && type != ColumnType.ENUM) {
            na(ctx, c, "values", "only Enum has values");
        }
        if (c.target() != null && type != ColumnType.FOREIGN_KEY) {
            na(ctx, c, "target", "only a ForeignKey has a target; to reference another table use \"type\": \"ForeignKey\"");
        }
        if (c.onDeleteName() != null && type != ColumnType.FOREIGN_KEY) {
            na(ctx, c, "on_delete", "only a ForeignKey has an on_delete action");
        }
    }

    private static void na(ValidationContext ctx, Column c, String field, String why) {
        ctx.report(FindingCode.FIELD_NOT_APPLICABLE, c.at(), field, field, c.type().wire(), Names.show(c.name()), why);
    }

    private static void autoincrement(ValidationContext ctx, Column c) {
        if (Boolean.TRUE.equals(c.autoincrement()) && !(c.primaryKey() && c.type().isInteger())) {
            String why = !c.type().isInteger() ? "it is " + c.type().wire() + ", not Integer or BigInteger"
                    : "it is not the primary key";
            ctx.report(FindingCode.INVALID_AUTOINCREMENT, c.at(), "autoincrement", Names.show(c.name()), why);
        }
    }

    private static void keyFlags(ValidationContext ctx, Column c, DbType db) {
        if (c.type() == ColumnType.FOREIGN_KEY || KeyTypes.keyable(c.type(), db)) {
            return;
        }
        keyFlag(ctx, c, db, "primary_key", c.primaryKey());
        keyFlag(ctx, c, db, "unique", c.unique());
        keyFlag(ctx, c, db, "index", c.indexed());
    }

    private static void keyFlag(ValidationContext ctx, Column c, DbType db, String field, boolean set) {
        if (set) {
            ctx.report(FindingCode.INVALID_KEY_TYPE, c.at(), field, field, c.type().wire(), Names.show(c.name()),
                    KeyTypes.why(c.type(), db));
        }
    }
}
