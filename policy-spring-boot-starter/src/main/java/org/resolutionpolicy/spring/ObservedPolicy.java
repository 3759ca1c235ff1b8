package org.resolutionpolicy.spring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * A policy that decides through another and tells the metrics how long each decision took and what it decided
 * (or that the case was invalid), and makes each decision a Micrometer {@link Observation} named
 * {@value #OBSERVATION}: low-cardinality key values {@code policy} and {@code outcome} (as the decisions counter names
 * it), high-cardinality {@code case.id} (when the case has one) and {@code revision}; an invalid case is the
 * observation's error. Tracing through the OpenTelemetry bridge makes each a span. Everything else is the other
 * policy's.
 */
final class ObservedPolicy implements Policy {

    /** The name of each decision's observation. */
    static final String OBSERVATION = "resolution.policy.decision";

    /** What the metrics are told of each decision. */
    interface Decisions {
        /** Hears a decision and its time in nanoseconds. */
        void decided(Decision decision, long nanos);

        /** Hears a case that did not fit the policy. */
        void invalid(Policy policy, long nanos);
    }

    private final Policy policy;
    private final Decisions decisions;
    private final ObservationRegistry observations;

    ObservedPolicy(Policy policy, Decisions decisions, ObservationRegistry observations) {
        this.policy = policy;
        this.decisions = decisions;
        this.observations = observations;
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName("decide " + policy.id()).lowCardinalityKeyValue("policy", policy.id());
        if (customerCase != null && customerCase.id() != null) {
            observation.highCardinalityKeyValue("case.id", customerCase.id());
        }
        observation.start();
        long start = System.nanoTime();
        try (Observation.Scope scope = observation.openScope()) {
            Decision decision = policy.decide(customerCase);
            decisions.decided(decision, System.nanoTime() - start);
            observation.lowCardinalityKeyValue("outcome", Outcomes.strictest(decision))
                    .highCardinalityKeyValue("revision", decision.revision() != null ? decision.revision()
                            : policy.revision());
            return decision;
        } catch (InvalidCaseException e) {
            decisions.invalid(policy, System.nanoTime() - start);
            observation.lowCardinalityKeyValue("outcome", Outcomes.INVALID)
                    .highCardinalityKeyValue("revision", policy.revision()).error(e);
            throw e;
        } catch (RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "ERROR").error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        return policy.explain(customerCase);
    }

    /** Decides for a tool that counts decisions (a replay over the bean), unobserved: it is not served traffic. */
    @Override
    public Decision decideWithoutSentences(CustomerCase customerCase) {
        return policy.decideWithoutSentences(customerCase);
    }

    /** Returns the snapshot the observed policy decides with now, so that tools can read its model. */
    @Override
    public Policy current() {
        return policy.current();
    }

    @Override
    public AuthorityTable authority() {
        return policy.authority();
    }

    @Override
    public Policy withListener(DecisionListener listener) {
        return new ObservedPolicy(policy.withListener(listener), decisions, observations);
    }

    @Override
    public String id() {
        return policy.id();
    }

    @Override
    public String version() {
        return policy.version();
    }

    @Override
    public String revision() {
        return policy.revision();
    }

    @Override
    public String description() {
        return policy.description();
    }

    @Override
    public List<String> severities() {
        return policy.severities();
    }

    @Override
    public List<String> roles() {
        return policy.roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return policy.remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        return policy.attributes();
    }

    @Override
    public List<String> ruleIds() {
        return policy.ruleIds();
    }

    @Override
    public List<Problem> warnings() {
        return policy.warnings();
    }

    @Override
    public String toString() {
        return "Observed" + policy;
    }
}
