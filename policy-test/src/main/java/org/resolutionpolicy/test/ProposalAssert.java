package org.resolutionpolicy.test;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.ProposalDecision;

/** Assertions on the outcome of one proposal; obtained from {@link DecisionAssert#proposal(String)}. */
public final class ProposalAssert extends AbstractAssert<ProposalAssert, ProposalDecision> {

    private final Decision decision;

    ProposalAssert(ProposalDecision actual, Decision decision) {
        super(actual, ProposalAssert.class);
        this.decision = decision;
    }

    /** Verifies the employee may grant it alone. */
    public ProposalAssert isGrantedAlone() {
        return hasOutcome(Outcome.alone());
    }

    /** Verifies it is escalated to exactly this role. */
    public ProposalAssert isEscalatedTo(String approver) {
        return hasOutcome(Outcome.escalate(approver));
    }

    /** Verifies it is escalated, to whichever role. */
    public ProposalAssert isEscalated() {
        if (actual.kind() != Outcome.Kind.ESCALATE) {
            fail("to be escalated");
        }
        return this;
    }

    /** Verifies it goes to the SWAT team. */
    public ProposalAssert isRoutedToSwat() {
        if (actual.kind() != Outcome.Kind.SWAT) {
            fail("to go to SWAT");
        }
        return this;
    }

    /** Verifies it goes to this SWAT team. */
    public ProposalAssert isRoutedToSwat(String team) {
        return hasOutcome(Outcome.swat(team));
    }

    /** Verifies the policy forbids it. */
    public ProposalAssert isDenied() {
        return hasOutcome(Outcome.denied());
    }

    /** Verifies the outcome. */
    public ProposalAssert hasOutcome(Outcome expected) {
        if (!actual.outcome().equals(expected)) {
            fail("to be " + expected);
        }
        return this;
    }

    /** Verifies each of these rules is among the reasons ({@code authority} for authority limits). */
    public ProposalAssert because(String... rules) {
        List<String> missing = Arrays.stream(rules).filter(r -> !actual.ruleIds().contains(r)).toList();
        if (!missing.isEmpty()) {
            failWithMessage("Expected %s to be decided because of %s, but the reasons were %s.%n%s", actual.proposal(),
                    missing, actual.ruleIds(), DecisionAssert.show(decision));
        }
        return this;
    }

    /** Verifies the reasons are exactly these rules, in any order. */
    public ProposalAssert becauseOnly(String... rules) {
        if (!new java.util.TreeSet<>(actual.ruleIds()).equals(new java.util.TreeSet<>(Arrays.asList(rules)))) {
            failWithMessage("Expected %s to be decided because of exactly %s, but the reasons were %s.%n%s",
                    actual.proposal(), Arrays.asList(rules), actual.ruleIds(), DecisionAssert.show(decision));
        }
        return this;
    }

    /** Verifies no rule gave a reason (the authority table alone, or nothing, decided). */
    public ProposalAssert hasNoRuleReasons() {
        if (actual.reasons().stream().anyMatch(r -> !r.isAuthority())) {
            failWithMessage("Expected %s to be decided by no rule, but the reasons were %s.%n%s", actual.proposal(),
                    actual.ruleIds(), DecisionAssert.show(decision));
        }
        return this;
    }

    private void fail(String wanted) {
        failWithMessage("Expected %s %s, but it was %s%s.%n%s", actual.proposal(), wanted, actual.outcome(),
                actual.reasons().isEmpty() ? "" : " because of " + actual.ruleIds(), DecisionAssert.show(decision));
    }
}
