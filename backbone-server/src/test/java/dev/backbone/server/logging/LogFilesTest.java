package dev.backbone.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import dev.backbone.server.support.ServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The running service's file appender: {@code LOG_DIR/app.log}, daily and size rotation, 30 days kept. */
@ServerTest
class LogFilesTest {

    @Test
    void theFileRotatesDailyAndBySizeAndKeepsThirtyDays() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        assertThat(appender).isInstanceOf(RollingFileAppender.class);
        RollingFileAppender<?> file = (RollingFileAppender<?>) appender;
        assertThat(Path.of(file.getFile()).toAbsolutePath()).isEqualTo(Path.of("target/test-logs/app.log").toAbsolutePath());
        SizeAndTimeBasedRollingPolicy<?> policy = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertThat(policy.getFileNamePattern()).isEqualTo("target/test-logs/app.%d{yyyy-MM-dd}.%i.log.gz");
        assertThat(policy.getMaxHistory()).isEqualTo(30);
        assertThat(file.isStarted()).isTrue();
        assertThat(ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
    }
}
