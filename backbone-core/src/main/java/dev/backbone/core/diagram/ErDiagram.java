package dev.backbone.core.diagram;

import java.util.List;

/**
 * An entity-relationship diagram of a plan, independent of any drawing format: the tables
 * (those of the document and the generated association tables) with their key and foreign key
 * columns, and one link per foreign key with the cardinality of each end. Renderers
 * ({@link MermaidRenderer}, {@link DotRenderer}, {@link GraphvizSvg}) only draw it.
 */
public record ErDiagram(String projectName, List<Entity> entities, List<Link> links) {

    public ErDiagram {
        entities = List.copyOf(entities);
        links = List.copyOf(links);
    }

    /** A table and the columns worth drawing: keys, foreign keys, unique and referenced columns. */
    public record Entity(String name, String className, List<Attribute> attributes) {
        public Entity {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * A column in the diagram.
     *
     * @param type the storage type's name ({@code Integer}, {@code String}, ...); a foreign key
     *     shows the type of the column it references
     */
    public record Attribute(String name, String type, boolean primaryKey, boolean foreignKey, boolean unique) {}

    /** How many rows one end of a link may have for one row at the other end. */
    public enum End {
        ZERO_OR_ONE,
        EXACTLY_ONE,
        ZERO_OR_MORE
    }

    /**
     * A foreign key: {@code child.column} references {@code parent.parentColumn}.
     *
     * @param parentEnd how many parent rows a child row has: exactly one for a NOT NULL key,
     *     zero or one for a nullable one
     * @param childEnd how many child rows a parent row has: zero or one when the key is unique
     *     (a one-to-one), else zero or more
     * @param identifying the key is part of the child's primary key (drawn solid; others dashed)
     */
    public record Link(String parent, String parentColumn, String child, String column, End parentEnd, End childEnd,
            boolean identifying) {}
}
