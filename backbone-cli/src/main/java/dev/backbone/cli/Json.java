package dev.backbone.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Pretty JSON for {@code --json} output. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    static String write(Object o) {
        return MAPPER.writeValueAsString(o);
    }
}
