package org.resolutionpolicy.spring;

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
 * (or that the case was invalid). Everything else is the other policy's.
 */
final class ObservedPolicy implements Policy {

    /** What the metrics are told of each decision. */
    interface Decisions {
        /** Hears a decision and its time in nanoseconds. */
        void decided(Decision decision, long nanos);

        /** Hears a case that did not fit the policy. */
        void invalid(String policyId, long nanos);
    }

    private final Policy policy;
    private final Decisions decisions;

    ObservedPolicy(Policy policy, Decisions decisions) {
        this.policy = policy;
        this.decisions = decisions;
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        long start = System.nanoTime();
        try {
            Decision decision = policy.decide(customerCase);
            decisions.decided(decision, System.nanoTime() - start);
            return decision;
        } catch (InvalidCaseException e) {
            decisions.invalid(policy.id(), System.nanoTime() - start);
            throw e;
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
        return new ObservedPolicy(policy.withListener(listener), decisions);
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
