package org.resolutionpolicy.test;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.format.text.DecisionTable;

/** Assertions on a whole {@link Decision}; start with {@link PolicyAssertions#assertThat(Decision)}. */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

    DecisionAssert(Decision actual) {
        super(actual, DecisionAssert.class);
    }

    /** Returns assertions on the first proposal of a remedy; fails if the case had none. */
    public ProposalAssert proposal(String remedy) {
        isNotNull();
        ProposalDecision p = actual.proposals().stream().filter(x -> x.remedy().equals(remedy)).findFirst().orElse(null);
        if (p == null) {
            failWithMessage("Expected a proposal of [%s] in the decision, but there was none.%n%s", remedy, show(actual));
        }
        return new ProposalAssert(p, actual);
    }

    /** Returns assertions on the latitude of a remedy; fails if the decision has none for it. */
    public LatitudeAssert latitude(String remedy) {
        isNotNull();
        Latitude l = actual.latitude(remedy).orElse(null);
        if (l == null) {
            failWithMessage("Expected the latitude of [%s], but the decision has none (it %s).%n%s", remedy,
                    actual.isLatitude() ? "does not list that remedy" : "decided proposals", show(actual));
        }
        return new LatitudeAssert(l, actual);
    }

    /** Verifies the decision has a follow-up with this action. */
    public DecisionAssert hasFollowUp(String action) {
        isNotNull();
        if (actual.followUps().stream().noneMatch(f -> f.action().equals(action))) {
            failWithMessage("Expected a follow-up [%s], but the follow-ups were %s.%n%s", action, actions(actual), show(actual));
        }
        return this;
    }

    /** Verifies the decision has no follow-up. */
    public DecisionAssert hasNoFollowUps() {
        isNotNull();
        if (!actual.followUps().isEmpty()) {
            failWithMessage("Expected no follow-ups, but there were %s.%n%s", actions(actual), show(actual));
        }
        return this;
    }

    /** Verifies some part of the decision goes to the SWAT team. */
    public DecisionAssert goesToSwat() {
        isNotNull();
        if (!actual.swat()) {
            failWithMessage("Expected the case to go to SWAT, but it did not.%n%s", show(actual));
        }
        return this;
    }

    private static List<String> actions(Decision d) {
        return d.followUps().stream().map(FollowUp::action).collect(Collectors.toList());
    }

    /** Shows a decision the way the CLI prints it. */
    static String show(Decision d) {
        return "The decision was:\n" + DecisionTable.render(d);
    }
}
