package org.resolutionpolicy.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.PolicyWatch;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param policies several policies, each from locations of its own, keyed by policy id
 *                 ({@code resolution.policy.policies.coffee-shop.locations=/srv/policies/coffee-shop.yaml}): a
 *                 {@code PolicyRegistry} bean, each followed on its own when watched
 * @param directory a directory of policies ({@code /srv/policies}): each policy file in it, and each subdirectory, is a
 *                  policy of a {@code PolicyRegistry} bean ({@code Policies.registry}), followed as one unit when
 *                  watched
 */
@ConfigurationProperties("resolution.policy")
public record PolicyProperties(List<String> locations, @DefaultValue("false") boolean watch,
                               @DefaultValue("100ms") Duration debounce, @DefaultValue("5s") Duration pollInterval,
                               @DefaultValue("false") boolean allowDrl, Duration maxLoadTime,
                               @DefaultValue Log decisionLog, @DefaultValue Health health,
                               Map<String, Source> policies, Path directory) {

    /** The prefix of every property of the starter. */
    public static final String PREFIX = "resolution.policy";

    /**
     * Creates the properties, copying the locations. Debounce and poll interval are checked when a watched policy
     * starts, by {@link PolicyWatch}, whose bounds they have.
     */
    @ConstructorBinding
    public PolicyProperties {
        locations = locations == null ? List.of() : List.copyOf(locations);
        policies = policies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    }

    /**
     * Creates the properties of one policy, without a registry.
     *
     * @param locations the policy's files and directories, or classpath resources
     * @param watch whether to follow the files
     * @param debounce how long file events must be quiet before a watched policy is read again
     * @param pollInterval how often a watched policy is read and compared without file events
     * @param allowDrl whether a watched policy may include DRL
     * @param maxLoadTime the longest one load may take, or null
     * @param decisionLog the decision log
     * @param health how the health endpoint reports the policy
     */
    public PolicyProperties(List<String> locations, boolean watch, Duration debounce, Duration pollInterval,
                            boolean allowDrl, Duration maxLoadTime, Log decisionLog, Health health) {
        this(locations, watch, debounce, pollInterval, allowDrl, maxLoadTime, decisionLog, health, Map.of(), null);
    }

    /**
     * Holds the {@code resolution.policy.policies.<id>.*} properties: where one policy of several is.
     *
     * @param locations the policy's files and directories, or classpath resources, as {@code resolution.policy.locations}
     */
    public record Source(List<String> locations) {

        /** Creates the source, copying the locations. */
        public Source {
            locations = locations == null ? List.of() : List.copyOf(locations);
        }
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
     * @param cases whether each decision line carries its case (ids masked as above), so that the log can be replayed
     *              as a history ({@code policy replay --history})
     * @param flushInterval the longest a decision waits in the log's buffer before it is written; {@code 0} writes
     *                      each at once
     * @param sync whether each decision is also forced to the disk ({@code fsync}), what a power cut would lose
     */
    public record Log(Path path, @DefaultValue("HASH") DecisionLog.Masking customerId,
                      @DefaultValue("HASH") DecisionLog.Masking employeeId,
                      @DefaultValue("KEEP") DecisionLog.Masking caseId, @DefaultValue("") String salt,
                      @DefaultValue("false") boolean cases, @DefaultValue("1s") Duration flushInterval,
                      @DefaultValue("false") boolean sync) {

        /** Creates the log properties with the defaults of cases (off), flush interval (1s) and sync (off). */
        public Log(Path path, DecisionLog.Masking customerId, DecisionLog.Masking employeeId,
                   DecisionLog.Masking caseId, String salt) {
            this(path, customerId, employeeId, caseId, salt, false, DecisionLog.Options.DEFAULT_FLUSH_INTERVAL, false);
        }

        /** Binds the properties. */
        @ConstructorBinding
        public Log {
        }

        /** Returns the options of the log: masking, cases, flush interval and sync. */
        public DecisionLog.Options options() {
            DecisionLog.Options options = new DecisionLog.Options(customerId, employeeId, caseId,
                    salt == null ? "" : salt, cases,
                    flushInterval == null ? DecisionLog.Options.DEFAULT_FLUSH_INTERVAL : flushInterval, false);
            return sync ? options.withSync() : options;
        }
    }

    /**
     * Holds the {@code resolution.policy.health.*} properties.
     *
     * @param degradedStatus the health status of a watched policy whose last reload failed: it still decides with the
     *                       last good revision, so the default {@code DEGRADED} keeps the instance in service (HTTP
     *                       200); {@code DOWN} takes it out. Spring Boot leaves a status out of the overall
     *                       one unless it is in {@code management.endpoint.health.status.order}: the
     *                       {@code degraded} detail is {@code true} either way
     */
    public record Health(@DefaultValue("DEGRADED") String degradedStatus) {
    }
}
