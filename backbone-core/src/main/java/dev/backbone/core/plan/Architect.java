package dev.backbone.core.plan;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.ValidatedSchema;
import dev.backbone.core.validate.links.Links;
import java.util.ArrayList;
import java.util.List;

/**
 * The architect agent: turns a validated document into a {@link Plan}, every decision a target
 * needs made once (column types, lengths and defaults, Enum names, module and constraint names).
 * It takes only a {@link ValidatedSchema}, which only the schema_validator makes: every rule of
 * the format holds and the references are resolved (build order, deferred keys, relationship
 * pairing and names: {@link Links}), so it has nothing to check and reports nothing.
 *
 * <p>The passes, each linear in the document: {@link ColumnDrafts} (the one visit to each table),
 * {@link ColumnPlanner} ({@link EnumNames}), {@link PlanBuilder}.
 *
 * <p>Stateless: one instance may plan concurrently for many callers.
 */
public final class Architect {

    /** Plans a document the schema_validator accepted. */
    public Plan plan(ValidatedSchema validated) {
        Schema schema = validated.schema();
        DocumentIndex doc = validated.index();
        Links links = validated.links();
        List<AssociationTable> associations = PlanBuilder.associations(doc, links);
        List<String> tableNames = new ArrayList<>(doc.size() + associations.size());
        tableNames.addAll(doc.names());
        associations.forEach(a -> tableNames.add(a.name()));
        ColumnDrafts drafts = ColumnDrafts.of(doc);
        ColumnPlanner columns = new ColumnPlanner(doc, links, drafts, tableNames);
        PlanBuilder builder = new PlanBuilder(doc, links, drafts, columns);
        return new Plan(schema.projectName(), schema.dbType(), schema.description(), builder.tables(links.buildOrder()),
                associations, builder.deferred());
    }
}
