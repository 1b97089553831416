package dev.backbone.core.plan;

import dev.backbone.core.schema.Locations;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;

/** Builds findings that point at a field of a schema element (or at the element when the field is absent or null). */
final class Findings {
    private Findings() {}

    static Finding at(FindingCode code, String message, Locations at, String field) {
        if (field == null) {
            return Finding.of(code, message, at.self());
        }
        return Finding.of(code, message, at.pointerOf(field), at.of(field));
    }
}
