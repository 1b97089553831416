package dev.backbone.core.regenerate;

import java.io.IOException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The streaming JSON of the {@code .backbone} state files ({@link Manifest}, {@link MergeBases}).
 * Both are a fixed, flat shape, so they are read and written token by token: a data-binding
 * mapper would cost every {@code generate} its set-up, about a tenth of a short run.
 */
final class StateJson {
    private StateJson() {}

    static final JsonFactory FACTORY = new JsonFactory();

    /** Jackson's default pretty printer: two-space indents, {@code "key" : value}. */
    static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    static void expect(String file, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException(file + " is not BackBone's: expected " + expected + ", found " + actual);
        }
    }
}
