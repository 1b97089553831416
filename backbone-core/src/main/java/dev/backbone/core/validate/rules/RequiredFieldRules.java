package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;

/**
 * The field each column type needs: a ForeignKey its {@code target}, an Enum its {@code values},
 * a String its {@code length} (without one it is VARCHAR(255), a warning). The rules of those
 * fields ({@link ForeignKeyRules}, {@link EnumRules}, {@link ColumnTypeRules}) look only at
 * columns that have them.
 */
final class RequiredFieldRules implements SchemaRule {

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        if (c.type() == null) {
            return;
        }
        switch (c.type()) {
            case FOREIGN_KEY -> {
                if (c.target() == null) {
                    ctx.reportMissing(FindingCode.FK_MISSING_TARGET, c.at(), "target", Names.show(c.name()));
                }
            }
            case ENUM -> {
                if (c.values() == null || c.values().isEmpty()) {
                    ctx.reportMissing(FindingCode.ENUM_NO_VALUES, c.at(), "values", Names.show(c.name()));
                }
            }
            case STRING -> {
                if (c.length() == null) {
                    ctx.reportMissing(FindingCode.STRING_NO_LENGTH, c.at(), "length", Names.show(c.name()));
                }
            }
            default -> { }
        }
    }
}
