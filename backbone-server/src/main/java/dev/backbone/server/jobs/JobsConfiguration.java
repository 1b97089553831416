package dev.backbone.server.jobs;

import dev.backbone.server.api.JobRoutes;
import dev.backbone.server.config.ScaleOut;
import dev.backbone.server.config.Settings;
import dev.backbone.server.health.HealthCheck;
import dev.backbone.server.redis.RedisConnector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs API's parts: the store (Redis with {@code REDIS_URL}, else this process), this
 * replica's workers, the progress listener, the {@code backbone_jobs_*} metrics and the
 * readiness component {@code jobs}.
 */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    /** This process's name in the consumer group: host, pid and a random part (a restarted pod is a new consumer). */
    static String replicaName() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        return runtime + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean(destroyMethod = "close")
    JobStore jobStore(Settings settings) {
        ScaleOut s = settings.scaleOut();
        if (!s.jobsRedis().isSet()) {
            return new MemoryJobStore(s.jobs().resultTtl(), System::currentTimeMillis);
        }
        return new RedisJobStore(new RedisConnector(s.jobsRedis().value(), s.keyPrefix(), s.redisTimeout()), replicaName(),
                s.jobs().resultTtl());
    }

    @Bean
    JobProgress jobProgress() {
        return new JobProgress();
    }

    /** Holds the workers' gauge before the workers exist. */
    @Bean
    JobMetrics jobMetrics(ObjectProvider<MeterRegistry> registry, JobStore store, ObjectProvider<JobWorkers> workers,
            Settings settings) {
        return new JobMetrics(registry.getIfAvailable(CompositeMeterRegistry::new), () -> {
            try {
                return store.queued();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }, () -> {
            JobWorkers w = workers.getIfAvailable();
            return w == null ? 0 : w.running();
        }, settings.scaleOut().jobs().concurrency());
    }

    @Bean(initMethod = "start", destroyMethod = "")
    JobWorkers jobWorkers(JobStore store, JobRoutes routes, JobMetrics metrics, Settings settings,
            dev.backbone.server.tracing.TracingService tracing) {
        ScaleOut.Jobs j = settings.scaleOut().jobs();
        String replica = replicaName();
        return new JobWorkers(store, new JobRunner(store, routes, metrics, replica, tracing), replica, j.concurrency(), j.claimTimeout());
    }

    /** Stops the workers before the store closes, giving running jobs the drain's time. */
    @Bean(destroyMethod = "close")
    AutoCloseable jobWorkersShutdown(JobWorkers workers, Settings settings) {
        return () -> workers.stop(settings.server().shutdownTimeout());
    }

    @Bean
    JobsController.JobsSettings jobsSettings(Settings settings) {
        return new JobsController.JobsSettings(settings.scaleOut().jobs().maxQueued());
    }

    @Bean
    HealthCheck jobsHealthCheck(JobStore store, JobWorkers workers, Settings settings) {
        return new JobsHealthCheck(store, workers, settings.scaleOut().jobs().concurrency());
    }
}
