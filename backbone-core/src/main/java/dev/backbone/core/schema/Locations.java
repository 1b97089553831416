package dev.backbone.core.schema;

import dev.backbone.core.json.Position;
import java.util.Map;

/**
 * Where a schema element and each of its fields sit in the source text.
 *
 * <p>Findings point at the exact value that is wrong ({@code /schema/1/columns/3/target}); when
 * the field is absent they point at the object that lacks it.
 */
public record Locations(Position self, Map<String, Position> fields) {

    public static final Locations NONE = new Locations(Position.ROOT, Map.of());

    public Locations {
        fields = fields instanceof FieldPositions ? fields : Map.copyOf(fields);
    }

    /** The locations of a JSON object's fields, read through to the parsed tree (no copy). */
    static Locations of(dev.backbone.core.json.JsonNode.JsonObject o) {
        return new Locations(o.position(), new FieldPositions(o.fields()));
    }

    /** The position of a field's value, or of this element when the field is absent. */
    public Position of(String field) {
        Position p = fields.get(field);
        return p != null ? p : self;
    }

    /** The JSON Pointer a finding about {@code field} should carry, even when the field is absent. */
    public String pointerOf(String field) {
        Position p = fields.get(field);
        return p != null ? p.pointer() : Position.child(self.pointer(), field);
    }
}
