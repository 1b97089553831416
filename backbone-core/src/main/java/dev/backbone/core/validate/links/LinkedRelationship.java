package dev.backbone.core.validate.links;

import dev.backbone.core.schema.RelationshipType;

/**
 * One declared relationship as the validator resolved it: paired with its mirror, linked to its
 * foreign key and named (see {@code PlannedRelationship} for what each part means to a target).
 *
 * @param table the document index of the table declaring it
 * @param target the document index of the table it points to
 * @param attribute its attribute name on the model, unique there
 * @param backPopulates the mirror's attribute, or null when the other table declares no mirror
 * @param foreignKeyColumn the key column, named only when several keys link the two tables
 * @param foreignKeyTable the table holding {@code foreignKeyColumn}
 * @param secondary the association table of a many_to_many, else null
 * @param remoteSide for a table with itself, the column on the remote side, else null
 */
public record LinkedRelationship(int table, int target, RelationshipType type, String attribute, String backPopulates,
        String foreignKeyColumn, String foreignKeyTable, String secondary, String remoteSide, String description) {

    public boolean selfReferential() {
        return table == target;
    }
}
