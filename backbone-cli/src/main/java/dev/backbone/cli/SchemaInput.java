package dev.backbone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The schema file argument, shared by every command that reads one: {@code --schema FILE} (the
 * earlier BackBone's flag) or a positional {@code FILE}; {@code -} is standard input.
 *
 * <p>Reading is bounded by {@code --max-size}: a regular file's size is checked before a byte
 * is read, and anything else (a pipe, {@code /dev/zero}) is read only up to the limit, so no
 * input can make the CLI run out of memory. A leading byte-order mark is left in the text: the
 * engine's reader ignores it, for the CLI, the service and library callers alike.
 */
final class SchemaInput {

    /** 256 MB: far above any real schema (10,000 tables are about 20 MB), far below the heap. */
    static final long DEFAULT_MAX_SIZE = 256L * 1024 * 1024;

    /** What findings and messages call standard input. */
    static final String STDIN_NAME = "<stdin>";

    @Option(names = {"-s", "--schema"}, paramLabel = "FILE", description = "The schema document (JSON); - reads standard input.")
    Path schemaOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The schema document, if --schema is not given; - reads standard input.")
    Path schemaPositional;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Refuse a schema larger than this: bytes, or a number with KB, MB or GB (default 256MB).")
    long maxSize = DEFAULT_MAX_SIZE;

    /** Thrown for a usage or I/O problem; the message is one line for the user. */
    static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    /** A schema read and validated (validate, plan and review start this way); {@code file} names it in findings. */
    record Loaded(Path file, String text, dev.backbone.core.workflow.ValidationOutcome outcome) {}

    /** Reads and validates the schema; on an I/O problem prints one line and returns null (exit code 2). */
    Loaded validate(CommandLine cl) {
        try {
            String text = text(cl);
            return new Loaded(displayPath(cl), text, new dev.backbone.core.workflow.Workflow().validate(text,
                    dev.backbone.core.validate.Limits.DEFAULTS, CliTracing.listener(dev.backbone.core.workflow.WorkflowListener.NONE)));
        } catch (InputException e) {
            Problems.fail(cl, BackboneCommand.USAGE, Problems.INPUT, e.getMessage());
            return null;
        }
    }

    /** The schema's text, from the file or standard input, under {@code --max-size}. */
    String text(CommandLine cl) throws InputException {
        Path p = path(cl);
        if (isStdin(p)) {
            return readStream(STDIN_NAME, stdin(cl), maxSize);
        }
        return read(p, maxSize);
    }

    /** The name findings are reported under: the file as given, or {@code <stdin>}. */
    Path displayPath(CommandLine cl) {
        Path p = path(cl);
        return isStdin(p) ? Path.of(STDIN_NAME) : Path.of(Invocation.current().shown(p));
    }

    Path path(CommandLine cl) {
        if (schemaOption != null && schemaPositional != null && !schemaOption.equals(schemaPositional)) {
            throw new CommandLine.ParameterException(cl, "give the schema once: --schema " + schemaOption + " or " + schemaPositional);
        }
        Path p = schemaOption != null ? schemaOption : schemaPositional;
        if (p == null) {
            throw new CommandLine.ParameterException(cl, "missing schema file: use --schema FILE (or - for standard input)");
        }
        return p;
    }

    private static boolean isStdin(Path p) {
        return "-".equals(p.toString());
    }

    private static InputStream stdin(CommandLine cl) {
        Object root = cl.getCommandSpec().root().userObject();
        return root instanceof BackboneCommand b ? b.stdin() : System.in;
    }

    /** Reads the file as strict UTF-8, turning every I/O failure (and a file over {@code max}) into one line. */
    static String read(Path p, long max) throws InputException {
        if (Files.isDirectory(p)) {
            throw new InputException("cannot read " + Invocation.current().shown(p) + ": it is a directory");
        }
        try {
            if (Files.isRegularFile(p)) {
                long size = Files.size(p);
                if (size > max) {
                    throw new InputException("cannot read " + Invocation.current().shown(p) + ": " + size + " bytes is more than --max-size (" + max + " bytes)");
                }
            }
            try (InputStream in = Files.newInputStream(p)) {
                return readStream(Invocation.current().shown(p), in, max);
            }
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read " + Invocation.current().shown(p) + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException("cannot read " + Invocation.current().shown(p) + ": permission denied");
        } catch (IOException e) {
            throw new InputException("cannot read " + Invocation.current().shown(p) + ": " + e.getMessage());
        }
    }

    /** Reads at most {@code max} bytes of {@code in}; one byte more is a refusal, not a bigger buffer. */
    static String readStream(String name, InputStream in, long max) throws InputException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) (max + 1));
        } catch (IOException e) {
            throw new InputException("cannot read " + name + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new InputException("cannot read " + name + ": not enough memory for --max-size (" + max + " bytes); lower it");
        }
        if (bytes.length > max) {
            throw new InputException("cannot read " + name + ": more than --max-size (" + max + " bytes)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException("cannot read " + name + ": not UTF-8 text");
        }
    }

    /**
     * {@code --max-size}: bytes, or a number with KB, MB or GB (binary multiples, as
     * {@code MAX_JSON_SIZE}), at most {@link #CEILING}: the text must fit one Java string.
     */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        static final long CEILING = 1024L * 1024 * 1024;
        private static final java.util.regex.Pattern SIZE =
                java.util.regex.Pattern.compile("(\\d{1,12})\\s*(?:([KMG])I?B?|B)?", java.util.regex.Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            java.util.regex.Matcher m = SIZE.matcher(value.strip());
            if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size (bytes, or a number with KB, MB or GB)");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(java.util.Locale.ROOT);
            long bytes = switch (unit) {
                case "K" -> n * 1024L;
                case "M" -> n * 1024L * 1024;
                case "G" -> n * 1024L * 1024 * 1024;
                default -> n;
            };
            if (bytes > CEILING) {
                throw new CommandLine.TypeConversionException("'" + value + "' is more than the most --max-size allows (1GB)");
            }
            return bytes;
        }
    }
}
