package org.resolutionpolicy.spring;

import java.util.List;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the policy on the health endpoint: {@code UP} with the revision serving; for a watched policy whose last
 * reload failed, {@code resolution.policy.health.degraded-status} ({@code DEGRADED} by default: the last good revision
 * still decides) with the refused candidate's problems, their paths shortened to file names unless
 * {@code resolution.policy.actuator.full-paths} is on.
 */
final class PolicyHealthIndicator implements HealthIndicator {

    private final PolicyRuntime runtime;
    private final Status degraded;
    private final boolean fullPaths;

    PolicyHealthIndicator(PolicyRuntime runtime, String degradedStatus, boolean fullPaths) {
        this.runtime = runtime;
        this.degraded = new Status(degradedStatus);
        this.fullPaths = fullPaths;
    }

    @Override
    public Health health() {
        Policy policy = runtime.policy();
        ReloadStatus status = runtime.status().orElse(null);
        Health.Builder health = status != null && status.degraded() ? Health.status(degraded) : Health.up();
        health.withDetail("policy", policy.id()).withDetail("version", policy.version())
                .withDetail("revision", policy.revision());
        if (status != null) {
            health.withDetail("loadedAt", status.loadedAt().toString());
            if (status.degraded()) {
                health.withDetail("candidate", String.valueOf(status.lastAttempt().candidate()))
                        .withDetail("failedAt", status.lastAttempt().at().toString())
                        .withDetail("problems", paths(status.lastAttempt().problems().stream().map(Problem::toString)
                                .toList()));
            }
        }
        return health.build();
    }

    private List<String> paths(List<String> texts) {
        return fullPaths ? texts : FileNames.of(texts);
    }
}
