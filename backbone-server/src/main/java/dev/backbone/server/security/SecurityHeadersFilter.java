package dev.backbone.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every response ({@code ENABLE_SECURITY_HEADERS}, default on). The API
 * answers JSON and text, so its Content-Security-Policy allows nothing at all; the interactive
 * docs ({@code /docs}, Swagger UI's files under {@code /swagger-ui/}) get a policy that lets
 * the page load its own scripts, styles and the OpenAPI document from this origin and nothing
 * from anywhere else (Swagger UI sets inline styles, hence {@code style-src 'unsafe-inline'};
 * no inline script is allowed). HSTS is sent only with {@code APP_ENV=production}, where TLS is
 * expected in front of the service; sent over plain HTTP in development it would pin browsers
 * to HTTPS on localhost.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean hsts;

    SecurityHeadersFilter(boolean hsts) {
        this.hsts = hsts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", docs(request.getRequestURI()) ? DOCS_POLICY : API_POLICY);
        if (hsts) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }

    private static boolean docs(String path) {
        return path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/swagger-ui/");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
