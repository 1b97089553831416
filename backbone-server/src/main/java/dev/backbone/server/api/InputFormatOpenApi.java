package dev.backbone.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backbone.core.schema.InputFormatSchema;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document types the {@code schema} field of the request bodies with the published
 * JSON Schema, so Swagger UI at {@code /docs} shows the input format instead of {@code {}}. The
 * JSON Schema's {@code $defs} become components of their own ({@code ProjectSchema.table},
 * ...), because a reference inside the OpenAPI document resolves against the document's root.
 */
@Configuration(proxyBeanMethods = false)
class InputFormatOpenApi {

    static final String COMPONENT = "ProjectSchema";
    /** The request bodies whose {@code schema} field holds a document (or its text). */
    static final List<String> BODIES = List.of("GenerateRequestBody", "ValidateRequest", "ReviewRequest");

    private static final String DEFS = "#/$defs/";
    private static final String COMPONENTS = "#/components/schemas/";

    @Bean
    OpenApiCustomizer inputFormatComponent() {
        Map<String, Schema<?>> schemas = components();
        return api -> {
            Components c = api.getComponents() == null ? new Components() : api.getComponents();
            schemas.forEach(c::addSchemas);
            if (c.getSchemas() != null) {
                for (String body : BODIES) {
                    Schema<?> s = c.getSchemas().get(body);
                    if (s != null && s.getProperties() != null && s.getProperties().containsKey("schema")) {
                        s.getProperties().put("schema", payload());
                    }
                }
            }
            api.components(c);
        };
    }

    /** The document, or the same document as text (what a client that read a file may send). */
    private static Schema<?> payload() {
        Schema<Object> text = new Schema<>();
        text.addType("string");
        text.setDescription("the document as JSON text; positions in findings then refer to this text");
        Schema<Object> document = new Schema<>();
        document.set$ref(COMPONENTS + COMPONENT);
        Schema<Object> either = new Schema<>();
        either.setDescription("a project schema document (docs/schema-format.md, JSON Schema at /schema/v1.json)");
        either.setOneOf(List.of(document, text));
        return either;
    }

    /** The root schema and each of its {@code $defs}, with references rewritten to components. */
    static Map<String, Schema<?>> components() {
        ObjectMapper mapper = Json31.mapper();
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(InputFormatSchema.text());
            rewriteRefs(root);
            Map<String, Schema<?>> out = new LinkedHashMap<>();
            JsonNode defs = root.remove("$defs");
            root.remove("$schema");
            out.put(COMPONENT, mapper.treeToValue(root, Schema.class));
            if (defs != null) {
                for (Map.Entry<String, JsonNode> d : defs.properties()) {
                    out.put(COMPONENT + "." + d.getKey(), mapper.treeToValue(d.getValue(), Schema.class));
                }
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the published JSON Schema does not parse: " + e.getMessage(), e);
        }
    }

    private static void rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(DEFS)) {
                o.set("$ref", TextNode.valueOf(COMPONENTS + COMPONENT + "." + ref.asText().substring(DEFS.length())));
            }
            o.elements().forEachRemaining(InputFormatOpenApi::rewriteRefs);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(InputFormatOpenApi::rewriteRefs);
        }
    }
}
