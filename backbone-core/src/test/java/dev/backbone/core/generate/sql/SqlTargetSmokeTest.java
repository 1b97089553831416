package dev.backbone.core.generate.sql;

import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.schema.DbType;
import org.junit.jupiter.api.Test;

class SqlTargetSmokeTest {
    @Test
    void print() {
        for (DbType db : DbType.values()) {
            System.out.println(new SqlTarget().render(SqlTestPlans.blog(db), TemplateRenderer.packaged()).get(0).content());
            System.out.println(new SqlTarget().render(SqlTestPlans.everything(db), TemplateRenderer.packaged()).get(0).content());
        }
    }
}
