package dev.backbone.core.generate.fastapi;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.Target;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.sqlalchemy.DatabaseDrivers;
import dev.backbone.core.generate.sqlalchemy.PythonEscapes;
import dev.backbone.core.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A FastAPI app over the sqlalchemy target's models: Pydantic v2 schemas, one CRUD router per
 * table (sync routes on a request-scoped {@code Session}), the app with its settings, error
 * mapping and health route, per-table hooks and a custom router that are the user's once
 * written, a pytest suite, {@code pyproject.toml}, {@code requirements.txt} and a Dockerfile.
 * Every decision comes from the plan ({@link TableApi} reads it); the templates in
 * {@code templates/fastapi/} lay the pieces out.
 */
public final class FastApiTarget implements Target {

    public static final String NAME = "fastapi";

    /** Runtime requirements of the app (the models' own are the sqlalchemy target's). */
    static final List<String> RUNTIME = List.of("fastapi>=0.115", "pydantic>=2.7,<3", "pydantic-settings>=2.3",
            "uvicorn[standard]>=0.30", "SQLAlchemy>=2.0,<2.1", "alembic>=1.13", "greenlet>=3.0");
    static final List<String> TEST = List.of("pytest>=8", "httpx>=0.27", "mypy>=1.10", "ruff>=0.5", "black>=24");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "FastAPI app: Pydantic v2 schemas, CRUD routers, settings, hooks, tests, pyproject.toml, Dockerfile";
    }

    @Override
    public List<GeneratedFile> render(Plan plan, TemplateRenderer templates) {
        return pieces(plan, templates).stream().flatMap(p -> p.get().stream()).toList();
    }

    /**
     * The app's own modules; each chunk of tables' schemas, routers and hooks; main.py and the
     * test support; each chunk of tables' tests; the project files.
     */
    @Override
    public List<Supplier<List<GeneratedFile>>> pieces(Plan plan, TemplateRenderer templates) {
        List<TableApi> apis = plan.tables().stream().map(t -> TableApi.of(plan, t)).toList();
        Map<String, Object> common = common(plan);
        List<Supplier<List<GeneratedFile>>> pieces = new ArrayList<>();
        pieces.add(() -> List.of(
                file(templates, "app/settings.py", "settings.py.peb", common),
                file(templates, "app/api/__init__.py", "api_init.py.peb", common),
                file(templates, "app/api/deps.py", "deps.py.peb", common),
                file(templates, "app/api/errors.py", "errors.py.peb", common),
                userFile(templates, "app/api/custom.py", "custom.py.peb", common),
                file(templates, "app/schemas/__init__.py", "schemas_init.py.peb", common),
                file(templates, "app/schemas/common.py", "common.py.peb", common),
                userFile(templates, "app/services/__init__.py", "services_init.py.peb", common)));
        for (List<TableApi> chunk : chunks(apis)) {
            pieces.add(() -> {
                List<GeneratedFile> files = new ArrayList<>();
                for (TableApi api : chunk) {
                    files.add(file(templates, "app/schemas/" + api.module() + ".py", "schema.py.peb", api.schemaContext(plan)));
                    files.add(file(templates, "app/api/" + api.module() + ".py", "router.py.peb", api.routerContext(plan)));
                    files.add(userFile(templates, "app/services/" + api.module() + ".py", "service.py.peb", api.serviceContext(plan)));
                }
                return files;
            });
        }
        pieces.add(() -> List.of(
                file(templates, "app/main.py", "main.py.peb", main(plan, apis)),
                file(templates, "tests/__init__.py", "tests_init.py.peb", common),
                file(templates, "tests/conftest.py", "conftest.py.peb", common),
                file(templates, "tests/factories.py", "factories.py.peb", factories(plan))));
        for (List<TableApi> chunk : chunks(apis)) {
            pieces.add(() -> chunk.stream().map(api -> {
                Map<String, Object> ctx = new HashMap<>(common);
                ctx.put("table", api.table().tableName());
                ctx.put("softDelete", api.table().softDelete());
                ctx.put("hasUnique", api.table().columns().stream().anyMatch(c -> c.unique() && !c.serverManaged() && !c.isForeignKey()));
                ctx.put("body", TestCode.tests(plan, api, null).stripTrailing());
                return file(templates, "tests/test_" + api.module() + ".py", "test_table.py.peb", ctx);
            }).toList());
        }
        pieces.add(() -> List.of(
                file(templates, "pyproject.toml", "pyproject.toml.peb", common),
                file(templates, "requirements.txt", "requirements.txt.peb", common),
                file(templates, "Dockerfile", "Dockerfile.peb", common),
                file(templates, ".env.example", "env.example.peb", common)));
        return pieces;
    }

    private static List<List<TableApi>> chunks(List<TableApi> apis) {
        List<List<TableApi>> out = new ArrayList<>();
        for (int from = 0; from < apis.size(); from += CHUNK) {
            out.add(apis.subList(from, Math.min(apis.size(), from + CHUNK)));
        }
        return out;
    }

    private static Map<String, Object> common(Plan plan) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("plan", plan);
        ctx.put("projectName", plan.projectName());
        ctx.put("dbType", plan.dbType().wire());
        ctx.put("defaultUrl", DatabaseDrivers.of(plan.dbType()).defaultUrl(plan.projectName()));
        List<String> runtime = new ArrayList<>(RUNTIME);
        runtime.addAll(DatabaseDrivers.of(plan.dbType()).requirements());
        ctx.put("runtime", runtime);
        ctx.put("test", TEST);
        String dist = plan.projectName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        ctx.put("distribution", dist.isEmpty() ? "app" : dist);
        ctx.put("descriptionToml", tomlString(plan.description() == null ? "" : plan.description()));
        return ctx;
    }

    private static Map<String, Object> main(Plan plan, List<TableApi> apis) {
        Map<String, Object> ctx = common(plan);
        PyImports imports = new PyImports();
        imports.from("collections.abc", "AsyncIterator");
        imports.from("contextlib", "asynccontextmanager");
        imports.from("fastapi", "FastAPI", "Request", "status");
        imports.from("fastapi.encoders", "jsonable_encoder");
        imports.from("fastapi.exceptions", "RequestValidationError");
        imports.from("fastapi.middleware.cors", "CORSMiddleware");
        imports.from("fastapi.responses", "JSONResponse");
        imports.from("sqlalchemy", "text");
        imports.from("sqlalchemy.exc", "DataError", "IntegrityError", "OperationalError");
        imports.from("app.api.custom", "router as custom_router");
        imports.from("app.api.deps", "SessionDep");
        imports.from("app.api.errors", "json_safe");
        imports.from("app.database", "get_engine");
        imports.from("app.settings", "get_settings");
        List<String> includes = new ArrayList<>();
        for (TableApi api : apis) {
            imports.from("app.api." + api.module(), "router as " + api.module() + "_router");
            includes.add("app.include_router(" + api.module() + "_router)");
        }
        ctx.put("imports", imports.text());
        ctx.put("includes", String.join("\n", includes));
        ctx.put("title", PythonEscapes.stringLiteral(plan.projectName()));
        ctx.put("description", PythonEscapes.stringLiteral(plan.description() == null ? "" : plan.description()));
        return ctx;
    }

    private static Map<String, Object> factories(Plan plan) {
        Map<String, Object> ctx = common(plan);
        PyImports imports = new PyImports();
        imports.module("itertools");
        imports.from("collections", "defaultdict");
        imports.from("collections.abc", "Iterator");
        imports.from("typing", "Any");
        imports.from("httpx", "Client");
        String functions = TestCode.factories(plan, imports);
        ctx.put("imports", imports.text());
        ctx.put("functions", functions.stripTrailing());
        return ctx;
    }

    /** A TOML basic string. */
    static String tomlString(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    private static GeneratedFile file(TemplateRenderer templates, String path, String template, Map<String, Object> ctx) {
        return new GeneratedFile(path, templates.render(NAME, template, ctx, PythonEscapes.INSTANCE));
    }

    private static GeneratedFile userFile(TemplateRenderer templates, String path, String template, Map<String, Object> ctx) {
        return new GeneratedFile(path, templates.render(NAME, template, ctx, PythonEscapes.INSTANCE), true);
    }
}
