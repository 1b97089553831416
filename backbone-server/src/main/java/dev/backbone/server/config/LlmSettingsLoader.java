package dev.backbone.server.config;

import dev.backbone.agents.llm.LlmAgent;
import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.agents.llm.ProviderConfig;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM part of {@link Settings}. The agents module's {@link LlmSettings#from} is the one
 * reader of every variable the agents use (provider names, models, base URLs, retries,
 * timeout): the server hands it the same values (environment over {@code .env}) and turns each
 * value it refuses into a start-up problem, so a value the service accepts is one the agents
 * accept, with the same message. The server reads on its own only what the agents do not know:
 * the keys of providers no agent uses (for log masking and the {@code config} health check)
 * and the earlier BackBone's per-agent names ({@code ORCHESTRATOR_LLM_PROVIDER}, ...), whose
 * providers are checked with the agents' {@link LlmProvider#parse}.
 */
final class LlmSettingsLoader {

    /** Agents of the earlier BackBone's {@code .env.example} and ours; any other {@code X_LLM_PROVIDER} is read too. */
    static final List<String> KNOWN_AGENTS =
            List.of("ORCHESTRATOR", "SCHEMA_VALIDATOR", "ARCHITECT", "CODE_GENERATOR", "VALIDATOR", "SCHEMA_DESIGNER",
                    "SCHEMA_REVIEWER");

    private static final Pattern AGENT_PROVIDER = Pattern.compile("([A-Z][A-Z0-9_]*)_LLM_PROVIDER");
    /** The agents module names the variable first: {@code NAME='value' is not ...}. */
    private static final Pattern NAMED = Pattern.compile("([A-Z][A-Z0-9_]*)=.*");

    private final Values v;
    private final Function<String, String> raw;
    private final Set<String> names;

    private LlmSettingsLoader(Values v, Function<String, String> raw, Set<String> names) {
        this.v = v;
        this.raw = raw;
        this.names = names;
    }

    /**
     * @param raw a variable's trimmed value, null when unset or blank
     * @param names every variable name defined (to find {@code <AGENT>_LLM_PROVIDER})
     */
    static Settings.Llm load(Values v, Function<String, String> raw, Set<String> names) {
        return new LlmSettingsLoader(v, raw, names).load();
    }

    private Settings.Llm load() {
        LlmSettings resolved = resolve();
        LlmProvider defaultProvider = resolved.defaultProvider().provider();
        Map<LlmProvider, Settings.Provider> providers = new EnumMap<>(LlmProvider.class);
        for (LlmProvider p : LlmProvider.values()) {
            Secret key = p.needsKey() ? v.secret(p.keyVariable()) : Secret.NONE;
            // the base URL was checked by LlmSettings (every provider's, up front)
            String baseUrl = v.string(p.baseUrlVariable(), p.defaultBaseUrl());
            providers.put(p, new Settings.Provider(p, key, v.string(p.modelVariable(), p.defaultModel()), baseUrl));
        }
        Map<String, Settings.Agent> agents = new LinkedHashMap<>();
        for (String agent : agentNames()) {
            String providerVar = agent + "_LLM_PROVIDER";
            String modelVar = agent + "_MODEL";
            if (raw.apply(providerVar) == null && raw.apply(modelVar) == null) {
                continue;
            }
            String name = agent.toLowerCase(Locale.ROOT);
            LlmAgent llmAgent = llmAgent(agent);
            if (llmAgent != null) {
                ProviderConfig c = resolved.forAgent(llmAgent);
                agents.put(name, new Settings.Agent(name, c.provider(), c.model()));
            } else {
                LlmProvider p = provider(providerVar, defaultProvider);
                agents.put(name, new Settings.Agent(name, p, v.string(modelVar, providers.get(p).model())));
            }
        }
        ProviderConfig def = resolved.defaultProvider();
        return new Settings.Llm(defaultProvider, providers, agents, resolved.agentMaxRetries(), def.timeout(),
                def.maxRetries(), resolved);
    }

    /**
     * {@link LlmSettings#from} over the LLM variables. It stops at the first bad value; that
     * variable is then recorded as a problem and left out, and the rest read again, so every bad
     * LLM variable is named in the one start-up line like the service's other variables.
     */
    private LlmSettings resolve() {
        Map<String, String> env = new HashMap<>();
        for (String name : variables()) {
            String value = raw.apply(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        for (int round = 0, max = env.size(); round <= max; round++) {
            try {
                return LlmSettings.from(env);
            } catch (IllegalArgumentException e) {
                v.problem(e.getMessage());
                Matcher m = NAMED.matcher(e.getMessage() == null ? "" : e.getMessage());
                if (!m.matches() || env.remove(m.group(1)) == null) {
                    break;
                }
            }
        }
        return LlmSettings.from(Map.of());
    }

    /** Every variable {@link LlmSettings} reads. */
    private static Set<String> variables() {
        Set<String> out = new LinkedHashSet<>(List.of(LlmSettings.DEFAULT_LLM_PROVIDER, LlmSettings.AGENT_MAX_RETRIES,
                LlmSettings.AGENT_TIMEOUT, LlmSettings.LLM_MAX_RETRIES));
        for (LlmProvider p : LlmProvider.values()) {
            if (p.needsKey()) {
                out.add(p.keyVariable());
            }
            out.add(p.modelVariable());
            out.add(p.baseUrlVariable());
        }
        for (LlmAgent a : LlmAgent.values()) {
            out.add(a.providerVariable());
            out.add(a.modelVariable());
        }
        return out;
    }

    private Set<String> agentNames() {
        Set<String> agentNames = new TreeSet<>(KNOWN_AGENTS);
        for (String name : names) {
            Matcher m = AGENT_PROVIDER.matcher(name);
            if (m.matches() && !"DEFAULT".equals(m.group(1))) {
                agentNames.add(m.group(1));
            }
        }
        return agentNames;
    }

    private static LlmAgent llmAgent(String prefix) {
        for (LlmAgent a : LlmAgent.values()) {
            if (a.name().equals(prefix)) {
                return a;
            }
        }
        return null;
    }

    private LlmProvider provider(String variable, LlmProvider fallback) {
        String s = raw.apply(variable);
        if (s == null) {
            return fallback;
        }
        try {
            return LlmProvider.parse(s, variable);
        } catch (IllegalArgumentException e) {
            v.problem(e.getMessage());
            return fallback;
        }
    }
}
