package dev.backbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanCommandTest {

    @Test
    void printsOrderAndPerTableSummary() {
        CliRunner.Run r = CliRunner.run("plan", "--schema", CliRunner.example("ecommerce_schema.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("project EcommerceBackend (postgresql)");
        assertThat(r.out()).containsPattern("order_items\\s+OrderItem\\s+\\d+ columns\\s+depends on: orders, products");
        assertThat(r.out()).contains("order_items -> OrderItem (one_to_many, back_populates order)");
    }

    @Test
    void jsonPlanHasTablesInBuildOrder() throws Exception {
        CliRunner.Run r = CliRunner.run("plan", "--json", CliRunner.example("blog_schema.json").toString());
        assertThat(r.exit()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        JsonNode plan = j.get("plan");
        assertThat(plan.get("build_order").toString()).isEqualTo("[\"users\",\"posts\",\"comments\"]");
        assertThat(plan.get("tables").get(1).get("class").asString()).isEqualTo("Post");
        assertThat(plan.get("tables").get(1).get("mixins").toString()).isEqualTo("[\"TimestampMixin\",\"SoftDeleteMixin\"]");
    }
}
