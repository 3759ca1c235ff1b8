package org.resolutionpolicy.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.PolicyWatch;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holds the {@code resolution.policy.*} properties of the starter: where the policy is, whether it is followed, and
 * the decision log.
 *
 * @param locations the policy's files and directories ({@code /srv/policies/coffee-shop.yaml},
 *                  {@code /srv/policies}), or classpath resources ({@code classpath:policies/coffee-shop.yaml}); all of
 *                  them make one policy, as {@code Policies.load} reads them
 * @param watch whether to follow the files and serve each saved edit that compiles without errors (files only)
 * @param debounce how long file events must be quiet before a watched policy is read again
 * @param pollInterval how often a watched policy is read and compared without file events
 * @param allowDrl whether a watched policy may include DRL, which is code that runs in the application
 * @param maxLoadTime the longest one load (or reload) may take; none by default
 * @param decisionLog the JSON-lines decision log
 * @param health how the health endpoint reports the policy
 */
@ConfigurationProperties("resolution.policy")
public record PolicyProperties(List<String> locations, @DefaultValue("false") boolean watch,
                               @DefaultValue("100ms") Duration debounce, @DefaultValue("5s") Duration pollInterval,
                               @DefaultValue("false") boolean allowDrl, Duration maxLoadTime,
                               @DefaultValue Log decisionLog, @DefaultValue Health health) {

    /** The prefix of every property of the starter. */
    public static final String PREFIX = "resolution.policy";

    /**
     * Creates the properties, copying the locations. Debounce and poll interval are checked when a watched policy
     * starts, by {@link PolicyWatch}, whose bounds they have.
     */
    public PolicyProperties {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    /**
     * Holds the {@code resolution.policy.decision-log.*} properties: a log is written only when a path is set.
     *
     * @param path the file the decision lines are appended to; no log when unset
     * @param customerId how the customer id is written
     * @param employeeId how the employee id is written
     * @param caseId how the case id is written
     * @param salt mixed into hashed ids, so that they cannot be looked up in a table of known ids; when empty, the log
     *             generates a salt and keeps it beside the log file ({@code PATH.salt}), and says so
     */
    public record Log(Path path, @DefaultValue("HASH") DecisionLog.Masking customerId,
                      @DefaultValue("HASH") DecisionLog.Masking employeeId,
                      @DefaultValue("KEEP") DecisionLog.Masking caseId, @DefaultValue("") String salt) {

        /** Returns the masking options of the log. */
        public DecisionLog.Options options() {
            return new DecisionLog.Options(customerId, employeeId, caseId, salt == null ? "" : salt);
        }
    }

    /**
     * Holds the {@code resolution.policy.health.*} properties.
     *
     * @param degradedStatus the health status of a watched policy whose last reload failed: it still decides with the
     *                       last good revision, so the default {@code DEGRADED} keeps the instance in service (HTTP
     *                       200); {@code DOWN} takes it out
     */
    public record Health(@DefaultValue("DEGRADED") String degradedStatus) {
    }
}
