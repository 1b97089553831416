package dev.backbone.server.api;

import java.util.List;
import java.util.Map;

/**
 * How a route lays out a refused request, so a 4xx body keeps the route's own fields
 * ({@code status: "failed"}, {@code errors[]}, ...) next to {@code error}, {@code message} and
 * {@code request_id}: a client reads one shape whatever the outcome.
 */
@FunctionalInterface
interface Shape {

    Map<String, Object> failed(List<FindingView> errors, List<FindingView> warnings, List<FindingView> info);

    /** {@code POST /api/v1/validate}: {@code {status, valid, errors, warnings, info, build_order}}. */
    Shape VALIDATE = (errors, warnings, info) -> {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", "failed");
        m.put("valid", false);
        m.put("errors", errors);
        m.put("warnings", warnings);
        m.put("info", info);
        m.put("build_order", List.of());
        return m;
    };
}
