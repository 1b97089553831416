package dev.backbone.agents.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to stdout and stderr (slf4j-simple logs to stderr at debug level in
 * tests) while open, so a test can assert what the logs never contain.
 */
public final class CapturedOutput implements AutoCloseable {

    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public CapturedOutput() {
        System.setOut(new PrintStream(new Tee(oldOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(oldErr), true, StandardCharsets.UTF_8));
    }

    public synchronized String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private final class Tee extends OutputStream {
        private final OutputStream original;

        Tee(OutputStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            synchronized (CapturedOutput.this) {
                buffer.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException e) {
                // the original stream is best effort
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (CapturedOutput.this) {
                buffer.write(b, off, len);
            }
            try {
                original.write(b, off, len);
            } catch (java.io.IOException e) {
                // the original stream is best effort
            }
        }
    }
}
