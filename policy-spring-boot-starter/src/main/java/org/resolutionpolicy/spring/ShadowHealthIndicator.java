package org.resolutionpolicy.spring;

import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the shadow's candidate on the health endpoint ({@code policyShadow}): its revision and state, and what the
 * shadow counted. Always {@code UP}: a candidate that failed to load changes nothing that is served, so it must not
 * take the instance out of service; its state {@code FAILED} and problems say why.
 */
final class ShadowHealthIndicator implements HealthIndicator {

    private final ObjectProvider<Policy> policies;

    ShadowHealthIndicator(ObjectProvider<Policy> policies) {
        this.policies = policies;
    }

    @Override
    public Health health() {
        if (!(policies.getIfAvailable() instanceof ShadowPolicy shadow)) {
            return Health.unknown().withDetail("state", "no shadow around the policy bean").build();
        }
        ShadowStatus s = shadow.status();
        Health.Builder health = Health.up().withDetail("state", s.state().name())
                .withDetail("serving", shadow.serving().revision());
        if (s.candidateRevision() != null) {
            health.withDetail("candidate", s.candidateRevision());
        }
        if (!s.failure().isEmpty()) {
            health.withDetail("problems", FileNames.of(s.failure()));
        }
        return health.withDetail("shadowed", s.shadowed()).withDetail("agreed", s.agreed())
                .withDetail("disagreed", s.disagreed()).withDetail("refused", s.refused())
                .withDetail("dropped", s.dropped()).withDetail("queued", s.queued())
                .withDetail("sampledOut", s.sampledOut()).build();
    }
}
