package dev.backbone.server.jobs;

import dev.backbone.core.workflow.WorkflowListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A job's progress by stage, from the engine's events: the pipeline's stages (validate, plan,
 * generate, verify) and the LLM agents (schema_designer, schema_reviewer), each {@code running},
 * then {@code succeeded} or {@code failed} with its duration. Registered as a listener bean, it
 * sees every workflow of the service and passes on only those of the job running on the
 * current thread (a job runs on one worker thread, as a request runs on one request thread).
 */
final class JobProgress implements WorkflowListener {

    private static final ThreadLocal<Tracker> CURRENT = new ThreadLocal<>();

    /** One job's stages; {@code publish} gets the list after every change. */
    static final class Tracker {
        private final List<Map<String, Object>> steps = new ArrayList<>();
        private final Consumer<List<Map<String, Object>>> publish;

        Tracker(Consumer<List<Map<String, Object>>> publish) {
            this.publish = publish;
        }

        synchronized void started(String type, String name) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("type", type);
            s.put("state", "running");
            steps.add(s);
            publish.accept(snapshot());
        }

        synchronized void finished(String type, String name, boolean ok, long nanos) {
            for (int i = steps.size() - 1; i >= 0; i--) {
                Map<String, Object> s = steps.get(i);
                if (name.equals(s.get("name")) && type.equals(s.get("type")) && "running".equals(s.get("state"))) {
                    s.put("state", ok ? "succeeded" : "failed");
                    s.put("duration_ms", Math.round(nanos / 1e4) / 100.0);
                    publish.accept(snapshot());
                    return;
                }
            }
        }

        synchronized List<Map<String, Object>> snapshot() {
            List<Map<String, Object>> out = new ArrayList<>(steps.size());
            steps.forEach(s -> out.add(new LinkedHashMap<>(s)));
            return out;
        }
    }

    static void attach(Tracker t) {
        CURRENT.set(t);
    }

    static void detach() {
        CURRENT.remove();
    }

    @Override
    public void stageStarted(String stage) {
        Tracker t = CURRENT.get();
        if (t != null) {
            t.started("stage", stage);
        }
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        Tracker t = CURRENT.get();
        if (t != null) {
            t.finished("stage", stage, success, nanos);
        }
    }

    @Override
    public void agentStarted(String agent) {
        Tracker t = CURRENT.get();
        if (t != null && agent.startsWith("schema_") && !agent.equals("schema_validator")) {
            t.started("agent", agent);
        }
    }

    @Override
    public void agentFinished(String agent, String status, long nanos) {
        Tracker t = CURRENT.get();
        if (t != null && agent.startsWith("schema_") && !agent.equals("schema_validator")) {
            t.finished("agent", agent, "success".equals(status), nanos);
        }
    }
}
