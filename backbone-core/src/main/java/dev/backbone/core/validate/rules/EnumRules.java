package dev.backbone.core.validate.rules;

import dev.backbone.core.json.Position;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules on an Enum's {@code values}: each label once. (Missing ones: {@link RequiredFieldRules}; its default: {@link DefaultRules}.) */
final class EnumRules implements SchemaRule {

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        List<String> values = c.values();
        if (c.type() != ColumnType.ENUM || values == null || values.isEmpty()) {
            return; // no values: RequiredFieldRules
        }
        Map<String, Integer> seen = values.size() > 8 ? new HashMap<>(values.size() * 2) : null;
        for (int k = 0; k < values.size(); k++) {
            Integer first = seen != null ? seen.putIfAbsent(values.get(k), k) : earlier(values, k);
            if (first != null) {
                Position at = ValidationContext.safe(c.at()).find("values/" + k);
                Position firstAt = ValidationContext.safe(c.at()).find("values/" + first);
                Object[] args = {Names.show(c.name()), Names.show(values.get(k)),
                    firstAt == null ? "position " + first : firstAt.pointer()};
                if (at != null) {
                    ctx.report(FindingCode.ENUM_DUPLICATE_VALUE, at, args);
                } else {
                    ctx.report(FindingCode.ENUM_DUPLICATE_VALUE, c.at(), "values", args);
                }
            }
        }
    }

    /** The first index before {@code k} holding the same label (a short list is scanned, not hashed). */
    private static Integer earlier(List<String> values, int k) {
        for (int i = 0; i < k; i++) {
            if (values.get(i).equals(values.get(k))) {
                return i;
            }
        }
        return null;
    }
}
