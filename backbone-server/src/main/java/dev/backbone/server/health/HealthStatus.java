package dev.backbone.server.health;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The guide's three states, worst last; the gauge value is what {@code backbone_health_status} reports. */
public enum HealthStatus {
    HEALTHY(1.0),
    DEGRADED(0.5),
    UNHEALTHY(0.0);

    private final double gaugeValue;

    HealthStatus(double gaugeValue) {
        this.gaugeValue = gaugeValue;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double gaugeValue() {
        return gaugeValue;
    }

    public HealthStatus worse(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
