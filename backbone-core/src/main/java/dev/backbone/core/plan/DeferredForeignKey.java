package dev.backbone.core.plan;

/**
 * A foreign key constraint added after all tables exist ({@code ALTER TABLE ... ADD CONSTRAINT};
 * {@code use_alter=True} in SQLAlchemy), breaking a cycle in which it is nullable.
 */
public record DeferredForeignKey(
        String table, String column, String targetTable, String targetColumn, String onDelete, String constraintName) {}
