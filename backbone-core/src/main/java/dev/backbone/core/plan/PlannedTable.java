package dev.backbone.core.plan;

import java.util.List;

/**
 * One table ready to render.
 *
 * @param moduleName the Python module (file name without {@code .py}) of its model: the table
 *     name, with a trailing {@code _} when it is a Python keyword or one of the package's own
 *     modules ({@code base}, {@code mixins}, {@code associations}); unique in the project
 * @param columns every column of the table: declared ones first, in document order, then those
 *     the options add ({@link PlannedColumn.Origin}); a model renders only declared ones (the
 *     mixins bring the rest), DDL renders all
 * @param dependsOn the tables this one's non-deferred foreign keys point to (itself excluded)
 */
public record PlannedTable(
        String tableName,
        String className,
        String moduleName,
        String description,
        boolean timestamps,
        boolean softDelete,
        List<PlannedColumn> columns,
        List<PlannedRelationship> relationships,
        List<String> dependsOn) {

    public PlannedTable {
        columns = List.copyOf(columns);
        relationships = List.copyOf(relationships);
        dependsOn = List.copyOf(dependsOn);
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
