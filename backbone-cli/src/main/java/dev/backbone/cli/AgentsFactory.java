package dev.backbone.cli;

import dev.backbone.agents.Agents;
import dev.backbone.agents.llm.EnvFile;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import java.nio.file.Path;

/** The LLM agents for the CLI: configured from the environment and a {@code .env} in the working directory. */
final class AgentsFactory {
    private AgentsFactory() {}

    /** The process environment; tests replace it so that no real key or provider is ever used. */
    static java.util.function.Supplier<java.util.Map<String, String>> environment = System::getenv;

    /** @throws IllegalArgumentException naming the variable when the configuration is bad */
    static Agents create() {
        return Agents.from(EnvFile.merged(Path.of(".env"), environment.get()), new Workflow(), Limits.DEFAULTS,
                CliTracing.llmListeners());
    }
}
