package dev.backbone.core.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One table ready to render.
 *
 * @param moduleName the Python module (file name without {@code .py}) of its model: the table
 *     name, with a trailing {@code _} when it is a Python keyword or one of the package's own
 *     modules ({@code base}, {@code mixins}, {@code associations}); unique in the project
 * @param columns every column of the table: declared ones first, in document order, then those
 *     the options add ({@link PlannedColumn.Origin}); a model renders only declared ones (the
 *     mixins bring the rest), DDL renders all
 */
public record PlannedTable(
        String tableName,
        String className,
        String moduleName,
        String description,
        boolean timestamps,
        boolean softDelete,
        List<PlannedColumn> columns,
        List<PlannedRelationship> relationships) {

    public PlannedTable {
        columns = List.copyOf(columns);
        relationships = List.copyOf(relationships);
    }

    /** The tables this one's non-deferred foreign keys point to (itself excluded), in column order, each once. */
    public List<String> dependsOn() {
        Set<String> out = new LinkedHashSet<>();
        for (PlannedColumn c : columns) {
            PlannedColumn.ForeignKeyRef fk = c.foreignKey();
            if (fk != null && !fk.deferred() && !fk.table().equals(tableName)) {
                out.add(fk.table());
            }
        }
        return List.copyOf(out);
    }

    public List<PlannedColumn> declaredColumns() {
        return columns.stream().filter(c -> c.origin() == PlannedColumn.Origin.DECLARED).toList();
    }

    public List<PlannedColumn> primaryKey() {
        return columns.stream().filter(PlannedColumn::primaryKey).toList();
    }

    public PlannedColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
