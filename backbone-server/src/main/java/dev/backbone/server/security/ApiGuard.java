package dev.backbone.server.security;

import dev.backbone.server.config.Settings;
import dev.backbone.server.ratelimit.RateLimiter;
import dev.backbone.server.ratelimit.RouteLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards every {@code /api/v1} route (a Spring MVC interceptor, so it runs once the route is
 * known, before the body is read): authentication when {@code ENABLE_AUTH=true}, the route's
 * scope, and the rate limits.
 *
 * <p>Order matters. The credential is read first, because the general limit depends on it
 * ({@code authenticated} by principal, else {@code public} by IP). The limits are applied
 * before a missing or wrong credential is refused, so failed attempts count against the
 * client's public limit: guessing keys from one address costs the same as any other request.
 * A credential that is presented but wrong on an open route is ignored (the client is public).
 * A request refused with 401 or 403 counts only against the general limit, never the route's.
 *
 * <p>On a {@link Guard#speculative() speculative} route buffered by {@link SpeculativeLimitFilter}
 * the limiter's question is sent to Redis here and answered after the route has run; everywhere
 * else (and when the answer is known without Redis) this guard waits for it.
 */
final class ApiGuard implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ApiGuard.class);

    private final boolean authRequired;
    private final Authenticator authenticator;
    private final RateLimiter limiter;

    /**
     * @param authenticator null when no credential is configured
     * @param limiter null when {@code ENABLE_RATE_LIMITING=false}
     */
    ApiGuard(Settings settings, Authenticator authenticator, RateLimiter limiter) {
        this.authRequired = settings.security().enableAuth();
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        Guard guard = method.getMethodAnnotation(Guard.class);
        boolean open = guard != null && guard.open();
        String scope = guard == null ? "" : guard.scope();
        Authentication auth = authenticator == null ? Authentication.ANONYMOUS : authenticator.authenticate(request);
        Principal principal = auth instanceof Authentication.Authenticated a ? a.principal() : null;
        boolean needsCredential = authRequired && !open;
        boolean allowed = !needsCredential || principal != null && principal.has(scope);

        if (limiter != null) {
            String client = principal != null ? principal.id() : "ip:" + request.getRemoteAddr();
            RouteLimit route = allowed && guard != null ? guard.limit() : RouteLimit.NONE;
            RateLimiter.Pending p = limiter.send(client, principal != null, route);
            SpeculativeLimit slot = guard != null && guard.speculative() ? SpeculativeLimit.of(request) : null;
            if (slot != null && !p.answered()) {
                // Redis answers while the route runs; SpeculativeLimitFilter reads the verdict afterwards.
                slot.await(p);
            } else {
                RateLimiter.Verdict v = p.verdict();
                GuardResponses.rateLimitHeaders(response, v.describe());
                if (!v.admitted()) {
                    log.debug("Rate limit {} refused {} {} for {}", v.describe().limit(), request.getMethod(),
                            request.getRequestURI(), principal != null ? principal.id() : "a public client");
                    GuardResponses.tooManyRequests(request, response, v.describe());
                    return false;
                }
            }
        }
        if (needsCredential && principal == null) {
            String reason = auth instanceof Authentication.Invalid i ? i.message() : null;
            String message = reason != null ? reason : "authentication required: " + authenticator.howTo();
            log.info("Refused {} {}: 401 {}", request.getMethod(), request.getRequestURI(),
                    reason != null ? reason : "no credential");
            GuardResponses.unauthorized(request, response, message, authenticator.challenges(auth));
            return false;
        }
        if (!allowed) {
            String message = "the token lacks the scope '" + scope + "' that " + request.getMethod() + " "
                    + request.getRequestURI() + " needs";
            log.info("Refused {} {}: 403 for {} ({})", request.getMethod(), request.getRequestURI(), principal.id(), message);
            GuardResponses.forbidden(request, response, message, authenticator.insufficientScope(scope));
            return false;
        }
        if (principal != null) {
            request.setAttribute(Principal.ATTRIBUTE, principal);
            log.debug("Authenticated {} {} as {} ({})", request.getMethod(), request.getRequestURI(), principal.id(),
                    principal.kind());
        }
        return true;
    }
}
