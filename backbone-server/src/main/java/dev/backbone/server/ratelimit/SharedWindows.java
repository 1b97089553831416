package dev.backbone.server.ratelimit;

import dev.backbone.server.redis.RedisConnector;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The fixed windows of every replica, kept in Redis. One Lua script checks and takes all the
 * limits of a request at once (a request is admitted only when each has room, and then takes
 * one from each), so concurrent requests on any number of replicas never admit more than the
 * limit, and a refused request takes nothing: the same rules as {@link FixedWindowLimiter},
 * whose window opens with the client's first request and lasts its length (a key with that
 * expiry).
 */
public final class SharedWindows {

    /**
     * KEYS: one window per limit; ARGV: max and window length in ms for each. Returns
     * {admitted, count1, ttl1, count2, ttl2, ...}: the count after the request and the milliseconds
     * the window still has ({@code -1} for a window not yet opened).
     */
    static final String SCRIPT = """
            local n = #KEYS
            local counts, ttls, ok = {}, {}, 1
            for i = 1, n do
              local c = tonumber(redis.call('GET', KEYS[i]) or '0')
              local t = redis.call('PTTL', KEYS[i])
              if t < 0 then c = 0 end
              if c >= tonumber(ARGV[2 * i - 1]) then ok = 0 end
              counts[i], ttls[i] = c, t
            end
            local out = {ok}
            for i = 1, n do
              local c, t = counts[i], ttls[i]
              if ok == 1 then
                if c == 0 then
                  t = tonumber(ARGV[2 * i])
                  redis.call('SET', KEYS[i], 1, 'PX', t)
                  c = 1
                else
                  c = redis.call('INCR', KEYS[i])
                end
              end
              out[2 * i] = c
              out[2 * i + 1] = t
            end
            return out
            """;

    private final RedisConnector redis;
    private final String sha;
    private final String keyStart;

    public SharedWindows(RedisConnector redis) {
        this.redis = redis;
        this.sha = digest(SCRIPT);
        this.keyStart = redis.key("rl:{");
    }

    /**
     * Takes one request from each limit's window for {@code client}, or from none.
     *
     * @return one decision per limit, in order; all admitted, or at least one refused (and then nothing was taken)
     * @throws redis.clients.jedis.exceptions.JedisException when Redis does not answer in time
     */
    List<Decision> take(List<FixedWindowLimiter> limits, String client, long now) {
        return send(limits, client, now).decisions();
    }

    /**
     * Sends the script for one request and returns before Redis answers ({@link Taking#decisions()} reads it).
     *
     * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot be reached now
     */
    Taking send(List<FixedWindowLimiter> limits, String client, long now) {
        int n = limits.size();
        // KEYS then ARGV, as EVALSHA takes them.
        String[] params = new String[n * 3];
        for (int i = 0; i < n; i++) {
            FixedWindowLimiter l = limits.get(i);
            // The client in braces: one Redis Cluster hash slot for all of a client's windows, as the script needs.
            params[i] = keyStart + client + "}:" + l.name() + ":" + l.windowMillis();
            params[n + 2 * i] = Integer.toString(l.max());
            params[n + 2 * i + 1] = Long.toString(l.windowMillis());
        }
        return new Taking(limits, client, now, params, redis.send(script(Protocol.Command.EVALSHA, sha, n, params)));
    }

    /** The script sent for one request, its answer not read yet. */
    final class Taking {
        private final List<FixedWindowLimiter> limits;
        private final String client;
        private final long now;
        private final String[] params;
        private final RedisConnector.Sent sent;

        private Taking(List<FixedWindowLimiter> limits, String client, long now, String[] params, RedisConnector.Sent sent) {
            this.limits = limits;
            this.client = client;
            this.now = now;
            this.params = params;
            this.sent = sent;
        }

        /**
         * Reads the answer: one decision per limit, in order. Call it once.
         *
         * @throws redis.clients.jedis.exceptions.JedisException when Redis does not answer in time
         */
        List<Decision> decisions() {
            int n = limits.size();
            List<?> out;
            try {
                out = (List<?>) sent.reply();
            } catch (JedisNoScriptException e) {
                // First use on this Redis (or after a restart or SCRIPT FLUSH): EVAL loads it, EVALSHA works from then on.
                out = (List<?>) redis.send(script(Protocol.Command.EVAL, SCRIPT, n, params)).reply();
            }
            boolean admitted = ((Long) out.get(0)) == 1L;
            List<Decision> decisions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                FixedWindowLimiter l = limits.get(i);
                long count = (Long) out.get(1 + 2 * i);
                long ttl = (Long) out.get(2 + 2 * i);
                // now was taken before the script ran, so resetAt is never later than the key's expiry in Redis.
                long resetAt = now + (ttl < 0 ? l.windowMillis() : ttl);
                // Refused, a decision is refusing only when its own window is full: that is the limit the 429 names.
                decisions.add(new Decision(l, client, admitted || count < l.max(), (int) Math.max(0, l.max() - count),
                        resetAt - l.windowMillis(), resetAt, now));
            }
            return decisions;
        }
    }

    private static CommandArguments script(Protocol.Command command, String script, int keys, String[] params) {
        CommandArguments args = new CommandArguments(command).add(script).add(keys);
        for (int i = 0; i < params.length; i++) {
            if (i < keys) {
                args.key(params[i]);
            } else {
                args.add(params[i]);
            }
        }
        return args;
    }

    private static String digest(String script) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
