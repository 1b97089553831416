package dev.backbone.core.diagram;

import dev.backbone.core.diagram.ErDiagram.Attribute;
import dev.backbone.core.diagram.ErDiagram.End;
import dev.backbone.core.diagram.ErDiagram.Entity;
import dev.backbone.core.diagram.ErDiagram.Link;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link ErDiagram} of a plan. The links come from the foreign keys, which are what
 * the database enforces, rather than from the declared relationships (a navigation in the
 * models): every relationship the models can navigate has a foreign key under it, and a
 * many_to_many shows as its association table with two links.
 */
public final class ErDiagrams {

    private ErDiagrams() {}

    public static ErDiagram of(Plan plan) {
        Set<String> referenced = new HashSet<>();
        for (PlannedTable t : plan.tables()) {
            for (PlannedColumn c : t.columns()) {
                if (c.isForeignKey()) {
                    referenced.add(c.foreignKey().table() + "." + c.foreignKey().column());
                }
            }
        }
        List<Entity> entities = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (PlannedTable t : plan.tables()) {
            List<Attribute> attributes = new ArrayList<>();
            boolean singleKey = t.primaryKey().size() == 1;
            for (PlannedColumn c : t.columns()) {
                if (c.primaryKey() || c.isForeignKey() || c.unique() || referenced.contains(t.tableName() + "." + c.name())) {
                    attributes.add(new Attribute(c.name(), c.type().wire(), c.primaryKey(), c.isForeignKey(), c.unique()));
                }
                if (c.isForeignKey()) {
                    boolean oneToOne = c.unique() || (c.primaryKey() && singleKey);
                    links.add(new Link(c.foreignKey().table(), c.foreignKey().column(), t.tableName(), c.name(),
                            c.nullable() ? End.ZERO_OR_ONE : End.EXACTLY_ONE, oneToOne ? End.ZERO_OR_ONE : End.ZERO_OR_MORE,
                            c.primaryKey()));
                }
            }
            entities.add(new Entity(t.tableName(), t.className(), attributes));
        }
        for (AssociationTable a : plan.associations()) {
            List<Attribute> attributes = new ArrayList<>();
            for (AssociationTable.Side s : List.of(a.left(), a.right())) {
                attributes.add(new Attribute(s.column(), s.type().wire(), true, true, false));
                links.add(new Link(s.table(), s.targetColumn(), a.name(), s.column(), End.EXACTLY_ONE, End.ZERO_OR_MORE, true));
            }
            entities.add(new Entity(a.name(), null, attributes));
        }
        return new ErDiagram(plan.projectName(), entities, links);
    }
}
