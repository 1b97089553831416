package dev.backbone.core.plan;

import dev.backbone.core.naming.PythonNames;
import java.util.Locale;
import java.util.Set;

/** Name derivations the architect makes (module names, derived attribute names). */
final class Naming {
    private Naming() {}

    /**
     * Module names a model must not take: the generated package already has these files
     * ({@code app/models/base.py}, {@code mixins.py}, {@code associations.py}).
     */
    static final Set<String> RESERVED_MODULES = Set.of("base", "mixins", "associations", "__init__");

    /** {@code OrderItem} to {@code order_item}, {@code HTTPLog} to {@code http_log}. */
    static String snake(String pascal) {
        StringBuilder b = new StringBuilder(pascal.length() + 4);
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(pascal.charAt(i - 1)) || Character.isDigit(pascal.charAt(i - 1)));
                boolean acronymEnd = i > 0 && Character.isUpperCase(pascal.charAt(i - 1)) && i + 1 < pascal.length()
                        && Character.isLowerCase(pascal.charAt(i + 1));
                if ((prevLowerOrDigit || acronymEnd) && b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The module of a table's model: its name, with a trailing {@code _} when that would break an import. */
    static String module(String tableName) {
        if (RESERVED_MODULES.contains(tableName) || PythonNames.isKeyword(tableName)) {
            return tableName + "_";
        }
        return tableName;
    }
}
