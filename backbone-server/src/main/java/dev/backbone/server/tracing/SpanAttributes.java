package dev.backbone.server.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names on our spans: OpenTelemetry's semantic conventions where one exists
 * (HTTP, {@code error.type}, GenAI), LangSmith's ({@code langsmith.span.kind} chain/llm/tool,
 * {@code langsmith.metadata.*}) so LangSmith shows runs of the right kind, and ours under
 * {@code backbone.*}. Values that come from users (prompts, completions, messages) are masked
 * by {@code SecretMasker} before they are set.
 */
public final class SpanAttributes {

    public static final AttributeKey<String> LANGSMITH_KIND = AttributeKey.stringKey("langsmith.span.kind");
    public static final AttributeKey<String> LANGSMITH_REQUEST_ID = AttributeKey.stringKey("langsmith.metadata.request_id");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("backbone.request_id");
    public static final AttributeKey<String> WORKFLOW = AttributeKey.stringKey("backbone.workflow");
    public static final AttributeKey<String> WORKFLOW_STATUS = AttributeKey.stringKey("backbone.workflow.status");
    public static final AttributeKey<String> STAGE = AttributeKey.stringKey("backbone.stage");
    public static final AttributeKey<String> AGENT = AttributeKey.stringKey("backbone.agent");
    public static final AttributeKey<String> TOOL = AttributeKey.stringKey("backbone.tool");
    public static final AttributeKey<String> PROJECT = AttributeKey.stringKey("backbone.project.name");
    public static final AttributeKey<Long> TABLES = AttributeKey.longKey("backbone.tables");
    public static final AttributeKey<Long> ERRORS = AttributeKey.longKey("backbone.findings.errors");
    public static final AttributeKey<Long> WARNINGS = AttributeKey.longKey("backbone.findings.warnings");
    public static final AttributeKey<Long> INFOS = AttributeKey.longKey("backbone.findings.info");
    public static final AttributeKey<Long> FILES = AttributeKey.longKey("backbone.files_generated");
    public static final AttributeKey<Long> LINES = AttributeKey.longKey("backbone.lines_generated");
    public static final AttributeKey<Long> MODELS = AttributeKey.longKey("backbone.models_generated");

    public static final AttributeKey<String> GEN_AI_OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> GEN_AI_PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> GEN_AI_REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    public static final AttributeKey<String> GEN_AI_RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    public static final AttributeKey<Long> GEN_AI_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> GEN_AI_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<String> GEN_AI_AGENT = AttributeKey.stringKey("gen_ai.agent.name");

    public static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    public static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");

    private SpanAttributes() {}
}
