package org.resolutionpolicy.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holds the {@code resolution.policy.actuator.*} properties: what the health and info endpoints may show.
 *
 * @param fullPaths whether the endpoints show the policy's paths as they are; by default they show file names only
 *                  ({@code coffee-shop.yaml:57:14: error: ...}), since an endpoint's output often travels further than
 *                  the servers' layout should
 */
@ConfigurationProperties(PolicyActuatorProperties.PREFIX)
public record PolicyActuatorProperties(@DefaultValue("false") boolean fullPaths) {

    /** The prefix of these properties. */
    public static final String PREFIX = "resolution.policy.actuator";
}
