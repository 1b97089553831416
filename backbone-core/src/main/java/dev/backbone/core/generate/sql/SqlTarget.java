package dev.backbone.core.generate.sql;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.plan.Plan;
import java.util.List;
import java.util.Map;

/**
 * The {@code sql} target: {@code schema.sql}, the DDL of the plan for its {@code db_type}. Enum
 * types first (PostgreSQL), then the tables in build order, each with its indexes and comments,
 * then association tables, then the deferred foreign keys of nullable cycles. The dialect
 * decides every spelling ({@link SqlDialect}); templates under {@code templates/sql/} lay it out.
 */
public final class SqlTarget implements Target {

    public static final String NAME = "sql";
    public static final String FILE = "schema.sql";

    private static final SqlEscapes ESCAPES = new SqlEscapes();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "schema.sql: the DDL for the schema's db_type (postgresql, mysql, sqlite, mssql)";
    }

    @Override
    public List<GeneratedFile> render(Plan plan, TemplateRenderer templates) {
        SqlDialect dialect = SqlDialect.of(plan.dbType());
        Ddl.Script script = new DdlBuilder(dialect).build(plan);
        String sql = templates.render(NAME, "schema.sql.peb", Map.of("dialect", dialect, "script", script), ESCAPES);
        return List.of(new GeneratedFile(FILE, sql));
    }
}
