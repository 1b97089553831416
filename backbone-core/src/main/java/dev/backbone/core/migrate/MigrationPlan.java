package dev.backbone.core.migrate;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.validate.Finding;
import java.util.List;

/**
 * One revision: the steps of {@code upgrade} and of {@code downgrade}, what the differ found
 * worth saying (destructive steps, NOT NULL without a default), and the revision's identity.
 *
 * @param revision the revision id, {@code 0001}, {@code 0002}, ...
 * @param downRevision the revision it follows, or null for the first
 * @param slug the file name's tail, {@code initial} or a summary of the steps
 */
public record MigrationPlan(DbType dbType, String revision, String downRevision, String slug, String message,
        List<MigrationOp> upgrade, List<MigrationOp> downgrade, List<Finding> findings) {

    public MigrationPlan {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        findings = List.copyOf(findings);
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    public boolean destructive() {
        return upgrade.stream().anyMatch(MigrationOp::destructive);
    }

    /** {@code migrations/versions/0002_add_tags.py}. */
    public String alembicPath() {
        return "migrations/versions/" + revision + "_" + slug + ".py";
    }

    /** {@code migrations/sql/0002_add_tags.sql}. */
    public String sqlPath() {
        return "migrations/sql/" + revision + "_" + slug + ".sql";
    }
}
