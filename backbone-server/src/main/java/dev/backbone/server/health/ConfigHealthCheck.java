package dev.backbone.server.health;

import dev.backbone.server.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings that parse but leave a feature unusable: a provider chosen (by default or for
 * an agent) without its key, tracing switched on without its key. Each makes the component
 * {@code degraded}; values that do not parse never get here (start-up refuses them).
 */
final class ConfigHealthCheck implements HealthCheck {

    private final Settings settings;
    private final Result result;

    ConfigHealthCheck(Settings settings) {
        this.settings = settings;
        this.result = evaluate();
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public Result check() {
        return result;
    }

    private Result evaluate() {
        List<String> issues = new ArrayList<>();
        Settings.Llm llm = settings.llm();
        Settings.Provider def = llm.defaultSettings();
        if (!def.configured()) {
            issues.add(def.provider().keyVariable() + " not set (DEFAULT_LLM_PROVIDER=" + def.provider().wire() + ")");
        }
        for (Settings.Agent a : llm.agents().values()) {
            Settings.Provider p = llm.provider(a.provider());
            if (!p.configured() && p.provider() != def.provider()) {
                issues.add(p.provider().keyVariable() + " not set (" + a.name().toUpperCase(java.util.Locale.ROOT)
                        + "_LLM_PROVIDER=" + p.provider().wire() + ")");
            }
        }
        if (settings.tracing().enabled() && !settings.tracing().apiKey().isSet()) {
            issues.add("LANGCHAIN_TRACING_V2=true but LANGCHAIN_API_KEY not set");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("environment", settings.app().environment());
        meta.put("debug", settings.app().debug());
        meta.put("default_llm_provider", def.provider().wire());
        if (!issues.isEmpty()) {
            meta.put("issues", List.copyOf(issues));
            return new Result(HealthStatus.DEGRADED, "Configuration issues: " + String.join(", ", issues), meta);
        }
        return new Result(HealthStatus.HEALTHY, "Configuration valid", meta);
    }
}
