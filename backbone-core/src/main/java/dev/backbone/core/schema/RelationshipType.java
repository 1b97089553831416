package dev.backbone.core.schema;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of relationship; {@code one_to_one} and {@code many_to_many} are BackBone's additions. */
public enum RelationshipType {
    ONE_TO_MANY("one_to_many"),
    MANY_TO_ONE("many_to_one"),
    ONE_TO_ONE("one_to_one"),
    MANY_TO_MANY("many_to_many");

    /** A lookup, not a scan: the reader resolves one per column of every table. */
    private static final java.util.Map<String, RelationshipType> BY_WIRE = java.util.Map.copyOf(
            Arrays.stream(values()).collect(java.util.stream.Collectors.toMap(v -> v.wire, v -> v)));

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
        return s == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(s));
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(RelationshipType::wire).toList());
    }
}
