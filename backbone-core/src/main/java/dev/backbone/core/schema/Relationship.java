package dev.backbone.core.schema;

/** A relationship as written on one table; the validator pairs it with its mirror ({@code validate.links}). */
public record Relationship(
        int index,
        String targetTable,
        String targetClass,
        String typeName,
        RelationshipType type,
        String backPopulates,
        String foreignKey,
        String secondary,
        String description,
        Locations at) {}
