package org.resolutionpolicy.engine.internal.eval;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * A policy compiled from its sources: immutable, and safe to share between any number of threads.
 *
 * <p>Deciding never parses or compiles anything; it checks the case, then applies the lattice.
 */
public final class CompiledPolicy implements Policy {

    private final PolicyModel model;
    private final CaseChecker checker;
    private final Decider decider;
    private final Clock clock;
    private final List<Problem> warnings;

    /**
     * Creates a policy from its checked model.
     *
     * @param model the model
     * @param clock gives the decision time for cases without {@code openedAt}
     * @param warnings the problems found at load that did not stop it
     */
    public CompiledPolicy(PolicyModel model, Clock clock, List<Problem> warnings) {
        this.model = model;
        this.warnings = List.copyOf(warnings);
        this.checker = new CaseChecker(model);
        this.decider = new Decider(model);
        this.clock = clock;
    }

    /** Returns the model, for tools that inspect a policy. */
    public PolicyModel model() {
        return model;
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public String description() {
        return model.description();
    }

    @Override
    public List<String> severities() {
        return model.severities();
    }

    @Override
    public List<String> roles() {
        return model.roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return model.remedies();
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        Objects.requireNonNull(customerCase, "case must not be null");
        CaseChecker.Checked checked = checker.check(customerCase, clock.instant());
        TreeSet<FollowUp> followUps = Decider.newFollowUpSet();
        decider.caseFollowUps(checked.facts(), followUps);
        List<ProposalDecision> proposals = List.of();
        List<Latitude> latitude = List.of();
        boolean swat;
        if (checked.proposals().isEmpty()) {
            latitude = decider.latitude(checked.facts());
            swat = decider.swatAtAnyAmount(checked.facts());
        } else {
            proposals = decider.decide(checked.facts(), checked.proposals(), followUps);
            swat = proposals.stream().anyMatch(p -> p.kind() == org.resolutionpolicy.api.Outcome.Kind.SWAT);
        }
        return new Decision(model.id(), model.version(), customerCase.id(), customerCase.employee().role(), swat,
                proposals, latitude, List.copyOf(followUps));
    }

    @Override
    public String toString() {
        return "Policy[" + model.id() + " " + model.version() + ", " + model.rules().size() + " rules]";
    }
}
