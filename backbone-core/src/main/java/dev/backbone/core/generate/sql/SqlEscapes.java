package dev.backbone.core.generate.sql;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The SQL templates' escaping filters. Each reads the template's {@code dialect} variable, so an
 * overriding template escapes exactly as the packaged one:
 * <ul>
 *   <li>{@code ident}: an identifier, quoted when it must be ({@link SqlDialect#identifier});</li>
 *   <li>{@code sqlstring}: a string literal that reads back exactly ({@link SqlDialect#stringLiteral});</li>
 *   <li>{@code sqlcomment}: a whole {@code --} comment line, newline included, the text on one
 *       line ({@link SqlDialect#commentText}); nothing for null. It ends the line itself because
 *       Pebble swallows the newline that follows a tag: a template line ending in {@code }}}
 *       would otherwise run into the next one (and a comment would swallow the next column).</li>
 * </ul>
 * A null input renders as nothing for {@code sqlcomment} and is an error for the others: a
 * template must not write an empty name or literal by accident.
 */
public final class SqlEscapes extends AbstractExtension {

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "ident", new DialectFilter("ident", SqlDialect::identifier),
                "sqlstring", new DialectFilter("sqlstring", SqlDialect::stringLiteral),
                "sqlcomment", new DialectFilter("sqlcomment", (d, s) -> "-- " + SqlDialect.commentText(s) + "\n"));
    }

    private record DialectFilter(String name, BiFunction<SqlDialect, String, String> escape) implements Filter {

        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                int lineNumber) {
            if (!(context.getVariable("dialect") instanceof SqlDialect dialect)) {
                throw new IllegalStateException(self.getName() + ":" + lineNumber + ": filter " + name
                        + " needs the template variable 'dialect'");
            }
            if (input == null) {
                if (name.equals("sqlcomment")) {
                    return "";
                }
                throw new IllegalStateException(self.getName() + ":" + lineNumber + ": filter " + name + " got no value");
            }
            return escape.apply(dialect, input.toString());
        }
    }
}
