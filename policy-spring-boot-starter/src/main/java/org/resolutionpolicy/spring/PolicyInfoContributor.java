package org.resolutionpolicy.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.resolutionpolicy.api.Policy;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Adds the policy to the info endpoint: its id, version and revision, and whether it is watched. */
final class PolicyInfoContributor implements InfoContributor {

    private final PolicyRuntime runtime;

    PolicyInfoContributor(PolicyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Policy policy = runtime.policy();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", policy.id());
        info.put("version", policy.version());
        info.put("revision", policy.revision());
        info.put("watched", runtime.live().isPresent());
        info.put("locations", runtime.locations());
        builder.withDetail("policy", info);
    }
}
