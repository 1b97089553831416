package dev.backbone.core.schema;

import dev.backbone.core.json.ArrayMap;
import dev.backbone.core.json.JsonNode.JsonObject;
import dev.backbone.core.json.Position;
import java.util.Map;
import java.util.Objects;

/**
 * Where a schema element and each of its fields sit in the source text.
 *
 * <p>Findings point at the exact value that is wrong ({@code /schema/1/columns/3/target}); when
 * the field is absent they point at the object that lacks it.
 *
 * <p>Every table, column and relationship keeps one for as long as the model lives, and only a
 * finding ever asks. So a field's place is kept as one packed {@code long} (line and column), its
 * name as the parser's own key string, and its {@link Position} is made on request: a position
 * object per field would make the model of a 10,000-table document twice as large, and every
 * pass over it slower once it does not fit in the processor's cache.
 * Entries that are not plain fields of the element ({@code values/2}, {@code options.use_timestamps})
 * keep their positions as given.
 */
public final class Locations {

    private static final String[] NO_NAMES = {};
    private static final long[] NO_PLACES = {};

    public static final Locations NONE = new Locations(Position.ROOT, Map.of());

    private final Position self;
    /** The element's own fields: name and packed line/column of the value (line high, column low). */
    private final String[] names;
    private final long[] places;
    /** Anything else, positions as given. */
    private final ArrayMap<Position> extra;

    /** Locations from positions already made (tests, and elements not read from text). */
    public Locations(Position self, Map<String, Position> fields) {
        this(self, NO_NAMES, NO_PLACES, ArrayMap.copyOf(fields));
    }

    private Locations(Position self, String[] names, long[] places, ArrayMap<Position> extra) {
        this.self = Objects.requireNonNull(self, "self");
        this.names = names;
        this.places = places;
        this.extra = extra;
    }

    /** The places of a parsed object's fields; the object itself can then go. */
    static Locations of(JsonObject o) {
        return of(o, ArrayMap.of());
    }

    /** As {@link #of(JsonObject)}, with entries that are not fields of the object. */
    static Locations of(JsonObject o, ArrayMap<Position> extra) {
        int n = o.size();
        String[] names = new String[n];
        long[] places = new long[n];
        for (int i = 0; i < n; i++) {
            Position p = o.value(i).position();
            names[i] = o.name(i);
            places[i] = ((long) p.line() << 32) | (p.column() & 0xffffffffL);
        }
        return new Locations(o.position(), names, places, extra);
    }

    /** Where the element itself starts. */
    public Position self() {
        return self;
    }

    /** Whether {@code field} appears in the element (with any value, even a mistyped one). */
    public boolean has(String field) {
        return indexOf(field) >= 0 || extra.containsKey(field);
    }

    /** The position of a field's value, or of this element when the field is absent. */
    public Position of(String field) {
        Position p = find(field);
        return p != null ? p : self;
    }

    /** The position of a field's value, or {@code null} when the field is absent. */
    public Position find(String field) {
        int i = indexOf(field);
        if (i >= 0) {
            return self.field(names[i], (int) (places[i] >>> 32), (int) places[i]);
        }
        return extra.get(field);
    }

    /** The JSON Pointer a finding about {@code field} should carry, even when the field is absent. */
    public String pointerOf(String field) {
        Position p = find(field);
        return p != null ? p.pointer() : Position.child(self.pointer(), field);
    }

    /** Every entry, fields first, as positions (made now: this is for reports and tests, not hot paths). */
    public Map<String, Position> fields() {
        ArrayMap.Builder<Position> all = new ArrayMap.Builder<>(names.length + extra.size());
        for (String name : names) {
            all.put(name, find(name));
        }
        extra.forEach(all::put);
        return all.build();
    }

    private int indexOf(String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == field || names[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Locations other && self.equals(other.self) && fields().equals(other.fields()));
    }

    @Override
    public int hashCode() {
        return self.hashCode() * 31 + fields().hashCode();
    }

    @Override
    public String toString() {
        return "Locations[self=" + self + ", fields=" + fields() + "]";
    }
}
