package dev.backbone.core.validate;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Schema;

/**
 * A document the schema_validator found no error in, with the index it was checked with. Only
 * {@link SchemaValidator} makes one, so whatever takes it (the architect) relies on every rule of
 * the format holding and needs no checks of its own; the index is built once, for both.
 */
public final class ValidatedSchema {

    private final DocumentIndex index;

    ValidatedSchema(DocumentIndex index) {
        this.index = index;
    }

    public Schema schema() {
        return index.schema();
    }

    public DocumentIndex index() {
        return index;
    }
}
