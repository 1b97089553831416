package dev.backbone.core.validate.links;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.RelationshipType;

/**
 * The working state of one declared relationship while it is paired, linked to its foreign key
 * and named. Mutable on purpose and private to the package: it only lives during
 * {@link Links#resolve}; what leaves is the immutable {@link LinkedRelationship}.
 */
final class RelSide {

    /** How far the foreign key of a relationship is known. */
    enum LinkState {
        /** {@link #link} is the key. */
        KNOWN,
        /** No key links the two tables. */
        NONE,
        /** Several keys link them and nothing says which. */
        MANY,
        /** {@code foreign_key} names no suitable column (already reported). */
        ERROR,
        /** A many_to_many: linked through an association table, not a key. */
        ASSOCIATION
    }

    final int table;
    final int index;
    final int target;
    final Relationship rel;
    final RelationshipType type;
    /**
     * The attribute this side's {@code back_populates} asks its mirror to take ({@code null}: none
     * declared), worked out when the side is made: later its mirror reads it from here, in the
     * compact list of sides, instead of from this relationship in a far corner of the document.
     */
    final String backAttribute;
    /**
     * What the relationship declares, copied when the side is made: later passes read them here,
     * among the sides made together, not from the relationship in a far corner of a large model.
     */
    final String backPopulates;
    final String foreignKey;
    final String declaredSecondary;
    final String description;

    RelSide mirror;
    boolean matched;
    boolean mismatched;
    FkEdge link;
    LinkState state;
    String attribute;
    String secondary;
    String remoteSide;

    RelSide(int table, int index, int target, Relationship rel) {
        this.table = table;
        this.index = index;
        this.target = target;
        this.rel = rel;
        this.type = rel.type();
        this.backPopulates = rel.backPopulates();
        this.foreignKey = rel.foreignKey();
        this.declaredSecondary = rel.secondary();
        this.description = rel.description();
        this.backAttribute = backPopulates == null ? null : PythonNames.attributeFor(backPopulates);
    }

    boolean selfReferential() {
        return table == target;
    }

    /** What pass 1 of the pairing matches on: the key id, or the declared association table name. */
    Object linkKey() {
        if (type == RelationshipType.MANY_TO_MANY) {
            return declaredSecondary;
        }
        return state == LinkState.KNOWN ? (Object) link.id() : null;
    }

    /** Document order: table, then position in its relationships. */
    boolean before(RelSide o) {
        return table != o.table ? table < o.table : index < o.index;
    }
}
