package dev.backbone.core.verify.python;

import dev.backbone.core.verify.VerifyReport.Check;
import dev.backbone.core.verify.VerifyReport.Status;
import java.util.List;

/**
 * What importing one generated package and running {@code create_all} did: the tables it
 * created, or the error; {@code skipped} says why it could not run at all.
 */
public record CreateAllResult(String pkg, boolean ok, List<String> tables, String error, String skipped) {
    public CreateAllResult {
        tables = List.copyOf(tables);
    }

    public Check check() {
        String path = pkg.replace('.', '/') + "/*";
        if (skipped != null) {
            return new Check(path, PythonToolchain.CREATE_ALL, Status.SKIPPED, skipped);
        }
        return ok ? new Check(path, PythonToolchain.CREATE_ALL, Status.PASSED, "created " + tables.size() + " tables")
                : new Check(path, PythonToolchain.CREATE_ALL, Status.FAILED, error);
    }
}
