package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.DbType;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.validate.FindingCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules on the document itself: a {@code project_name} that is safe as a folder and package
 * name, a supported {@code db_type}, at least one table, and the note that no relationship
 * is declared.
 */
final class DocumentRules implements SchemaRule {

    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_PROJECT_NAME = 100;

    /** Device names Windows refuses as folder names, whatever the extension. */
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    @Override
    public void document(ValidationContext ctx, Schema s) {
        if (s.projectName() != null) {
            String problem = projectNameProblem(s.projectName());
            if (problem != null) {
                ctx.report(FindingCode.INVALID_PROJECT_NAME, s.at(), "project_name", Names.show(s.projectName()), problem);
            }
        }
        if (s.dbTypeName() != null && s.dbType() == null) {
            ctx.report(FindingCode.INVALID_DB_TYPE, s.at(), "db_type", Names.show(s.dbTypeName()), DbType.allowed(),
                    ctx.didYouMean(s.dbTypeName(), Arrays.stream(DbType.values()).map(DbType::wire).toList()));
        }
        if (s.tables().isEmpty() && ValidationContext.present(s.at(), "schema") && !ctx.readerReported(s.at(), "schema")) {
            ctx.report(FindingCode.SCHEMA_VALIDATION_ERROR, s.at(), "schema",
                    "`schema` lists no table; declare at least one table with table_name, class_name and columns");
        }
        if (!s.tables().isEmpty() && s.tables().stream().allMatch(t -> t.relationships().isEmpty())) {
            ctx.report(FindingCode.NO_RELATIONSHIPS, s.at(), "schema");
        }
    }

    /** What is wrong with a project name, phrased to follow the name in a message; {@code null} when it is fine. */
    static String projectNameProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            return "is a path, not a name (it holds " + (name.contains("..") ? "`..`" : name.contains("/") ? "`/`" : "`\\`")
                    + ")";
        }
        if (name.startsWith("-") || name.startsWith(".")) {
            return "starts with `" + name.charAt(0) + "` (a leading `-` reads as a command-line option, a leading `.` hides the folder)";
        }
        if (name.length() > MAX_PROJECT_NAME) {
            return "is " + name.length() + " characters long, more than " + MAX_PROJECT_NAME;
        }
        if (!PROJECT.matcher(name).matches()) {
            int bad = name.codePoints().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-')))
                    .findFirst().orElse('?');
            return "holds " + describe(bad);
        }
        if (WINDOWS_DEVICES.contains(name.toLowerCase(Locale.ROOT))) {
            return "is a device name Windows does not accept as a folder";
        }
        return null;
    }

    private static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        if (codePoint == ' ') {
            return "a space (" + hex + ")";
        }
        if (Character.isISOControl(codePoint)) {
            return "a control character (" + hex + ")";
        }
        return "`" + new String(Character.toChars(codePoint)) + "` (" + hex + ")";
    }
}
