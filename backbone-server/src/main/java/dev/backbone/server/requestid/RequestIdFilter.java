package dev.backbone.server.requestid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its id before anything else runs: sets {@code X-Request-ID} on the
 * response (so errors and 404s carry it too), puts it in the MDC for every log line written
 * while serving the request (the workflow's own lines included, since it runs on this thread),
 * and keeps it as a request attribute for error dispatches.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object existing = request.getAttribute(RequestIds.ATTRIBUTE);
        String id = existing instanceof String s ? s : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The id of the request being served (attribute first, MDC second), or null outside a request. */
    public static String current(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(RequestIds.ATTRIBUTE);
        return id instanceof String s ? s : MDC.get(RequestIds.MDC_KEY);
    }
}
