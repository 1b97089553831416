package dev.backbone.core.verify.sql;

import dev.backbone.core.generate.sql.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits an SQL script into statements at the semicolons that are code: not inside a string
 * literal, a quoted identifier or a comment. Literals may hold {@code ;}, quotes, {@code --} and
 * {@code *&#47;}, so a naive split on {@code ;} would both break correct scripts and hide injected
 * statements. The lexical rules follow each dialect (one table, {@link #SYNTAX}).
 */
public final class SqlScript {

    /** One statement: its text from its first token (comments before it dropped) to before the semicolon, and its line (1-based). */
    public record Statement(int index, int line, String sql) {}

    /**
     * @param backslashEscapes backslash escapes in every '...' and "..." literal (MySQL)
     * @param escapeStrings backslash escapes in E'...' literals (PostgreSQL)
     * @param nestedComments block comments nest (PostgreSQL, SQL Server)
     * @param hashComments {@code #} starts a line comment (MySQL)
     * @param dollarQuotes {@code $tag$...$tag$} literals (PostgreSQL)
     * @param backticks {@code `x`} identifiers
     * @param brackets {@code [x]} identifiers
     * @param dashDashNeedsSpace {@code --} is a comment only when followed by white space (MySQL)
     */
    private record Syntax(boolean backslashEscapes, boolean escapeStrings, boolean nestedComments, boolean hashComments,
            boolean dollarQuotes, boolean backticks, boolean brackets, boolean dashDashNeedsSpace) {}

    private static final Map<SqlDialect, Syntax> SYNTAX = Map.of(
            SqlDialect.POSTGRESQL, new Syntax(false, true, true, false, true, false, false, false),
            SqlDialect.MYSQL, new Syntax(true, false, false, true, false, true, false, true),
            SqlDialect.SQLITE, new Syntax(false, false, false, false, false, true, true, false),
            SqlDialect.MSSQL, new Syntax(false, false, true, false, false, false, true, false));

    private SqlScript() {}

    /** The statements of {@code script}; statements made only of comments and white space are dropped. */
    public static List<Statement> split(String script, SqlDialect dialect) {
        return new Splitter(script, SYNTAX.get(dialect)).run();
    }

    private static final class Splitter {
        private final String s;
        private final Syntax syntax;
        private final List<Statement> out = new ArrayList<>();
        private int i;
        private int line = 1;
        private int start;
        private int startLine = 1;
        private boolean code;

        Splitter(String s, Syntax syntax) {
            this.s = s;
            this.syntax = syntax;
        }

        List<Statement> run() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '-' && at(i + 1, '-') && (!syntax.dashDashNeedsSpace || i + 2 >= s.length()
                        || Character.isWhitespace(s.charAt(i + 2)) || Character.isISOControl(s.charAt(i + 2)))) {
                    skipLine();
                } else if (c == '#' && syntax.hashComments) {
                    skipLine();
                } else if (c == '/' && at(i + 1, '*')) {
                    skipBlockComment();
                } else if (c == ';') {
                    emit(i);
                    i++;
                } else if (Character.isWhitespace(c)) {
                    advance();
                } else {
                    markCode();
                    if (c == '\'') {
                        boolean escapes = syntax.backslashEscapes || (syntax.escapeStrings && ePrefixed());
                        skipQuoted('\'', escapes);
                    } else if (c == '"') {
                        skipQuoted('"', syntax.backslashEscapes);
                    } else if (c == '`' && syntax.backticks) {
                        skipQuoted('`', false);
                    } else if (c == '[' && syntax.brackets) {
                        skipQuoted(']', false);
                    } else if (c == '$' && syntax.dollarQuotes && dollarTag() != null) {
                        skipDollar(dollarTag());
                    } else {
                        advance();
                    }
                }
            }
            emit(s.length());
            return List.copyOf(out);
        }

        private boolean at(int k, char c) {
            return k < s.length() && s.charAt(k) == c;
        }

        private void advance() {
            if (s.charAt(i) == '\n') {
                line++;
            }
            i++;
        }

        private void markCode() {
            if (!code) {
                code = true;
                start = i;
                startLine = line;
            }
        }

        private void emit(int end) {
            if (code) {
                out.add(new Statement(out.size() + 1, startLine, s.substring(start, end).strip()));
            }
            code = false;
        }

        private void skipLine() {
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
        }

        private void skipBlockComment() {
            int depth = 0;
            do {
                if (at(i, '/') && at(i + 1, '*')) {
                    depth++;
                    i += 2;
                } else if (at(i, '*') && at(i + 1, '/')) {
                    depth--;
                    i += 2;
                } else {
                    advance();
                }
                if (!syntax.nestedComments && depth > 1) {
                    depth = 1;
                }
            } while (depth > 0 && i < s.length());
        }

        /** Skips a literal or quoted identifier opened at {@code i}; a doubled closing quote stays inside. */
        private void skipQuoted(char close, boolean escapes) {
            advance();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (escapes && c == '\\') {
                    advance();
                    if (i < s.length()) {
                        advance();
                    }
                } else if (c == close) {
                    advance();
                    if (at(i, close)) {
                        advance();
                    } else {
                        return;
                    }
                } else {
                    advance();
                }
            }
        }

        /** Whether the quote at {@code i} opens an E'...' literal (E not part of a longer word). */
        private boolean ePrefixed() {
            if (i < 1 || (s.charAt(i - 1) != 'E' && s.charAt(i - 1) != 'e')) {
                return false;
            }
            return i < 2 || !isWordChar(s.charAt(i - 2));
        }

        private String dollarTag() {
            if (i > 0 && isWordChar(s.charAt(i - 1))) {
                return null;
            }
            int k = i + 1;
            while (k < s.length() && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '_'
                    || (k > i + 1 && Character.isDigit(s.charAt(k))))) {
                k++;
            }
            return at(k, '$') ? s.substring(i, k + 1) : null;
        }

        private void skipDollar(String tag) {
            int end = s.indexOf(tag, i + tag.length());
            int stop = end < 0 ? s.length() : end + tag.length();
            while (i < stop) {
                advance();
            }
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
