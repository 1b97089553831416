package dev.backbone.core.schema;

import dev.backbone.core.json.JsonNode;
import dev.backbone.core.json.Position;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view from field name to the position of its value, over a parsed object's fields.
 * Every schema element keeps its {@link Locations}; building a map per element was a large share
 * of the reader's allocation on big documents, and the parsed tree already holds the answers.
 */
final class FieldPositions extends AbstractMap<String, Position> {

    private final Map<String, JsonNode> fields;

    FieldPositions(Map<String, JsonNode> fields) {
        this.fields = fields;
    }

    @Override
    public Position get(Object key) {
        JsonNode v = fields.get(key);
        return v == null ? null : v.position();
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public Set<Entry<String, Position>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Position>> iterator() {
                Iterator<Entry<String, JsonNode>> it = fields.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Position> next() {
                        Entry<String, JsonNode> e = it.next();
                        return Map.entry(e.getKey(), e.getValue().position());
                    }
                };
            }

            @Override
            public int size() {
                return fields.size();
            }
        };
    }
}
