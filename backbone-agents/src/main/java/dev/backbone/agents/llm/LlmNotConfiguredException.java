package dev.backbone.agents.llm;

/** A provider was asked for without its key; the message names the variable to set, never a key. */
public final class LlmNotConfiguredException extends IllegalStateException {

    public LlmNotConfiguredException(ProviderConfig config) {
        super(LlmStatus.of(config).message());
    }
}
