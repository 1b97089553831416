package dev.backbone.core.generate.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A snapshot of what a PostgreSQL database holds in schema {@code public}, as sorted lines, one
 * per fact: tables with their comments; columns with type (length and precision included),
 * nullability, default expression and comment; constraints (primary, unique, foreign: columns,
 * referenced table and columns, ON DELETE, name) as PostgreSQL itself spells them; indexes
 * (name, columns, uniqueness); enum types with their labels in order; sequences. Two databases
 * built from the same plan must give the same lines, whatever built them.
 */
record PgCatalog(List<String> lines) {

    static PgCatalog of(Connection c) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        query(c, out, """
                SELECT 'table ' || c.relname || ' comment=' || coalesce(quote_literal(obj_description(c.oid, 'pg_class')), '-')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r'""");
        query(c, out, """
                SELECT 'column ' || c.relname || '.' || a.attname || ' type=' || format_type(a.atttypid, a.atttypmod)
                       || ' notnull=' || a.attnotnull || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-')
                       || ' comment=' || coalesce(quote_literal(col_description(c.oid, a.attnum)), '-')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                WHERE n.nspname = 'public' AND c.relkind = 'r'""");
        query(c, out, """
                SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public'""");
        query(c, out, """
                SELECT 'index ' || t.relname || ' ' || pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public'""");
        query(c, out, """
                SELECT 'enum ' || t.typname || ' labels=' || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' GROUP BY t.typname""");
        query(c, out, """
                SELECT 'sequence ' || s.relname || ' type=' || format_type(q.seqtypid, NULL)
                FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid
                WHERE n.nspname = 'public'""");
        return new PgCatalog(List.copyOf(out));
    }

    private static void query(Connection c, TreeSet<String> out, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
    }

    /** The lines only in this snapshot ({@code -}) and only in the other ({@code +}); empty when equal. */
    List<String> diff(PgCatalog other) {
        List<String> d = new ArrayList<>();
        for (String l : lines) {
            if (!other.lines.contains(l)) {
                d.add("- " + l);
            }
        }
        for (String l : other.lines) {
            if (!lines.contains(l)) {
                d.add("+ " + l);
            }
        }
        return d;
    }
}
