package dev.backbone.core.naming;

import java.util.Locale;
import java.util.Set;

/**
 * Every rule about Python identifiers in one place: which names cannot be model attributes and
 * what safe name they get instead. The validator uses it to warn, the architect to rename, the
 * SQLAlchemy target never decides a name itself.
 */
public final class PythonNames {

    private PythonNames() {}

    /** Python 3 keywords (including the soft keywords that break as attribute names in some positions). */
    public static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    /**
     * Attributes SQLAlchemy's declarative base or our mixins already define: a column of that name
     * would replace them and break the mapping ({@code metadata} is the famous one).
     */
    public static final Set<String> DECLARATIVE_RESERVED = Set.of(
            "metadata", "registry", "query", "query_class", "type_annotation_map", "awaitable_attrs");

    /**
     * Names used inside each generated model module (imports and typing helpers); an attribute with
     * one of these names would shadow it in the class body.
     */
    public static final Set<String> MODULE_NAMES = Set.of(
            "Mapped", "mapped_column", "relationship", "datetime", "date", "time", "decimal", "enum", "uuid",
            "Any", "Optional", "TYPE_CHECKING", "Base", "sa", "String", "Integer", "Text", "Boolean", "DateTime",
            "Date", "Time", "Numeric", "Float", "Enum", "ForeignKey", "BigInteger", "JSON", "Uuid", "LargeBinary",
            "func", "annotations", "TimestampMixin", "SoftDeleteMixin", "list");

    /** Class names a model must not take: they would shadow our imports or Python's names. */
    public static final Set<String> RESERVED_CLASS_NAMES = Set.of(
            "Base", "TimestampMixin", "SoftDeleteMixin", "Mapped", "Enum", "Any", "Optional", "None", "True",
            "False", "DeclarativeBase", "MetaData", "Decimal", "Table", "Column", "Integer", "String", "Text",
            "Boolean", "DateTime", "Date", "Time", "Numeric", "Float", "ForeignKey", "BigInteger", "JSON", "Uuid",
            "LargeBinary", "UUID", "Exception", "Type", "List", "Dict");

    public static boolean isKeyword(String name) {
        return KEYWORDS.contains(name);
    }

    /** Whether a column of this name needs a different attribute name in the model. */
    public static boolean needsRenaming(String name) {
        return KEYWORDS.contains(name) || DECLARATIVE_RESERVED.contains(name) || MODULE_NAMES.contains(name);
    }

    /**
     * The model attribute for a column name: the name itself when safe, else the name with a
     * trailing underscore (PEP 8's convention), mapped to the real column name in
     * {@code mapped_column("name", ...)}.
     */
    public static String attributeFor(String columnName) {
        return needsRenaming(columnName) ? columnName + "_" : columnName;
    }

    /** Whether {@code s} is a valid Python identifier of ASCII letters, digits and underscores. */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    /** snake_case to PascalCase: {@code order_status} to {@code OrderStatus}. */
    public static String pascal(String snake) {
        StringBuilder b = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.length() == 0 ? "X" : b.toString();
    }

    /** PascalCase to snake_case: {@code OrderItem} to {@code order_item}, {@code HTTPLog} to {@code http_log}. */
    public static String snake(String pascal) {
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
}
