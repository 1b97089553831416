package dev.backbone.core.plan;

import dev.backbone.core.schema.RelationshipType;

/**
 * One side of a relationship, paired with its mirror.
 *
 * @param attribute the attribute name on this model (the mirror's {@code back_populates}, or
 *     derived from the foreign key / target table when there is no mirror), already safe
 *     ({@code PythonNames.attributeFor}) and unique in the model
 * @param backPopulates the attribute on the other model, or {@code null} when the other side
 *     declares nothing (then the model renders no {@code back_populates})
 * @param foreignKeyColumn the foreign key column (its database name) that links the two tables
 *     when it must be named ({@code foreign_keys=}), because several keys link them (either
 *     direction; for a table with itself, several self references); otherwise {@code null}
 * @param foreignKeyTable the table holding {@code foreignKeyColumn}
 * @param secondary the association table of a many_to_many (generated, see
 *     {@link Plan#associations()}, or a table of the document), else {@code null}
 * @param selfReferential true when the relationship points at its own table
 * @param remoteSide for a table with itself: on the many_to_one side, or the one_to_one side
 *     holding the key, the Python attribute of the referenced key column ({@code remote_side=});
 *     on a many_to_many, the association column that references the related (remote) row, so a
 *     target can spell {@code primaryjoin}/{@code secondaryjoin} (the mirror gets the other
 *     column); otherwise {@code null}
 */
public record PlannedRelationship(
        String attribute,
        RelationshipType type,
        String targetTable,
        String targetClass,
        String targetModule,
        String backPopulates,
        String foreignKeyColumn,
        String foreignKeyTable,
        String secondary,
        boolean selfReferential,
        String remoteSide,
        String description) {

    /** Whether this side is a collection ({@code Mapped[list[...]]}). */
    public boolean uselist() {
        return type.toMany();
    }
}
