package dev.backbone.cli;

import dev.backbone.agents.Agents;
import dev.backbone.core.env.DotEnv;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import java.nio.file.Path;

/** The LLM agents for the CLI: configured from the environment and a {@code .env} in the working directory. */
final class AgentsFactory {
    private AgentsFactory() {}

    /** The process environment; tests replace it so that no real key or provider is ever used. */
    static java.util.function.Supplier<java.util.Map<String, String>> environment = System::getenv;

    /** @throws IllegalArgumentException naming the variable (or the {@code .env} line) when the configuration is bad */
    static Agents create() {
        return Agents.from(variables(Path.of(".env")), new Workflow(), Limits.DEFAULTS, CliTracing.llmListeners());
    }

    /**
     * What {@code design} and {@code review} read: the environment over {@code dotEnvFile}, read
     * with the one grammar of {@link DotEnv}, as {@code serve} reads it.
     *
     * @throws dev.backbone.core.env.DotEnvException naming the file and line of a malformed line
     */
    static java.util.Map<String, String> variables(Path dotEnvFile) {
        return DotEnv.merged(dotEnvFile, environment.get());
    }
}
