package dev.backbone.server.health;

import dev.backbone.agents.Agents;
import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.LlmStatus;
import dev.backbone.agents.llm.ProviderConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured default LLM provider, as the agents see it ({@link Agents#status()}: the same
 * resolved configuration the design and review routes use). A cloud provider is {@code healthy}
 * when its key is set and {@code degraded} when not (the deterministic pipeline still works;
 * only the LLM agents need it): never {@code unhealthy} for that. Cloud providers are not
 * called, since a probe every few seconds must cost nothing. Ollama runs locally and needs no
 * key, so its reachability is probed (TCP connect, 300 ms), at most every 10 s. The metadata is
 * {@code {provider, model, configured}} (and the Ollama URL); never a key.
 */
final class LlmHealthCheck implements HealthCheck {

    private static final long PROBE_TTL_NANOS = 10_000_000_000L;

    private final LlmStatus status;
    private final ProviderConfig provider;
    private volatile Probe lastProbe;

    LlmHealthCheck(Agents agents) {
        this.status = agents.status();
        this.provider = agents.settings().defaultProvider();
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public Result check() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("provider", status.provider());
        meta.put("model", status.model());
        meta.put("configured", status.configured());
        if (provider.provider() == LlmProvider.OLLAMA) {
            Probe p = probe();
            meta.put("base_url", provider.baseUrl());
            meta.put("reachable", p.reachable);
            return p.reachable
                    ? new Result(HealthStatus.HEALTHY, "LLM provider 'ollama' reachable at " + provider.baseUrl(), meta)
                    : new Result(HealthStatus.DEGRADED, "LLM provider 'ollama' is not reachable at " + provider.baseUrl()
                            + " (" + p.reason + "); validation and generation work without it", meta);
        }
        if (status.configured()) {
            return new Result(HealthStatus.HEALTHY, status.message(), meta);
        }
        return new Result(HealthStatus.DEGRADED, status.message()
                + "; validation and generation work without it, the design and review routes do not", meta);
    }

    private Probe probe() {
        Probe p = lastProbe;
        long now = System.nanoTime();
        if (p != null && now - p.at < PROBE_TTL_NANOS) {
            return p;
        }
        p = connect(now);
        lastProbe = p;
        return p;
    }

    private Probe connect(long now) {
        try {
            URI u = URI.create(provider.baseUrl());
            int port = u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), port), 300);
            }
            return new Probe(now, true, "connected");
        } catch (IOException | IllegalArgumentException e) {
            return new Probe(now, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private record Probe(long at, boolean reachable, String reason) {}
}
