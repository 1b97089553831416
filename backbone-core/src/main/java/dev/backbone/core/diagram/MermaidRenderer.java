package dev.backbone.core.diagram;

import dev.backbone.core.diagram.ErDiagram.Attribute;
import dev.backbone.core.diagram.ErDiagram.End;
import dev.backbone.core.diagram.ErDiagram.Entity;
import dev.backbone.core.diagram.ErDiagram.Link;
import java.util.ArrayList;
import java.util.List;

/**
 * Mermaid's {@code erDiagram} text (GitHub renders it in Markdown). Entity names are always
 * quoted: a table may be called like one of Mermaid's words ({@code class}, {@code style}),
 * which unquoted would end the diagram's syntax. Column names are snake case by the format's
 * rules; the link label, a foreign key's column name, is quoted as Mermaid wants.
 */
public final class MermaidRenderer {

    private MermaidRenderer() {}

    public static String render(ErDiagram d) {
        StringBuilder b = new StringBuilder("erDiagram\n");
        for (Entity e : d.entities()) {
            b.append("    ").append(quoted(e.name())).append(" {\n");
            for (Attribute a : e.attributes()) {
                b.append("        ").append(a.type()).append(' ').append(a.name());
                List<String> keys = new ArrayList<>();
                if (a.primaryKey()) {
                    keys.add("PK");
                }
                if (a.foreignKey()) {
                    keys.add("FK");
                }
                if (a.unique() && !a.primaryKey()) {
                    keys.add("UK");
                }
                if (!keys.isEmpty()) {
                    b.append(' ').append(String.join(", ", keys));
                }
                b.append('\n');
            }
            b.append("    }\n");
        }
        for (Link l : d.links()) {
            b.append("    ").append(quoted(l.parent())).append(' ').append(left(l.parentEnd())).append(l.identifying() ? "--" : "..")
                    .append(right(l.childEnd())).append(' ').append(quoted(l.child())).append(" : ").append(quoted(l.column()))
                    .append('\n');
        }
        return b.toString();
    }

    /** Names are snake case (no quote or backslash to escape); quoting only protects Mermaid's keywords. */
    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /** The end written before the line, next to the parent. */
    private static String left(End e) {
        return switch (e) {
            case ZERO_OR_ONE -> "|o";
            case EXACTLY_ONE -> "||";
            case ZERO_OR_MORE -> "}o";
        };
    }

    /** The end written after the line, next to the child. */
    private static String right(End e) {
        return switch (e) {
            case ZERO_OR_ONE -> "o|";
            case EXACTLY_ONE -> "||";
            case ZERO_OR_MORE -> "o{";
        };
    }
}
