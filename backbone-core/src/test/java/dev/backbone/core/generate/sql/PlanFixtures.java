package dev.backbone.core.generate.sql;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.DefaultValue;
import dev.backbone.core.plan.DeferredForeignKey;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hand-built plans for the SQL target's tests: the target only reads a {@link Plan}, so these
 * tests do not depend on the architect. Tables are added in build order.
 */
final class PlanFixtures {

    private PlanFixtures() {}

    static PlanBuilder plan(String project, DbType db) {
        return new PlanBuilder(project, db);
    }

    static final class PlanBuilder {
        private final String project;
        private final DbType db;
        private String description;
        private final List<PlannedTable> tables = new ArrayList<>();
        private final List<AssociationTable> associations = new ArrayList<>();
        private final List<DeferredForeignKey> deferred = new ArrayList<>();

        PlanBuilder(String project, DbType db) {
            this.project = project;
            this.db = db;
        }

        PlanBuilder description(String d) {
            description = d;
            return this;
        }

        PlanBuilder table(String name, Consumer<TableBuilder> body) {
            TableBuilder t = new TableBuilder(this, name);
            body.accept(t);
            tables.add(t.build());
            for (PlannedColumn c : t.columns) {
                if (c.foreignKey() != null && c.foreignKey().deferred()) {
                    PlannedColumn.ForeignKeyRef f = c.foreignKey();
                    deferred.add(new DeferredForeignKey(name, c.name(), f.table(), f.column(), f.onDelete(), f.constraintName()));
                }
            }
            return this;
        }

        /** A many_to_many association between the primary keys {@code left.id} and {@code right.id}. */
        PlanBuilder association(String name, String left, String right) {
            associations.add(new AssociationTable(name, side(name, left), side(name, right)));
            return this;
        }

        private AssociationTable.Side side(String assoc, String table) {
            PlannedColumn key = find(table).primaryKey().get(0);
            String column = table + "_" + key.name();
            return new AssociationTable.Side(column, table, key.name(), key.type(), SqlNames.foreignKey(assoc, column, table));
        }

        PlannedTable find(String table) {
            return tables.stream().filter(t -> t.tableName().equals(table)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no table " + table + " yet (build order)"));
        }

        Plan build() {
            return new Plan(project, db, description, tables, associations, deferred);
        }
    }

    static final class TableBuilder {
        private final PlanBuilder plan;
        private final String name;
        private String description;
        private boolean timestamps;
        private boolean softDelete;
        private final List<PlannedColumn> columns = new ArrayList<>();

        TableBuilder(PlanBuilder plan, String name) {
            this.plan = plan;
            this.name = name;
        }

        TableBuilder description(String d) {
            description = d;
            return this;
        }

        /** Integer primary key with autoincrement. */
        TableBuilder id() {
            return col("id", ColumnType.INTEGER, c -> c.pk().autoincrement());
        }

        TableBuilder col(String column, ColumnType type, Consumer<ColumnBuilder> body) {
            ColumnBuilder c = new ColumnBuilder(column, type);
            body.accept(c);
            columns.add(c.build());
            return this;
        }

        TableBuilder col(String column, ColumnType type) {
            return col(column, type, c -> {});
        }

        /** A ForeignKey column: the type of the column it references, which must exist already (or be in this table). */
        TableBuilder fk(String column, String target, Consumer<ColumnBuilder> body) {
            String[] parts = target.split("\\.");
            PlannedColumn ref = parts[0].equals(name)
                    ? columns.stream().filter(c -> c.name().equals(parts[1])).findFirst().orElseThrow()
                    : plan.find(parts[0]).column(parts[1]);
            ColumnBuilder c = new ColumnBuilder(column, ref.type());
            c.length = ref.length();
            c.precision = ref.precision();
            c.scale = ref.scale();
            c.enumType = ref.enumType();
            c.fkTable = parts[0];
            c.fkColumn = parts[1];
            body.accept(c);
            columns.add(c.buildFk(name));
            return this;
        }

        /** A ForeignKey to a table that comes later in the build order: always deferred (nullable cycle). */
        TableBuilder deferredFk(String column, String target, ColumnType type, String onDelete) {
            String[] parts = target.split("\\.");
            ColumnBuilder c = new ColumnBuilder(column, type);
            c.fkTable = parts[0];
            c.fkColumn = parts[1];
            c.onDelete = onDelete;
            c.deferred = true;
            columns.add(c.buildFk(name));
            return this;
        }

