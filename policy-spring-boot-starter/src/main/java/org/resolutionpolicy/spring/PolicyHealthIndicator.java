package org.resolutionpolicy.spring;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadStatus;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports a policy on the health endpoint: {@code UP} with the revision serving; for a watched policy whose last
 * reload failed, {@code resolution.policy.health.degraded-status} ({@code DEGRADED} by default: the last good revision
 * still decides) with {@code degraded: true} and the refused candidate's problems, their paths shortened to file names
 * unless {@code resolution.policy.actuator.full-paths} is on.
 */
final class PolicyHealthIndicator implements HealthIndicator {

    private final Supplier<Policy> policy;
    private final Supplier<Optional<ReloadStatus>> status;
    private final Status degraded;
    private final boolean fullPaths;

    PolicyHealthIndicator(PolicyRuntime runtime, String degradedStatus, boolean fullPaths) {
        this(runtime::policy, runtime::status, degradedStatus, fullPaths);
    }

    PolicyHealthIndicator(Supplier<Policy> policy, Supplier<Optional<ReloadStatus>> status, String degradedStatus,
                          boolean fullPaths) {
        this.policy = policy;
        this.status = status;
        this.degraded = new Status(degradedStatus);
        this.fullPaths = fullPaths;
    }

    @Override
    public Health health() {
        Policy serving = policy.get();
        ReloadStatus reload = status.get().orElse(null);
        boolean isDegraded = reload != null && reload.degraded();
        Health.Builder health = isDegraded ? Health.status(degraded) : Health.up();
        health.withDetail("policy", serving.id()).withDetail("version", serving.version())
                .withDetail("revision", serving.revision());
        if (reload != null) {
            health.withDetail("degraded", isDegraded).withDetail("loadedAt", reload.loadedAt().toString());
            if (isDegraded) {
                health.withDetail("candidate", String.valueOf(reload.lastAttempt().candidate()))
                        .withDetail("failedAt", reload.lastAttempt().at().toString())
                        .withDetail("problems", paths(reload.lastAttempt().problems().stream().map(Problem::toString)
                                .toList()));
            }
        }
        return health.build();
    }

    private List<String> paths(List<String> texts) {
        return fullPaths ? texts : FileNames.of(texts);
    }

    /**
     * Reports several policies on the health endpoint ({@code policies}), one component per policy id, of the ids
     * serving when asked: a watched directory's policies come and go with its files.
     */
    static final class Registry implements CompositeHealthContributor {

        private final PolicyRegistryRuntime runtime;
        private final String degradedStatus;
        private final boolean fullPaths;

        Registry(PolicyRegistryRuntime runtime, String degradedStatus, boolean fullPaths) {
            this.runtime = runtime;
            this.degradedStatus = degradedStatus;
            this.fullPaths = fullPaths;
        }

        @Override
        public HealthContributor getContributor(String name) {
            return runtime.served().stream().filter(p -> p.id().equals(name)).findFirst().map(this::indicator)
                    .orElse(null);
        }

        @Override
        public Stream<HealthContributors.Entry> stream() {
            return runtime.served().stream().map(p -> new HealthContributors.Entry(p.id(), indicator(p)));
        }

        private HealthIndicator indicator(ServedPolicy p) {
            return new PolicyHealthIndicator(p.policy(), p.status(), degradedStatus, fullPaths);
        }
    }
}
