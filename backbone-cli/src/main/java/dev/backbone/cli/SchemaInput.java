package dev.backbone.cli;

import java.io.IOException;
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
 * earlier BackBone's flag) or a positional {@code FILE}.
 */
final class SchemaInput {

    @Option(names = {"-s", "--schema"}, paramLabel = "FILE", description = "The schema document (JSON).")
    Path schemaOption;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The schema document, if --schema is not given.")
    Path schemaPositional;

    /** Thrown for a usage or I/O problem; the message is one line for the user. */
    static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    /** A schema read and validated (validate, plan and review start this way). */
    record Loaded(Path file, String text, dev.backbone.core.workflow.ValidationOutcome outcome) {}

    /** Reads and validates the schema; on an I/O problem prints one line and returns null (exit code 2). */
    Loaded validate(CommandLine cl) {
        Path file = path(cl);
        try {
            String text = read(file);
            return new Loaded(file, text, new dev.backbone.core.workflow.Workflow().validate(text,
                    dev.backbone.core.validate.Limits.DEFAULTS, dev.backbone.core.workflow.WorkflowListener.NONE));
        } catch (InputException e) {
            Problems.fail(cl, BackboneCommand.USAGE, Problems.INPUT, e.getMessage());
            return null;
        }
    }

    Path path(CommandLine cl) {
        if (schemaOption != null && schemaPositional != null && !schemaOption.equals(schemaPositional)) {
            throw new CommandLine.ParameterException(cl, "give the schema once: --schema " + schemaOption + " or " + schemaPositional);
        }
        Path p = schemaOption != null ? schemaOption : schemaPositional;
        if (p == null) {
            throw new CommandLine.ParameterException(cl, "missing schema file: use --schema FILE");
        }
        return p;
    }

    /** Reads the file as strict UTF-8 (a BOM is skipped), turning every I/O failure into one line. */
    static String read(Path p) throws InputException {
        if (Files.isDirectory(p)) {
            throw new InputException("cannot read " + p + ": it is a directory");
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read " + p + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException("cannot read " + p + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new InputException("cannot read " + p + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InputException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
