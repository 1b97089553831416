import com.sun.management.OperatingSystemMXBean;
import dev.backbone.server.config.Settings;
import dev.backbone.server.metrics.RateLimitEvents;
import dev.backbone.server.ratelimit.RateLimiter;
import dev.backbone.server.ratelimit.RouteLimit;
import dev.backbone.server.ratelimit.SharedLimitHealth;
import dev.backbone.server.ratelimit.SharedWindows;
import dev.backbone.server.redis.RedisConnector;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What one rate-limit decision of a validate request costs, in-process: the in-memory limiter
 * against the Redis one (the Lua script over the loopback), alternately, as the whole process's
 * CPU time per decision (every thread of the process, so a client's own I/O threads count too) and wall time.
 * The figure a validate request's server CPU (docs/performance.md, "HTTP service") is compared
 * with. Run by bench/scale-out.sh, or:
 *   java -cp 'backbone-cli/target/app/lib/*' bench/LimiterCost.java redis://127.0.0.1:6379 [N]
 */
public class LimiterCost {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Settings.RateLimits limits = new Settings.RateLimits(100_000_000, 100_000_000, 100_000_000, 100_000_000, 100_000_000);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (RedisConnector redis = new RedisConnector(url, "bench-limiter:" + ProcessHandle.current().pid() + ":",
                Duration.ofSeconds(2))) {
            RateLimiter memory = new RateLimiter(limits, RateLimitEvents.NONE, System::currentTimeMillis);
            RateLimiter shared = new RateLimiter(limits, RateLimitEvents.NONE, System::currentTimeMillis,
                    new SharedWindows(redis), false, new SharedLimitHealth(new CompositeMeterRegistry()));
            run(memory, n);
            run(shared, n);
            StringBuilder out = new StringBuilder();
            for (int round = 1; round <= 3; round++) {
                for (RateLimiter l : new RateLimiter[] {memory, shared}) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    run(l, n);
                    double cpu = (os.getProcessCpuTime() - c0) / 1e3 / n;
                    double wall = (System.nanoTime() - t0) / 1e3 / n;
                    out.append(String.format("round %d %s: %.1f µs CPU, %.1f µs wall per decision%n", round,
                            l == memory ? "memory" : "redis", cpu, wall));
                }
            }
            System.out.print(out);
        }
    }

    private static void run(RateLimiter l, int n) {
        for (int i = 0; i < n; i++) {
            if (!l.admit("ip:127.0.0.1", false, RouteLimit.VALIDATION).admitted()) {
                throw new IllegalStateException("refused: the bench's limits are too low");
            }
        }
    }
}
