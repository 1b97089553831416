package dev.backbone.core.validate;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.links.Links;

/**
 * A document the schema_validator found no error in, with the index it was checked with and what
 * its references resolved to. Only {@link SchemaValidator} makes one, so whatever takes it (the
 * architect) relies on every rule of the format holding and needs no checks of its own; the
 * index is built once, and the references are resolved once, for both.
 */
public final class ValidatedSchema {

    private final DocumentIndex index;
    private final Links links;

    ValidatedSchema(DocumentIndex index, Links links) {
        this.index = index;
        this.links = links;
    }

    public Schema schema() {
        return index.schema();
    }

    public DocumentIndex index() {
        return index;
    }

    /** The foreign keys as a graph (deferred keys, build order) and the relationships paired, linked and named. */
    public Links links() {
        return links;
    }
}
