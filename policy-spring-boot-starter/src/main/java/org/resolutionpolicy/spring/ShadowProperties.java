package org.resolutionpolicy.spring;

import java.nio.file.Path;
import java.util.List;
import org.resolutionpolicy.api.ShadowBuilder;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Holds the {@code resolution.policy.shadow.*} properties: a candidate policy tried beside the serving one on every
 * case, and its shadow log.
 *
 * @param candidate the candidate's files and directories (all of them make one policy); setting them turns the shadow
 *                  on. They are followed: each saved edit that compiles is the new candidate
 * @param queueCapacity how many cases may wait for a shadow worker; more are dropped and counted, never waited for
 * @param workers how many threads decide with the candidate
 * @param log the shadow log: a disagreement per line, agreements tallied
 * @param inDecisionLog whether the decision log ({@code resolution.policy.decision-log.path}) names the shadow's
 *                      outcome of each case, in a line the shadow worker writes after the candidate decided, keyed by
 *                      the decision's id ({@link org.resolutionpolicy.api.DecisionLog#shadowOutcomes()}); the served
 *                      decision never waits for it. Off by default: it adds a line per shadowed case
 * @param sample the share of the served cases the candidate decides, more than 0 and at most 1 (every case, the
 *               default); the others are counted as sampled out ({@code resolution.policy.shadow.sampled-out}), not
 *               dropped
 */
@ConfigurationProperties(ShadowProperties.PREFIX)
public record ShadowProperties(List<Path> candidate, @DefaultValue("1024") int queueCapacity,
                               @DefaultValue("1") int workers, @DefaultValue Log log,
                               @DefaultValue("false") boolean inDecisionLog, @DefaultValue("1") double sample) {

    /** The prefix of the shadow's properties. */
    public static final String PREFIX = PolicyProperties.PREFIX + ".shadow";

    /**
     * Creates the properties, copying the candidate's paths.
     *
     * @throws IllegalArgumentException if the queue or the pool is smaller than 1, or the sample is not more than 0
     *                                  and at most 1
     */
    public ShadowProperties {
        candidate = candidate == null ? List.of() : List.copyOf(candidate);
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(PREFIX + ".queue-capacity must be at least 1, was [" + queueCapacity
                    + "]");
        }
        if (workers < 1) {
            throw new IllegalArgumentException(PREFIX + ".workers must be at least 1, was [" + workers + "]");
        }
        if (!(sample > 0 && sample <= 1)) {
            throw new IllegalArgumentException(PREFIX + ".sample must be more than 0 and at most 1 (every case), was ["
                    + sample + "]: 0.1 shadows one case in ten");
        }
    }

    /**
     * Holds the {@code resolution.policy.shadow.log.*} properties: a log is written only when a path is set. The
     * masking is the decision log's.
     *
     * @param path the file the shadow lines are appended to; no log when unset
     * @param customerId how the customer id is written
     * @param employeeId how the employee id is written
     * @param caseId how the case id is written
     * @param salt mixed into hashed ids; when empty, the log generates one and keeps it beside the file
     *             ({@code PATH.salt}); set the decision log's salt here too to join the two logs by hashed ids
     * @param agreementSample the share of agreements logged in full, from 0 to 1
     */
    public record Log(Path path, @DefaultValue("HASH") DecisionLog.Masking customerId,
                      @DefaultValue("HASH") DecisionLog.Masking employeeId,
                      @DefaultValue("KEEP") DecisionLog.Masking caseId, @DefaultValue("") String salt,
                      @DefaultValue("0") double agreementSample) {

        /** Returns the options of the log. */
        public ShadowLog.Options options() {
            return new ShadowLog.Options(new DecisionLog.Options(customerId, employeeId, caseId,
                    salt == null ? "" : salt), agreementSample);
        }
    }

    /** Returns the builder of a shadow of these properties around a serving policy, without its listeners. */
    ShadowBuilder builder(org.resolutionpolicy.api.Policy serving) {
        Path first = candidate.get(0);
        return Policies.shadow(serving).candidate(first, candidate.subList(1, candidate.size())
                .toArray(Path[]::new)).queueCapacity(queueCapacity).workers(workers).sample(sample);
    }
}
