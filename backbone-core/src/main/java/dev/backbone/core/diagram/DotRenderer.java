package dev.backbone.core.diagram;

import dev.backbone.core.diagram.ErDiagram.Attribute;
import dev.backbone.core.diagram.ErDiagram.End;
import dev.backbone.core.diagram.ErDiagram.Entity;
import dev.backbone.core.diagram.ErDiagram.Link;

/**
 * Graphviz DOT: one HTML-like table per entity (a port per column, so a link starts at its
 * foreign key and ends at the column it references) and crow's-foot arrows for the ends. Graphviz
 * lays it out; nothing here places anything.
 */
public final class DotRenderer {

    private DotRenderer() {}

    public static String render(ErDiagram d) {
        StringBuilder b = new StringBuilder();
        b.append("digraph ").append(id(d.projectName() == null ? "er" : d.projectName())).append(" {\n");
        b.append("    graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.4, ranksep=0.9];\n");
        b.append("    node [shape=plain, fontname=\"Helvetica\", fontsize=11];\n");
        b.append("    edge [fontname=\"Helvetica\", fontsize=9, dir=both, color=\"#4a5a6a\"];\n");
        for (Entity e : d.entities()) {
            b.append("    ").append(id(e.name())).append(" [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\""
                    + " cellpadding=\"4\">");
            b.append("<tr><td bgcolor=\"#dde6f0\" colspan=\"2\"><b>").append(html(e.name())).append("</b></td></tr>");
            for (Attribute a : e.attributes()) {
                b.append("<tr><td align=\"left\" port=").append(id(a.name())).append('>').append(html(a.name()))
                        .append(" : ").append(html(a.type())).append("</td><td>").append(keys(a)).append("</td></tr>");
            }
            b.append("</table>>];\n");
        }
        for (Link l : d.links()) {
            b.append("    ").append(id(l.child())).append(':').append(id(l.column())).append(" -> ")
                    .append(id(l.parent())).append(':').append(id(l.parentColumn()))
                    .append(" [arrowtail=").append(arrow(l.childEnd())).append(", arrowhead=").append(arrow(l.parentEnd()))
                    .append(l.identifying() ? "" : ", style=dashed").append(", label=").append(id(l.column())).append("];\n");
        }
        return b.append("}\n").toString();
    }

    private static String keys(Attribute a) {
        StringBuilder k = new StringBuilder();
        if (a.primaryKey()) {
            k.append("PK");
        }
        if (a.foreignKey()) {
            k.append(k.isEmpty() ? "" : " ").append("FK");
        }
        if (a.unique() && !a.primaryKey()) {
            k.append(k.isEmpty() ? "" : " ").append("UK");
        }
        return k.toString();
    }

    /** Crow's-foot notation: the mark nearest the entity first. */
    private static String arrow(End e) {
        return switch (e) {
            case ZERO_OR_ONE -> "teeodot";
            case EXACTLY_ONE -> "teetee";
            case ZERO_OR_MORE -> "crowodot";
        };
    }

    /** A DOT quoted identifier. */
    static String id(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Text inside an HTML-like label. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
