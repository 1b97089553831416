package dev.backbone.core.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.base.ParserBase;
import tools.jackson.core.json.JsonFactory;

/**
 * The line and column of the current (non-name) token, without allocating.
 *
 * <p>{@link JsonParser#currentTokenLocation()} builds a new location object per call, a fifth of
 * what reading allocated. Jackson's {@link ParserBase} exposes the same numbers as plain ints,
 * but its column has a different origin (one more, in Jackson 3.1). Rather than assume that, the
 * offset is measured once against {@code currentTokenLocation()} on a probe document; if the two
 * ever disagree other than by a constant, or the parser is not a {@code ParserBase}, positions
 * come from {@code currentTokenLocation()} as before.
 */
abstract class TokenPositions {

    /** {@code getTokenColumnNr() - currentTokenLocation().getColumnNr()}, or null when not constant. */
    private static final Integer COLUMN_SHIFT = measureShift();

    abstract int line();

    abstract int column();

    /** Whether positions come from {@link ParserBase}'s plain ints (the shift was measured); for tests. */
    static boolean fastPath() {
        return COLUMN_SHIFT != null;
    }

    static TokenPositions of(JsonParser p) {
        if (COLUMN_SHIFT != null && p instanceof ParserBase base) {
            int shift = COLUMN_SHIFT;
            return new TokenPositions() {
                @Override
                int line() {
                    return base.getTokenLineNr();
                }

                @Override
                int column() {
                    return base.getTokenColumnNr() - shift;
                }
            };
        }
        return new TokenPositions() {
            @Override
            int line() {
                return p.currentTokenLocation().getLineNr();
            }

            @Override
            int column() {
                return p.currentTokenLocation().getColumnNr();
            }
        };
    }

    /** Compares both sources on every value token of a probe covering each token kind and a second line. */
    private static Integer measureShift() {
        String probe = "{\"a\": 1, \"b\" : [true, false, null, \"s\", 2.5],\n   \"c\":{\"d\": [ ]}, \"e\" :\n\"x\"}";
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), probe)) {
            if (!(p instanceof ParserBase base)) {
                return null;
            }
            Integer shift = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                TokenStreamLocation at = p.currentTokenLocation();
                int s = base.getTokenColumnNr() - at.getColumnNr();
                if (base.getTokenLineNr() != at.getLineNr() || (shift != null && shift != s)) {
                    return null;
                }
                shift = s;
            }
            return shift;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
