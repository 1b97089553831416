package dev.backbone.core.plan;

import dev.backbone.core.schema.ColumnType;
import java.util.List;

/**
 * One column ready to render, with every default applied.
 *
 * @param name the database column name, exactly as written
 * @param attribute the Python attribute name (differs from {@code name} for keywords and
 *     declarative names such as {@code metadata})
 * @param type the storage type: a ForeignKey column has the type of the column it points to
 * @param length for String: the declared length, or {@link #DEFAULT_STRING_LENGTH}
 * @param autoincrement resolved: true for a single Integer/BigInteger primary key that is not a
 *     foreign key, unless it says false
 * @param unique declared {@code unique}; always false on a single-column primary key (already unique)
 * @param indexed declared {@code index}; always false on a single-column primary key
 * @param defaultValue the validated default, or {@code null}
 * @param enumType for Enum columns: names of the Python class and the database type, and labels
 * @param foreignKey for ForeignKey columns: what it references
 * @param description free text, escaped by each target for where it lands
 * @param origin where the column comes from: the document or a table option
 *
 * <p>Made only through {@link #builder} or {@link #toBuilder}: a component added later is one
 * edit here, not one in every place that makes a column.
 */
public record PlannedColumn(
        String name,
        String attribute,
        ColumnType type,
        Integer length,
        Integer precision,
        Integer scale,
        boolean primaryKey,
        boolean autoincrement,
        boolean unique,
        boolean indexed,
        boolean nullable,
        DefaultValue defaultValue,
        EnumType enumType,
        ForeignKeyRef foreignKey,
        String description,
        Origin origin) {

    /** VARCHAR length used for a String without {@code length} (reported as STRING_NO_LENGTH). */
    public static final int DEFAULT_STRING_LENGTH = 255;

    /** Where a column comes from: the document, or one of the table options. */
    public enum Origin {
        DECLARED,
        TIMESTAMP_MIXIN,
        SOFT_DELETE_MIXIN
    }

    public boolean isForeignKey() {
        return foreignKey != null;
    }

    /** A column named {@code name}, with the same attribute, of {@code type}, nullable, declared. */
    public static Builder builder(String name, ColumnType type) {
        return new Builder(name, type);
    }

    /** A builder holding this column's components, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.attribute = attribute;
        b.length = length;
        b.precision = precision;
        b.scale = scale;
        b.primaryKey = primaryKey;
        b.autoincrement = autoincrement;
        b.unique = unique;
        b.indexed = indexed;
        b.nullable = nullable;
        b.defaultValue = defaultValue;
        b.enumType = enumType;
        b.foreignKey = foreignKey;
        b.description = description;
        b.origin = origin;
        return b;
    }

    /** The one way to make a {@link PlannedColumn}; every component but name and type is optional. */
    public static final class Builder {
        private String name;
        private String attribute;
        private ColumnType type;
        private Integer length;
        private Integer precision;
        private Integer scale;
        private boolean primaryKey;
        private boolean autoincrement;
        private boolean unique;
        private boolean indexed;
        private boolean nullable = true;
        private DefaultValue defaultValue;
        private EnumType enumType;
        private ForeignKeyRef foreignKey;
        private String description;
        private Origin origin = Origin.DECLARED;

        private Builder(String name, ColumnType type) {
            this.name = name;
            this.attribute = name;
            this.type = type;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder attribute(String v) { attribute = v; return this; }
        public Builder type(ColumnType v) { type = v; return this; }
        public Builder length(Integer v) { length = v; return this; }
        public Builder precision(Integer v) { precision = v; return this; }
        public Builder scale(Integer v) { scale = v; return this; }
        public Builder primaryKey(boolean v) { primaryKey = v; return this; }
        public Builder autoincrement(boolean v) { autoincrement = v; return this; }
        public Builder unique(boolean v) { unique = v; return this; }
        public Builder indexed(boolean v) { indexed = v; return this; }
        public Builder nullable(boolean v) { nullable = v; return this; }
        public Builder defaultValue(DefaultValue v) { defaultValue = v; return this; }
        public Builder enumType(EnumType v) { enumType = v; return this; }
        public Builder foreignKey(ForeignKeyRef v) { foreignKey = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder origin(Origin v) { origin = v; return this; }

        public PlannedColumn build() {
            return new PlannedColumn(name, attribute, type, length, precision, scale, primaryKey, autoincrement, unique,
                    indexed, nullable, defaultValue, enumType, foreignKey, description, origin);
        }
    }

    /**
     * Set by the database or the application, never by an API client: an autoincrement key and
     * the columns the table options add (timestamps, soft delete). A generated API returns such
     * a column but does not accept it in a create or update body.
     */
    public boolean serverManaged() {
        return autoincrement || origin != Origin.DECLARED;
    }

    /**
     * Whether a client may leave it out of a create body: it is nullable, has a database
     * default, or is server-managed.
     */
    public boolean optionalOnCreate() {
        return nullable || defaultValue != null || serverManaged();
    }

    /**
     * Whether a generated list route filters on it by equality: declared key, foreign key,
     * unique, indexed, Enum and Boolean columns (the ones an index or a small domain makes
     * cheap and useful to match), never JSON or binary values.
     */
    public boolean filterable() {
        if (origin != Origin.DECLARED || type == ColumnType.JSON || type == ColumnType.LARGE_BINARY) {
            return false;
        }
        return primaryKey || isForeignKey() || unique || indexed || type == ColumnType.ENUM || type == ColumnType.BOOLEAN;
    }

    /** Whether a list can be sorted by it: every column but JSON and binary values. */
    public boolean sortable() {
        return type != ColumnType.JSON && type != ColumnType.LARGE_BINARY;
    }

    /**
     * An Enum column's labels and names: the Python class, and the database type (PostgreSQL
     * CREATE TYPE), both unique in the project; {@code memberNames[i]} is the Python member of
     * {@code values[i]} (a safe, distinct UPPER_SNAKE identifier). A foreign key to an Enum
     * column carries the same instance as its target.
     */
    public record EnumType(String className, String dbName, List<String> values, List<String> memberNames) {
        public EnumType {
            values = List.copyOf(values);
            memberNames = List.copyOf(memberNames);
        }
    }

    /**
     * What a ForeignKey column references.
     *
     * @param deferred true when the constraint is added after all tables (a nullable cycle)
     * @param constraintName the constraint's name, following the naming convention of the models
     */
    public record ForeignKeyRef(String table, String column, String onDelete, boolean deferred, String constraintName) {}
}
