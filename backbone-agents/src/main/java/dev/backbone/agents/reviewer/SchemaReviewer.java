package dev.backbone.agents.reviewer;

import dev.backbone.agents.llm.AgentRun;
import dev.backbone.agents.llm.LlmAgent;
import dev.backbone.agents.llm.LlmResult;
import dev.backbone.agents.llm.LlmListeners;
import dev.backbone.agents.llm.LlmSettings;
import dev.backbone.agents.llm.LlmStatus;
import dev.backbone.agents.llm.MeteredChat;
import dev.backbone.agents.llm.Prompts;
import dev.backbone.agents.llm.ProviderConfig;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.WorkflowListener;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Map;

/**
 * The schema_reviewer agent: asks the LLM for improvements the deterministic validator cannot
 * judge (indexes, types, normalisation), given the document and what the validator already said.
 * Never throws for an LLM problem: the {@link Review} carries the error. Build once, share.
 */
public final class SchemaReviewer {

    /** Validator findings passed to the model, so it does not repeat them. */
    static final int MAX_FINDINGS_IN_PROMPT = 40;

    private final ProviderConfig config;
    private final MeteredChat chat;
    private final ReviewParser parser = new ReviewParser();

    /** @param chat null when the provider is not configured (every review then says so) */
    public SchemaReviewer(ProviderConfig config, MeteredChat chat) {
        this.config = config;
        this.chat = chat;
    }

    /** The reviewer on its configured provider ({@code SCHEMA_REVIEWER_LLM_PROVIDER}, ...); no network call here. */
    public static SchemaReviewer create(LlmSettings settings) {
        return create(settings, LlmListeners.NONE);
    }

    /** As {@link #create(LlmSettings)}, its chat model told to {@code listeners}. */
    public static SchemaReviewer create(LlmSettings settings, LlmListeners listeners) {
        ProviderConfig c = settings.forAgent(LlmAgent.SCHEMA_REVIEWER);
        return new SchemaReviewer(c, c.configured() ? MeteredChat.of(c, listeners) : null);
    }

    public ProviderConfig config() {
        return config;
    }

    /**
     * Reviews a document.
     *
     * @param schemaText the document as submitted
     * @param outcome what {@code Workflow.validate} said about it
     */
    public Review review(String schemaText, ValidationOutcome outcome, WorkflowListener listener) {
        AgentRun run = AgentRun.start(LlmAgent.SCHEMA_REVIEWER, listener);
        if (chat == null) {
            run.failed(AgentRun.NOT_CONFIGURED);
            return Review.failed(AgentRun.NOT_CONFIGURED, LlmStatus.of(config).message());
        }
        List<ChatMessage> messages = List.of(
                SystemMessage.from(Prompts.render("reviewer-system.md", Map.of())),
                UserMessage.from(Prompts.render("reviewer-user.md", Map.of(
                        "status", outcome.status(),
                        "findings", Prompts.findings(outcome.findings(), MAX_FINDINGS_IN_PROMPT),
                        "document", schemaText))));
        LlmResult<List<Suggestion>> r = chat.call(messages, parser, listener);
        if (!r.ok()) {
            run.failed(r.error().wire());
            return Review.failed(r.error().wire(), r.message());
        }
        run.succeeded();
        return Review.of(r.value());
    }
}
