package dev.backbone.agents.designer;

import dev.backbone.agents.llm.AgentRun;
import dev.backbone.agents.llm.JsonReplies;
import dev.backbone.agents.llm.LlmAgent;
import dev.backbone.agents.llm.LlmErrorType;
import dev.backbone.agents.llm.LlmResult;
import dev.backbone.agents.llm.LlmListeners;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.agents.llm.LlmStatus;
import dev.backbone.agents.llm.MeteredChat;
import dev.backbone.agents.llm.Prompts;
import dev.backbone.agents.llm.ProviderConfig;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema_designer agent: a description in words becomes a schema document. The model's
 * draft is checked by the same validation as any submitted document; while it has errors, the
 * findings go back to the model with a request for a corrected document, up to
 * {@code AGENT_MAX_RETRIES} repair rounds. Each round sends only the description, the last
 * draft and its findings, so prompts do not grow with the rounds. Build once, share.
 */
public final class SchemaDesigner {

    /** Findings sent back per round: enough to fix, bounded for the prompt. */
    static final int MAX_FINDINGS_IN_PROMPT = 40;

    private final ProviderConfig config;
    private final MeteredChat chat;
    private final int maxRetries;
    private final SchemaCheck check;

    /**
     * @param chat null when the provider is not configured (every design then says so)
     * @param maxRetries repair rounds after the first draft
     */
    public SchemaDesigner(ProviderConfig config, MeteredChat chat, int maxRetries, SchemaCheck check) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        this.config = config;
        this.chat = chat;
        this.maxRetries = maxRetries;
        this.check = check;
    }

    /** The designer on its configured provider, checking drafts with {@code Workflow.validate}; no network call here. */
    public static SchemaDesigner create(LlmSettings settings, Workflow workflow, Limits limits) {
        return create(settings, workflow, limits, LlmListeners.NONE);
    }

    /** As {@link #create(LlmSettings, Workflow, Limits)}, its chat model told to {@code listeners}. */
    public static SchemaDesigner create(LlmSettings settings, Workflow workflow, Limits limits, LlmListeners listeners) {
        ProviderConfig c = settings.forAgent(LlmAgent.SCHEMA_DESIGNER);
        return new SchemaDesigner(c, c.configured() ? MeteredChat.of(c, listeners) : null, settings.agentMaxRetries(),
                SchemaCheck.workflow(workflow, limits));
    }

    public ProviderConfig config() {
        return config;
    }

    /**
     * Designs a document for the description. Never throws for an LLM problem (the {@link Design}
     * carries it); a bug in validation itself still propagates.
     *
     * @throws IllegalArgumentException when the description is empty (a caller's input error, checked before any call)
     */
    public Design design(String description, WorkflowListener listener) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("the description of the schema to design is empty");
        }
        AgentRun run = AgentRun.start(LlmAgent.SCHEMA_DESIGNER, listener);
        if (chat == null) {
            run.failed(AgentRun.NOT_CONFIGURED);
            return new Design(null, null, 0, AgentRun.NOT_CONFIGURED, LlmStatus.of(config).message());
        }
        try {
            Design d = loop(description, listener);
            if (d.valid()) {
                run.succeeded();
            } else {
                run.failed(d.errorType());
            }
            return d;
        } catch (RuntimeException e) {
            run.failed(e.getClass().getSimpleName());
            throw e;
        }
    }

    private Design loop(String description, WorkflowListener listener) {
        SystemMessage system = SystemMessage.from(Prompts.render("designer-system.md", Map.of()));
        UserMessage ask = UserMessage.from("Design a BackBone schema document for this application:\n\n" + description.strip());
        List<ChatMessage> messages = List.of(system, ask);
        String draft = null;
        ValidationOutcome outcome = null;
        int attempts = 0;
        while (attempts <= maxRetries) {
            attempts++;
            LlmResult<JsonReplies.Found> r = chat.call(messages, JsonReplies::firstObject, listener);
            if (!r.ok() && r.error() != LlmErrorType.INVALID_RESPONSE) {
                return new Design(draft, outcome, attempts, r.error().wire(), r.message());
            }
            List<ChatMessage> next = new ArrayList<>(List.of(system, ask));
            if (!r.ok()) {
                // No JSON in the reply: show the model what it said and ask again.
                next.add(AiMessage.from(r.text() == null ? "" : r.text()));
                next.add(UserMessage.from(Prompts.render("designer-no-json.md", Map.of("reason", r.message()))));
            } else {
                draft = r.value().json();
                outcome = check.check(draft, listener);
                if (outcome.valid()) {
                    return new Design(draft, outcome, attempts, null, null);
                }
                next.add(AiMessage.from(draft));
                next.add(UserMessage.from(Prompts.render("designer-repair.md", Map.of(
                        "findings", Prompts.findings(outcome.errors(), MAX_FINDINGS_IN_PROMPT)))));
            }
            messages = next;
        }
        String why = outcome == null
                ? "no JSON document after " + attempts + " tries"
                : outcome.errors().size() + " validation error(s) left after " + attempts + " tries";
        return new Design(draft, outcome, attempts, outcome == null ? LlmErrorType.INVALID_RESPONSE.wire() : AgentRun.INVALID_SCHEMA, why);
    }
}
