package dev.backbone.server.security;

import dev.backbone.server.ratelimit.RouteLimit;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an {@code /api/v1} route needs, written where the route is declared. A route without
 * this annotation still needs a valid credential when {@code ENABLE_AUTH=true} and counts
 * against its client's general rate limit: a new route is protected unless it says otherwise.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Guard {

    /** The scope a JWT must carry ({@code generate}, {@code validate}); empty: any valid credential. */
    String scope() default "";

    /** The route's own rate limit, on top of the client's general one. */
    RouteLimit limit() default RouteLimit.NONE;

    /**
     * True for routes whose work has no effect outside the answer (no paid call, nothing queued
     * or stored): with shared limits their Redis check travels while the route runs, and a refused
     * request's computed answer is thrown away for the 429 ({@link SpeculativeLimitFilter}). A
     * route that does something irreversible on some requests must call
     * {@link SpeculativeLimit#settle} before it.
     */
    boolean speculative() default false;

    /** True for routes that answer without a credential even with {@code ENABLE_AUTH=true} ({@code GET /api/v1/status}). */
    boolean open() default false;
}
