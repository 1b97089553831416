package dev.backbone.server.health;

import java.util.Collection;

/** Told about each readiness evaluation (the metrics feature turns it into {@code backbone_health_status}). */
public interface HealthObserver {

    void observed(Collection<ComponentHealth> components);
}
