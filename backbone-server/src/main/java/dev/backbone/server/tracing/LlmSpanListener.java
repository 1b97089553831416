package dev.backbone.server.tracing;

import static dev.backbone.server.tracing.SpanAttributes.*;

import dev.backbone.agents.llm.LlmErrorType;
import dev.backbone.agents.llm.LlmListeners;
import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.agents.llm.ProviderConfig;
import dev.backbone.server.logging.SecretMasker;
import dev.backbone.server.requestid.RequestIds;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;
import org.slf4j.MDC;

/**
 * Each LLM request as a span, from LangChain4j's own model listener: a child of the current
 * span (the agent's), named {@code chat <model>}, with the GenAI semantic conventions (operation,
 * provider, request and response model, the provider's reported token usage) and LangSmith's
 * run kind {@code llm}. The prompt and the completion are recorded as
 * {@code gen_ai.prompt.N.role/content} and {@code gen_ai.completion.0.role/content} (the form
 * LangSmith reads as the run's inputs and outputs) unless {@code LANGCHAIN_HIDE_INPUTS} /
 * {@code LANGCHAIN_HIDE_OUTPUTS}; both are masked like log lines. Errors carry the
 * {@code error.type} of the LLM metrics and a masked message. Request headers, and so the key,
 * never reach the listener.
 */
public final class LlmSpanListener implements ChatModelListener {

    private static final String SPAN = LlmSpanListener.class.getName() + ".span";

    private final Tracer tracer;
    private final String provider;
    private final String model;
    private final boolean hideInputs;
    private final boolean hideOutputs;

    public LlmSpanListener(TracingService tracing, ProviderConfig config) {
        this.tracer = tracing.tracer();
        this.provider = providerName(config.provider());
        this.model = config.model();
        this.hideInputs = tracing.hideInputs();
        this.hideOutputs = tracing.hideOutputs();
    }

    /** Listeners for the agents' chat models; none when tracing is off. */
    public static LlmListeners listeners(TracingService tracing) {
        return tracing.enabled() ? config -> List.of(new LlmSpanListener(tracing, config)) : LlmListeners.NONE;
    }

    /** The GenAI convention's {@code gen_ai.provider.name} of a provider. */
    static String providerName(LlmProvider p) {
        return switch (p) {
            case OPENAI -> "openai";
            case ANTHROPIC -> "anthropic";
            case GOOGLE -> "gcp.gemini";
            case OLLAMA -> "ollama";
        };
    }

    @Override
    public void onRequest(ChatModelRequestContext ctx) {
        String requested = ctx.chatRequest().modelName() != null ? ctx.chatRequest().modelName() : model;
        Span span = tracer.spanBuilder("chat " + requested).setSpanKind(SpanKind.CLIENT).setParent(Context.current())
                .setAttribute(LANGSMITH_KIND, "llm")
                .setAttribute(GEN_AI_OPERATION, "chat")
                .setAttribute(GEN_AI_PROVIDER, provider)
                .setAttribute(GEN_AI_REQUEST_MODEL, requested)
                .startSpan();
        String id = MDC.get(RequestIds.MDC_KEY);
        if (id != null) {
            span.setAttribute(LANGSMITH_REQUEST_ID, id);
        }
        if (!hideInputs) {
            List<ChatMessage> messages = ctx.chatRequest().messages();
            for (int i = 0; i < messages.size(); i++) {
                span.setAttribute("gen_ai.prompt." + i + ".role", role(messages.get(i)));
                span.setAttribute("gen_ai.prompt." + i + ".content", SecretMasker.mask(text(messages.get(i))));
            }
        }
        ctx.attributes().put(SPAN, span);
    }

    @Override
    public void onResponse(ChatModelResponseContext ctx) {
        if (!(ctx.attributes().get(SPAN) instanceof Span span)) {
            return;
        }
        ChatResponse r = ctx.chatResponse();
        if (r.modelName() != null) {
            span.setAttribute(GEN_AI_RESPONSE_MODEL, r.modelName());
        }
        if (r.id() != null) {
            span.setAttribute(GEN_AI_RESPONSE_ID, r.id());
        }
        if (r.finishReason() != null) {
            span.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                    List.of(r.finishReason().name().toLowerCase(java.util.Locale.ROOT)));
        }
        TokenUsage usage = r.tokenUsage();
        if (usage != null && usage.inputTokenCount() != null) {
            span.setAttribute(GEN_AI_INPUT_TOKENS, usage.inputTokenCount().longValue());
        }
        if (usage != null && usage.outputTokenCount() != null) {
            span.setAttribute(GEN_AI_OUTPUT_TOKENS, usage.outputTokenCount().longValue());
        }
        if (!hideOutputs && r.aiMessage() != null && r.aiMessage().text() != null) {
            span.setAttribute("gen_ai.completion.0.role", "assistant");
            span.setAttribute("gen_ai.completion.0.content", SecretMasker.mask(r.aiMessage().text()));
        }
        span.end();
    }

    @Override
    public void onError(ChatModelErrorContext ctx) {
        Span span = ctx.attributes().get(SPAN) instanceof Span s ? s : null;
        if (span == null) {
            return;
        }
        Throwable e = ctx.error();
        String type = LlmErrorType.classify(e).wire();
        String message = SecretMasker.mask(String.valueOf(e.getMessage()));
        span.setAttribute(ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR, message);
        span.addEvent("exception", Attributes.of(AttributeKey.stringKey("exception.type"), e.getClass().getName(),
                AttributeKey.stringKey("exception.message"), message));
        span.end();
    }

    private static String role(ChatMessage m) {
        if (m instanceof SystemMessage) {
            return "system";
        }
        if (m instanceof UserMessage) {
            return "user";
        }
        if (m instanceof AiMessage) {
            return "assistant";
        }
        return m.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.hasSingleText() ? u.singleText() : String.valueOf(u.contents());
        }
        if (m instanceof AiMessage a) {
            return a.text() == null ? "" : a.text();
        }
        return String.valueOf(m);
    }
}