        TableBuilder timestamps() {
            timestamps = true;
            return this;
        }

        TableBuilder softDelete() {
            softDelete = true;
            return this;
        }

        PlannedTable build() {
            List<PlannedColumn> all = new ArrayList<>(columns);
            if (timestamps) {
                all.add(mixin("created_at", ColumnType.DATETIME, false, false, DefaultValue.NOW, PlannedColumn.Origin.TIMESTAMP_MIXIN));
                all.add(mixin("updated_at", ColumnType.DATETIME, false, false, DefaultValue.NOW, PlannedColumn.Origin.TIMESTAMP_MIXIN));
            }
            if (softDelete) {
                all.add(mixin("is_deleted", ColumnType.BOOLEAN, false, true, DefaultValue.FALSE, PlannedColumn.Origin.SOFT_DELETE_MIXIN));
                all.add(mixin("deleted_at", ColumnType.DATETIME, true, false, null, PlannedColumn.Origin.SOFT_DELETE_MIXIN));
            }
            String className = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            return new PlannedTable(name, className, name, description, timestamps, softDelete, all, List.of());
        }

        private static PlannedColumn mixin(String n, ColumnType t, boolean nullable, boolean indexed, DefaultValue d,
                PlannedColumn.Origin origin) {
            return PlannedColumn.builder(n, t).indexed(indexed).nullable(nullable).defaultValue(d).origin(origin).build();
        }
    }

    static final class ColumnBuilder {
        private final String name;
        private final ColumnType type;
        private Integer length;
        private Integer precision;
        private Integer scale;
        private boolean pk;
        private boolean autoincrement;
        private boolean unique;
        private boolean index;
        private boolean nullable = true;
        private DefaultValue dflt;
        private PlannedColumn.EnumType enumType;
        private String description;
        private String fkTable;
        private String fkColumn;
        private String onDelete;
        private boolean deferred;

        ColumnBuilder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        ColumnBuilder pk() {
            pk = true;
            nullable = false;
            return this;
        }

        ColumnBuilder autoincrement() {
            autoincrement = true;
            return this;
        }

        ColumnBuilder length(int n) {
            length = n;
            return this;
        }

        ColumnBuilder numeric(int p, int s) {
            precision = p;
            scale = s;
            return this;
        }

        ColumnBuilder unique() {
            unique = true;
            return this;
        }

        ColumnBuilder index() {
            index = true;
            return this;
        }

        ColumnBuilder notNull() {
            nullable = false;
            return this;
        }

        ColumnBuilder description(String d) {
            description = d;
            return this;
        }

        ColumnBuilder onDelete(String action) {
            onDelete = action;
            return this;
        }

        ColumnBuilder values(String dbName, String... labels) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                members.add("M" + i);
            }
            enumType = new PlannedColumn.EnumType(Character.toUpperCase(name.charAt(0)) + name.substring(1), dbName,
                    List.of(labels), members);
            return this;
        }

        ColumnBuilder defaultString(String v) {
            dflt = new DefaultValue(type == ColumnType.ENUM ? DefaultValue.Kind.ENUM : DefaultValue.Kind.STRING, v);
            return this;
        }

        ColumnBuilder defaultValue(DefaultValue.Kind kind, Object v) {
            dflt = new DefaultValue(kind, v instanceof Number n && !(v instanceof BigDecimal) ? new BigDecimal(n.toString()) : v);
            return this;
        }

        PlannedColumn build() {
            return common().length(type == ColumnType.STRING && length == null
                    ? Integer.valueOf(PlannedColumn.DEFAULT_STRING_LENGTH) : length).autoincrement(autoincrement).build();
        }

        PlannedColumn buildFk(String table) {
            PlannedColumn.ForeignKeyRef ref = new PlannedColumn.ForeignKeyRef(fkTable, fkColumn, onDelete, deferred,
                    SqlNames.foreignKey(table, name, fkTable));
            return common().length(length).foreignKey(ref).build();
        }

        private PlannedColumn.Builder common() {
            return PlannedColumn.builder(name, type).precision(precision).scale(scale).primaryKey(pk).unique(unique)
                    .indexed(index).nullable(nullable).defaultValue(dflt).enumType(enumType).description(description);
        }
    }
}
