package dev.backbone.core.verify;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * In-JVM structural check of the models: every planned table has its module, its class with its
 * {@code __tablename__}, and is exported by {@code app/models/__init__.py}. Cheap enough for every
 * run; the Python toolchain proves the rest in {@code full} mode.
 */
final class ModelStructureCheck {

    static final String NAME = "model_structure";

    private ModelStructureCheck() {}

    static List<VerifyReport.Check> check(Plan plan, List<GeneratedFile> files) {
        Map<String, String> byPath = files.stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a));
        List<VerifyReport.Check> out = new ArrayList<>();
        String init = byPath.getOrDefault("app/models/__init__.py", "");
        for (PlannedTable t : plan.tables()) {
            String path = "app/models/" + t.moduleName() + ".py";
            String src = byPath.get(path);
            List<String> problems = new ArrayList<>();
            if (src == null) {
                problems.add("missing module");
            } else {
                if (!src.contains("class " + t.className() + "(")) {
                    problems.add("no class " + t.className());
                }
                if (!src.contains("__tablename__ = \"" + t.tableName() + "\"")) {
                    problems.add("no __tablename__ \"" + t.tableName() + "\"");
                }
            }
            if (!init.contains("\"" + t.className() + "\"")) {
                problems.add(t.className() + " not exported by app/models/__init__.py");
            }
            out.add(new VerifyReport.Check(path, NAME, problems.isEmpty() ? VerifyReport.Status.PASSED : VerifyReport.Status.FAILED,
                    problems.isEmpty() ? "model " + t.className() + " present and exported" : String.join("; ", problems)));
        }
        return out;
    }

}
