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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request's rate-limit decision with its work around it, in-process, on THREADS threads at once
 * (as Tomcat's request threads): WORK µs of CPU (a busy loop standing for a validate) after the
 * in-memory limiter's decision, after the Redis one awaited (the blocking path), or while the Redis
 * one travels (the speculative path: send, work, read). Alternately, as the whole process's CPU
 * time per request and wall time. Run:
 *   java -cp 'backbone-cli/target/app/lib/*' bench/SpeculativeCost.java redis://127.0.0.1:6379 [N per thread] [THREADS] [WORK µs]
 */
public class SpeculativeCost {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        long workMicros = args.length > 3 ? Long.parseLong(args[3]) : 150;
        Settings.RateLimits limits = new Settings.RateLimits(1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long spins = calibrate(workMicros);
        try (RedisConnector redis = new RedisConnector(url, "bench-speculative:" + ProcessHandle.current().pid() + ":",
                Duration.ofSeconds(2))) {
            RateLimiter memory = new RateLimiter(limits, RateLimitEvents.NONE, System::currentTimeMillis);
            RateLimiter shared = new RateLimiter(limits, RateLimitEvents.NONE, System::currentTimeMillis,
                    new SharedWindows(redis), false, new SharedLimitHealth(new CompositeMeterRegistry()));
            String[] modes = {"memory", "blocking", "speculative"};
            for (String m : modes) {
                run(m, m.equals("memory") ? memory : shared, n, threads, spins);
            }
            StringBuilder out = new StringBuilder();
            for (int round = 1; round <= 3; round++) {
                for (String m : modes) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    run(m, m.equals("memory") ? memory : shared, n, threads, spins);
                    double total = (double) n * threads;
                    out.append(String.format("round %d %s: %.1f µs CPU, %.1f µs wall per request (%d threads, %d µs work)%n",
                            round, m, (os.getProcessCpuTime() - c0) / 1e3 / total, (System.nanoTime() - t0) / 1e3 / total,
                            threads, workMicros));
                }
            }
            System.out.print(out);
        }
    }

    private static void run(String mode, RateLimiter l, int n, int threads, long spins) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        AtomicLong refused = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            String client = "ip:10.0.0." + t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    boolean ok;
                    if (mode.equals("speculative")) {
                        RateLimiter.Pending p = l.send(client, false, RouteLimit.VALIDATION);
                        work(spins);
                        ok = p.verdict().admitted();
                    } else {
                        ok = l.admit(client, false, RouteLimit.VALIDATION).admitted();
                        work(spins);
                    }
                    if (!ok) {
                        refused.incrementAndGet();
                    }
                }
            });
            th.start();
            ts.add(th);
        }
        for (Thread t : ts) {
            t.join();
        }
        if (refused.get() > 0) {
            throw new IllegalStateException("refused: the bench's limits are too low");
        }
    }

    private static void work(long spins) {
        long x = spins | 1;
        for (long i = 0; i < spins; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
    }

    /** Spins for {@code micros} of work, measured once the loop is compiled (the fastest of several tries). */
    private static long calibrate(long micros) {
        long spins = 1_000_000;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            work(spins);
            best = Math.min(best, (System.nanoTime() - t0) / (double) spins);
        }
        return Math.max(1, (long) (micros * 1000 / best));
    }
}
