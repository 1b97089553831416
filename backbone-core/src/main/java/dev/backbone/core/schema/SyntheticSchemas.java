package dev.backbone.core.schema;

import java.util.Random;

/**
 * Synthetic project schemas of any size for the benchmarks, shaped like real ones: every table
 * has 8 to 10 columns (a key, Strings with a length, an Enum with a default, a Numeric, an
 * Integer, a Boolean, a Text, one or two foreign keys to earlier tables), half of them use the
 * timestamps option, a third soft delete, and every foreign key has a relationship on both
 * sides ({@code many_to_one} with {@code foreign_key}, {@code one_to_many} back), so the
 * validator, the architect's pairing and the generators all do their full work.
 *
 * <p>The same {@code n} always gives the same text (a fixed seed), so runs compare.
 */
public final class SyntheticSchemas {

    private SyntheticSchemas() {}

    /** A valid document of {@code n} tables ({@code n >= 1}), pretty-printed as a person would write it. */
    public static String generate(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        Random rnd = new Random(20_240_501L + n);
        int[] parent = new int[n];
        int[] owner = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i == 0 ? -1 : i - 1 - rnd.nextInt(Math.min(i, 20));
            owner[i] = i < 2 || rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(i);
            if (owner[i] == parent[i]) {
                owner[i] = -1;
            }
        }
        // children[j]: tables whose keys point at j, to declare the one_to_many side
        StringBuilder[] children = new StringBuilder[n];
        StringBuilder b = new StringBuilder(n * 1400);
        b.append("{\n  \"project_name\": \"synthetic_").append(n).append("\",\n");
        b.append("  \"db_type\": \"postgresql\",\n");
        b.append("  \"description\": \"Synthetic schema of ").append(n).append(" tables for benchmarks\",\n");
        b.append("  \"schema\": [\n");
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                child(children, parent[i], i, "parent");
            }
            if (owner[i] >= 0) {
                child(children, owner[i], i, "owner");
            }
        }
        for (int i = 0; i < n; i++) {
            table(b, i, parent[i], owner[i], children[i], rnd);
            b.append(i + 1 < n ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static void child(StringBuilder[] children, int j, int i, String via) {
        if (children[j] == null) {
            children[j] = new StringBuilder();
        }
        children[j].append(children[j].length() == 0 ? "" : ",\n")
                .append("        {\"target_table\": \"").append(name(i)).append("\", \"target_class\": \"")
                .append(className(i)).append("\", \"type\": \"one_to_many\", \"back_populates\": \"").append(via)
                .append("\"}");
    }

    static String name(int i) {
        return "item_" + i;
    }

    static String className(int i) {
        return "Item" + i;
    }

    private static void table(StringBuilder b, int i, int parent, int owner, StringBuilder children, Random rnd) {
        b.append("    {\n");
        b.append("      \"table_name\": \"").append(name(i)).append("\",\n");
        b.append("      \"class_name\": \"").append(className(i)).append("\",\n");
        if (i % 4 == 0) {
            b.append("      \"description\": \"Table number ").append(i).append(" of the synthetic project\",\n");
        }
        b.append("      \"options\": {\"use_timestamps\": ").append(i % 2 == 0).append(", \"use_soft_delete\": ")
                .append(i % 3 == 0).append("},\n");
        b.append("      \"columns\": [\n");
        b.append("        {\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true},\n");
        b.append("        {\"name\": \"title\", \"type\": \"String\", \"length\": ").append(50 + rnd.nextInt(200))
                .append(", \"nullable\": false},\n");
        b.append("        {\"name\": \"code\", \"type\": \"String\", \"length\": 32, \"unique\": true,"
                + " \"nullable\": false, \"index\": true},\n");
        b.append("        {\"name\": \"state\", \"type\": \"Enum\", \"values\": [\"draft\", \"active\", \"archived\"],"
                + " \"default\": \"draft\", \"nullable\": false},\n");
        b.append("        {\"name\": \"amount\", \"type\": \"Numeric\", \"precision\": 12, \"scale\": 2,"
                + " \"default\": 0},\n");
        b.append("        {\"name\": \"quantity\", \"type\": \"Integer\", \"default\": 1},\n");
        b.append("        {\"name\": \"visible\", \"type\": \"Boolean\", \"default\": true},\n");
        b.append("        {\"name\": \"notes\", \"type\": \"Text\", \"description\": \"Free text\"}");
        if (parent >= 0) {
            b.append(",\n        {\"name\": \"parent_id\", \"type\": \"ForeignKey\", \"target\": \"").append(name(parent))
                    .append(".id\", \"on_delete\": \"CASCADE\", \"nullable\": false}");
        }
        if (owner >= 0) {
            b.append(",\n        {\"name\": \"owner_id\", \"type\": \"ForeignKey\", \"target\": \"").append(name(owner))
                    .append(".id\", \"on_delete\": \"SET NULL\"}");
        }
        b.append("\n      ]");
        boolean any = parent >= 0 || owner >= 0 || children != null;
        if (any) {
            b.append(",\n      \"relationships\": [\n");
            boolean first = true;
            if (parent >= 0) {
                first = manyToOne(b, first, parent, "parent_id", name(i));
            }
            if (owner >= 0) {
                first = manyToOne(b, first, owner, "owner_id", name(i));
            }
            if (children != null) {
                b.append(first ? "" : ",\n").append(children);
            }
            b.append("\n      ]");
        }
        b.append("\n    }");
    }

    private static boolean manyToOne(StringBuilder b, boolean first, int target, String key, String backPopulates) {
        b.append(first ? "" : ",\n").append("        {\"target_table\": \"").append(name(target))
                .append("\", \"target_class\": \"").append(className(target))
                .append("\", \"type\": \"many_to_one\", \"back_populates\": \"").append(backPopulates)
                .append("\", \"foreign_key\": \"").append(key).append("\"}");
        return false;
    }
}
