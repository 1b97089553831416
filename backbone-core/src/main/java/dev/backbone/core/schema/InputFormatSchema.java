package dev.backbone.core.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The input format as a JSON Schema (draft 2020-12), for editors (completion and checks as a
 * user types, through a document's {@code "$schema"} key), for the service's OpenAPI document
 * and for anyone checking documents outside BackBone. It describes the shape that
 * {@link SchemaReader} binds (fields, types, names, allowed values); the validator's rules that
 * look across a document (references, duplicates, a dialect's limits) stay the validator's.
 * Tests keep it and the reader in step: the same field names and values, every document we
 * ship valid, every fixture of a shape error invalid.
 */
public final class InputFormatSchema {

    /** The resource, next to this class. {@code docs/schema/v1.json} is a copy a test keeps equal. */
    static final String RESOURCE = "backbone-schema-v1.json";

    private static final String TEXT = load();

    private InputFormatSchema() {}

    /** The JSON Schema's text, as published. */
    public static String text() {
        return TEXT;
    }

    private static String load() {
        try (InputStream in = InputFormatSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the JSON Schema resource " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
