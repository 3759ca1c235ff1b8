package org.resolutionpolicy.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.resolutionpolicy.api.Policy;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds the policy to the info endpoint: its id, version and revision, whether it is watched, and its locations, as
 * file names unless {@code resolution.policy.actuator.full-paths} is on.
 */
final class PolicyInfoContributor implements InfoContributor {

    private final PolicyRuntime runtime;
    private final boolean fullPaths;

    PolicyInfoContributor(PolicyRuntime runtime, boolean fullPaths) {
        this.runtime = runtime;
        this.fullPaths = fullPaths;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Policy policy = runtime.policy();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", policy.id());
        info.put("version", policy.version());
        info.put("revision", policy.revision());
        info.put("watched", runtime.live().isPresent());
        info.put("locations", fullPaths ? runtime.locations() : runtime.locations().stream().map(FileNames::location)
                .toList());
        builder.withDetail("policy", info);
    }
}
