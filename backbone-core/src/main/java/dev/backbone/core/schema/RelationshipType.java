package dev.backbone.core.schema;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of relationship; {@code one_to_one} and {@code many_to_many} are BackBone's additions. */
public enum RelationshipType {
    ONE_TO_MANY("one_to_many"),
    MANY_TO_ONE("many_to_one"),
    ONE_TO_ONE("one_to_one"),
    MANY_TO_MANY("many_to_many");

    private final String wire;

    RelationshipType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The type the other side of a paired relationship must declare. */
    public RelationshipType mirror() {
        return switch (this) {
            case ONE_TO_MANY -> MANY_TO_ONE;
            case MANY_TO_ONE -> ONE_TO_MANY;
            case ONE_TO_ONE -> ONE_TO_ONE;
            case MANY_TO_MANY -> MANY_TO_MANY;
        };
    }

    /** Whether this side holds a collection. */
    public boolean toMany() {
        return this == ONE_TO_MANY || this == MANY_TO_MANY;
    }

    public static Optional<RelationshipType> fromWire(String s) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(s)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(RelationshipType::wire).toList());
    }
}
