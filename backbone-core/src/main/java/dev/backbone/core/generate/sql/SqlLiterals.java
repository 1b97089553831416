package dev.backbone.core.generate.sql;

import java.util.Locale;

/**
 * How user text becomes SQL: string literals per dialect, text for {@code --} comments, and
 * text defaults with line breaks. No input can end a literal or a comment early; the text read
 * back is the text written. Each rule is one {@link Style} of {@link SqlDialect}'s table.
 */
final class SqlLiterals {

    private SqlLiterals() {}

    /** The literal rules of a dialect. */
    enum Style {
        /** Quotes doubled only (SQLite). */
        STANDARD,
        /** Quotes doubled; an E'' string with backslash escapes when the text holds a backslash or control character. */
        POSTGRESQL,
        /**
         * Quotes doubled, backslashes doubled, CR, LF and Ctrl-Z as {@code \r}, {@code \n}, {@code \Z}:
         * the mysql/mariadb client turns a raw CR LF into LF, so no raw line break may sit inside a
         * literal. Under NO_BACKSLASH_ESCAPES the escapes stay as written, but a literal still ends
         * where it should (a quote is always doubled).
         */
        MYSQL,
        /** Quotes doubled; N'' when the text is not ASCII, so the server keeps every character. */
        MSSQL
    }

    /**
     * A string literal that reads back exactly as {@code text}. NUL, which no supported database
     * stores in text, becomes U+FFFD.
     */
    static String literal(Style style, String text) {
        String s = text.replace('\0', '\uFFFD');
        return switch (style) {
            case STANDARD -> "'" + s.replace("'", "''") + "'";
            case MYSQL -> "'" + s.replace("\\", "\\\\").replace("'", "''").replace("\r", "\\r").replace("\n", "\\n")
                    .replace("\u001A", "\\Z") + "'";
            case MSSQL -> (s.chars().allMatch(c -> c < 128) ? "'" : "N'") + s.replace("'", "''") + "'";
            case POSTGRESQL -> postgres(s);
        };
    }

    /**
     * PostgreSQL: a plain literal when the text has no backslash and no control character;
     * otherwise an E'' string in which every backslash is doubled and control characters are
     * escaped, so the literal means the same whatever {@code standard_conforming_strings} says
     * and the script has no raw line break inside a string.
     */
    private static String postgres(String s) {
        boolean plain = s.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c));
        if (plain) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append("E'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("''");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }

    /**
     * A text value where an expression may stand (a DEFAULT). SQLite and SQL Server literals have
     * no escapes, and their command-line clients ({@code sqlite3}, {@code sqlcmd}) read a script
     * line by line, turning CR LF into LF (and in T-SQL a backslash before a line break continues
     * the line). So there a text with CR or LF becomes a constant expression,
     * {@code ('a' || char(10) || 'b')} or {@code (N'a' + CHAR(10) + N'b')}: the same value, no raw
     * line break inside a literal. The other dialects escape line breaks inside the literal.
     */
    static String expression(Style style, String text) {
        boolean noEscapes = style == Style.STANDARD || style == Style.MSSQL;
        if (!noEscapes || (text.indexOf('\r') < 0 && text.indexOf('\n') < 0)) {
            return literal(style, text);
        }
        boolean mssql = style == Style.MSSQL;
        String join = mssql ? " + " : " || ";
        StringBuilder b = new StringBuilder("(");
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                b.append(part(style, text.substring(from, i))).append(join).append(mssql ? "CHAR(" : "char(")
                        .append((int) c).append(')').append(join);
                from = i + 1;
            }
        }
        return b.append(part(style, text.substring(from))).append(')').toString();
    }

    /** One piece of a concatenation: SQL Server pieces are all N'' so the result keeps every character. */
    private static String part(Style style, String text) {
        String lit = literal(style, text);
        return style == Style.MSSQL && !lit.startsWith("N") ? "N" + lit : lit;
    }

    /**
     * Text for a {@code --} comment: every line break (and other vertical space) becomes a
     * space, so the comment cannot end early and the text stays visible.
     */
    static String commentText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085'
                    || c == '\u2028' || c == '\u2029';
            b.append(lineBreak || c == '\0' ? ' ' : c);
        }
        return b.toString().strip();
    }
}
