package org.resolutionpolicy.test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Ready-made properties of the decision semantics, each one line in a jqwik property:
 *
 * <pre>{@code
 * @Property
 * void severity_never_lowers_the_approver(@ForAll("cases") CustomerCase c) {
 *     PolicyProperties.raisingSeverityNeverLowersTheApprover(policy, c);
 * }
 * }</pre>
 *
 * Each throws an {@link AssertionError} naming the proposal and both outcomes when the property does not hold.
 * Outcomes are ordered from lenient to strict: ALONE, ESCALATE by the approver's rank, DENIED because no
 * role's authority covers it, SWAT, DENIED by a rule (a SWAT rule is checked before authority, so it takes
 * over a proposal beyond every role's authority).
 */
public final class PolicyProperties {

    private PolicyProperties() {
    }

    /** Raising the case's severity one step never gives any proposal a more lenient outcome. */
    public static void raisingSeverityNeverLowersTheApprover(Policy policy, CustomerCase c) {
        int rank = policy.severities().indexOf(c.severity());
        if (rank >= 0 && rank < policy.severities().size() - 1) {
            CustomerCase higher = c.toBuilder().severity(policy.severities().get(rank + 1)).build();
            neverLooser(policy, policy.decide(c), policy.decide(higher), "raising severity to " + higher.severity());
        }
    }

    /**
     * Adding an entry to the severity scale never lowers the severity a case is decided at, nor gives any proposal a
     * more lenient outcome (for a policy whose rules only tighten as severity rises, as
     * {@link #raisingSeverityNeverLowersTheApprover} checks).
     *
     * @param without the policy
     * @param with the same policy with one more entry in its severity scale
     * @param c a case both decide
     */
    public static void addingAScaleEntryNeverLoosens(Policy without, Policy with, CustomerCase c) {
        Decision before = without.decide(c);
        Decision after = with.decide(c);
        String was = before.severity() != null ? before.severity().used() : c.severity();
        String is = after.severity().used();
        if (with.severities().indexOf(is) < with.severities().indexOf(was)) {
            throw new AssertionError("adding a severity scale entry lowered the severity of the case from " + was
                    + " to " + after.severity());
        }
        neverLooser(with, before, after, "adding a severity scale entry (" + after.severity() + ")");
    }

    /** Raising every amount never gives any proposal a more lenient outcome (percentages stay within 100). */
    public static void raisingAnAmountNeverLowersTheApprover(Policy policy, CustomerCase c, BigDecimal raise) {
        CustomerCase.Builder more = c.toBuilder().clearProposals();
        for (Proposal p : c.proposals()) {
            RemedyUnit unit = policy.remedies().get(p.remedy());
            BigDecimal raised = p.amount() == null ? null : p.amount().add(raise);
            boolean keep = raised == null || unit == RemedyUnit.PERCENT && raised.compareTo(BigDecimal.valueOf(100)) > 0
                    || unit == RemedyUnit.COUNT && raise.stripTrailingZeros().scale() > 0;
            more.propose(keep ? p : Proposal.of(p.remedy(), raised));
        }
        neverLooser(policy, policy.decide(c), policy.decide(more.build()), "raising amounts by " + raise.toPlainString());
    }

    /** An employee one rung higher never gets a stricter outcome. */
    public static void aHigherRoleNeverGetsAStricterOutcome(Policy policy, CustomerCase c) {
        int rank = policy.roles().indexOf(c.employee().role());
        if (rank >= 0 && rank < policy.roles().size() - 1) {
            CustomerCase higher = c.toBuilder().employee(c.employee().id(), policy.roles().get(rank + 1)).build();
            neverLooser(policy, policy.decide(higher), policy.decide(c), "lowering the role from " + higher.employee().role());
        }
    }

    /**
     * Loading the policy with its rules shuffled gives the same decision.
     *
     * @param policyFile the YAML policy file (with the rules)
     * @param c a case
     * @param seed drives the shuffle
     */
    public static void ruleOrderDoesNotMatter(Path policyFile, CustomerCase c, long seed) {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + policyFile, e);
        }
        Policy original = Policies.compile(List.of(PolicySource.of(policyFile.toString(), text)));
        Policy shuffled = Policies.compile(List.of(PolicySource.of(policyFile + " (shuffled)", shuffleRules(text, seed))));
        // the revision names the sources, which the shuffle changed: everything else must be equal
        Decision a = withoutRevision(original.decide(c));
        Decision b = withoutRevision(shuffled.decide(c));
        if (!a.equals(b)) {
            throw new AssertionError("shuffling the rules of " + policyFile + " (seed " + seed + ") changed the decision:\n"
                    + a + "\nbecame\n" + b);
        }
    }

    private static Decision withoutRevision(Decision d) {
        return new Decision(d.policyId(), d.policyVersion(), d.caseId(), d.employeeRole(), d.swat(), d.proposals(),
                d.latitude(), d.followUps());
    }

    /** Returns the policy text with its {@code rules:} list in a random order. */
    static String shuffleRules(String text, long seed) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(options);
        Node root = yaml.compose(new StringReader(text));
        if (root instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) root).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals("rules")
                        && t.getValueNode() instanceof SequenceNode) {
                    Collections.shuffle(((SequenceNode) t.getValueNode()).getValue(), new Random(seed));
                }
            }
        }
        StringWriter out = new StringWriter();
        yaml.serialize(root, out);
        return out.toString();
    }

    private static void neverLooser(Policy policy, Decision before, Decision after, String change) {
        for (int i = 0; i < before.proposals().size(); i++) {
            ProposalDecision b = before.proposals().get(i);
            ProposalDecision a = after.proposals().get(i);
            if (strictness(policy, a) < strictness(policy, b)) {
                throw new AssertionError(change + " made " + b.proposal() + " more lenient: " + b.outcome() + " "
                        + b.ruleIds() + " became " + a.outcome() + " " + a.ruleIds());
            }
        }
    }

    /** Orders outcomes from lenient to strict; see the class comment. */
    static int strictness(Policy policy, ProposalDecision d) {
        Outcome o = d.outcome();
        switch (o.kind()) {
            case ALONE:
                return 0;
            case ESCALATE:
                return 1 + policy.roles().indexOf(o.approver());
            case SWAT:
                return 1001;
            default:
                return d.ruleIds().equals(List.of("authority")) ? 1000 : 1002;
        }
    }
}
