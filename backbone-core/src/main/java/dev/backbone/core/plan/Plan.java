package dev.backbone.core.plan;

import dev.backbone.core.schema.DbType;
import java.util.List;

/**
 * The architect's output and the generators' only input: tables in build order with every
 * decision a target needs already made (names, resolved types, pairing, deferred keys), so that
 * targets only render.
 *
 * @param tables tables in build order (every table after the tables its foreign keys point to)
 * @param associations association tables generated for many_to_many relationships
 * @param deferred foreign keys added after all tables exist, breaking nullable cycles
 */
public record Plan(
        String projectName,
        DbType dbType,
        String description,
        List<PlannedTable> tables,
        List<AssociationTable> associations,
        List<DeferredForeignKey> deferred) {

    public Plan {
        tables = List.copyOf(tables);
        associations = List.copyOf(associations);
        deferred = List.copyOf(deferred);
    }

    public List<String> buildOrder() {
        return tables.stream().map(PlannedTable::tableName).toList();
    }

    public boolean usesTimestamps() {
        return tables.stream().anyMatch(PlannedTable::timestamps);
    }

    public boolean usesSoftDelete() {
        return tables.stream().anyMatch(PlannedTable::softDelete);
    }

    public PlannedTable table(String tableName) {
        return tables.stream().filter(t -> t.tableName().equals(tableName)).findFirst().orElse(null);
    }
}
