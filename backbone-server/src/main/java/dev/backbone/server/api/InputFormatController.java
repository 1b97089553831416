package dev.backbone.server.api;

import dev.backbone.core.schema.InputFormatSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /schema/v1.json}: the input format as a JSON Schema, open to everyone (editors
 * fetch it from a document's {@code "$schema"} without credentials). The bytes are
 * {@link InputFormatSchema#text()}, the same as {@code docs/schema/v1.json}.
 */
@RestController
@Tag(name = "Root")
class InputFormatController {

    static final String PATH = "/schema/v1.json";
    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @GetMapping(PATH)
    @Operation(summary = "The input format as a JSON Schema (draft 2020-12)",
            description = "Point a document's \"$schema\" here for completion and checks in VS Code and JetBrains IDEs.")
    ResponseEntity<String> schema() {
        return ResponseEntity.ok().contentType(SCHEMA_JSON).cacheControl(CacheControl.noCache())
                .body(InputFormatSchema.text());
    }
}
