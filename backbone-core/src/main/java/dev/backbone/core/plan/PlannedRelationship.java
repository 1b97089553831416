package dev.backbone.core.plan;

import dev.backbone.core.schema.RelationshipType;

/**
 * One side of a relationship, paired with its mirror.
 *
 * @param attribute the attribute name on this model (the mirror's {@code back_populates}, or
 *     derived from the foreign key / target table when there is no mirror)
 * @param backPopulates the attribute on the other model, or {@code null} when the other side
 *     declares nothing (then the model renders no {@code back_populates})
 * @param foreignKeyColumn the foreign key column that links the two tables when it must be named
 *     ({@code foreign_keys=}), because several link them; otherwise {@code null}
 * @param foreignKeyTable the table holding {@code foreignKeyColumn}
 * @param secondary the association table of a many_to_many, else {@code null}
 * @param selfReferential true when the relationship points at its own table
 * @param remoteSide for a self-referential many-to-one / one-to-one: the referenced key column
 *     ({@code remote_side=}), else {@code null}
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
