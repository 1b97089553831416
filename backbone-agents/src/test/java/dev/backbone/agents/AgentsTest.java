package dev.backbone.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backbone.agents.llm.LlmProvider;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.Workflow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentsTest {

    @Test
    void buildsBothAgentsWithoutAKeyOrANetworkAndReportsTheStatus() {
        Agents agents = Agents.from(Map.of(), new Workflow(), Limits.SERVICE);

        assertThat(agents.status().configured()).isFalse();
        assertThat(agents.status().message()).isEqualTo("LLM provider 'openai' not configured: OPENAI_API_KEY is not set");
        assertThat(agents.designer().config().provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(agents.reviewer().config().provider()).isEqualTo(LlmProvider.OPENAI);
    }

    @Test
    void aBadValueStopsConstructionNamingTheVariable() {
        assertThatThrownBy(() -> Agents.from(Map.of("SCHEMA_REVIEWER_LLM_PROVIDER", "bard"), new Workflow(), Limits.SERVICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SCHEMA_REVIEWER_LLM_PROVIDER='bard' is not a known LLM provider; allowed: openai|anthropic|google|ollama");
    }
}
