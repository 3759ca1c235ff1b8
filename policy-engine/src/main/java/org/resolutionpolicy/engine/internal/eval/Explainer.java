package org.resolutionpolicy.engine.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.SeverityScaleCheck;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.SeverityScale;

/**
 * Renders an {@link Evaluation} as an {@link Explanation}: every rule of the policy with whether it matched (read
 * from the evaluation, never tested again) and, for those that did not, which condition failed with what values;
 * and, per proposal, how the authority role was found. Immutable.
 */
final class Explainer {

    private final PolicyModel policy;
    private final Evaluator evaluator;
    /**
     * Per rule of the policy (by place in the file) and status, its check when that status needs no failures: made
     * once at load, since an explanation lists every rule for every proposal.
     */
    private final Explanation.RuleCheck[][] fixed;
    /** Per rule of the policy, by place in the file, its effect as an explanation shows it. */
    private final Explanation.Effect[] effects;

    Explainer(PolicyModel policy, Evaluator evaluator) {
        this.policy = policy;
        this.evaluator = evaluator;
        this.fixed = new Explanation.RuleCheck[policy.rules().size()][];
        this.effects = new Explanation.Effect[fixed.length];
        for (int i = 0; i < fixed.length; i++) {
            Rule r = policy.rules().get(i);
            Explanation.Effect effect = effect(r);
            effects[i] = effect;
            fixed[i] = new Explanation.RuleCheck[Explanation.Status.values().length];
            for (Explanation.Status status : Explanation.Status.values()) {
                if (status != Explanation.Status.NOT_MATCHED) {
                    fixed[i][status.ordinal()] = new Explanation.RuleCheck(r.id(), effect, status, List.of());
                }
            }
        }
    }

    /** Explains a decision from the evaluation, kept with its matches, that produced it. */
    Explanation explain(Decision decision, Evaluation evaluation) {
        List<SeverityScaleCheck> scale = scaleChecks(evaluation.facts());
        if (evaluation.matches() == null) {
            return new Explanation(decision, List.of(), caseChecks(evaluation.facts(), evaluation.caseMatches()),
                    scale);
        }
        List<Explanation.ProposalExplanation> proposals = new ArrayList<>();
        for (int i = 0; i < evaluation.proposals().size(); i++) {
            proposals.add(proposal(evaluation.proposals().get(i), evaluation.matches().get(i)));
        }
        return new Explanation(decision, proposals, List.of(), scale);
    }

    /**
     * Checks every entry of the severity scale against the case. The evaluation keeps only the severity the scale
     * gave, so the entries are tested here once more: they read the case alone and never its severity, so the
     * facts at the severity used answer as the case's own did.
     */
    private List<SeverityScaleCheck> scaleChecks(Facts facts) {
        List<SeverityScale.Entry> entries = policy.severityScale().entries();
        List<SeverityScaleCheck> checks = new ArrayList<>(entries.size());
        List<Explanation.Failure> failures = new ArrayList<>(4);
        for (SeverityScale.Entry e : entries) {
            failures.clear();
            boolean holds = e.when().test(facts);
            if (!holds) {
                e.when().explain(facts, failures);
            }
            checks.add(new SeverityScaleCheck(e.id(), e.severity(),
                    holds ? Explanation.Status.MATCHED : Explanation.Status.NOT_MATCHED, failures));
        }
        return checks;
    }

    private Explanation.ProposalExplanation proposal(ProposalDecision decided, Evaluation.Matched m) {
        boolean[] matched = matched(m.rules());
        String remedy = m.plan().remedy;
        List<Explanation.RuleCheck> checks = new ArrayList<>(checkCount());
        List<IndexedRule> grants = new ArrayList<>(2);
        List<Explanation.Failure> failures = new ArrayList<>(4);
        for (int i = 0; i < fixed.length; i++) {
            Rule r = policy.rules().get(i);
            if (!r.enabled()) {
                checks.add(fixed[i][Explanation.Status.DISABLED.ordinal()]);
            } else if (!r.appliesTo(remedy)) {
                checks.add(fixed[i][Explanation.Status.OTHER_REMEDY.ordinal()]);
            } else if (matched[i]) {
                checks.add(fixed[i][Explanation.Status.MATCHED.ordinal()]);
                if (r.effect().kind() == Effect.Kind.GRANT) {
                    grants.add(evaluator.indexed(r));
                }
            } else {
                checks.add(notMatched(i, m.facts(), failures));
            }
        }
        externalChecks(m.rules(), remedy, checks);
        for (IndexedRule e : m.rules()) {
            if (e.kind == Effect.Kind.GRANT && evaluator.indexed(e.rule) == null) {
                grants.add(e);
            }
        }
        Outcome outcome = decided.outcome();
        boolean ruleDecided = (outcome.kind() == Outcome.Kind.DENIED || outcome.kind() == Outcome.Kind.SWAT)
                && decided.reasons().stream().noneMatch(Reason::isAuthority);
        Explanation.AuthorityTrace authority = ruleDecided ? null : evaluator.authority()
                .trace(m.plan(), decided.proposal().amount(), m.facts(), grants.toArray(new IndexedRule[0]),
                        m.siblings());
        return new Explanation.ProposalExplanation(decided.proposal(), outcome, checks, authority);
    }

    /** Explains a case without proposals: every rule checked against the case alone. */
    private List<Explanation.RuleCheck> caseChecks(Facts facts, IndexedRule[] caseMatches) {
        boolean[] matched = matched(caseMatches);
        List<Explanation.RuleCheck> checks = new ArrayList<>(checkCount());
        List<Explanation.Failure> failures = new ArrayList<>(4);
        for (int i = 0; i < fixed.length; i++) {
            Rule r = policy.rules().get(i);
            if (!r.enabled()) {
                checks.add(fixed[i][Explanation.Status.DISABLED.ordinal()]);
            } else if (r.perProposal()) {
                checks.add(fixed[i][Explanation.Status.NEEDS_PROPOSAL.ordinal()]);
            } else if (matched[i]) {
                checks.add(fixed[i][Explanation.Status.MATCHED.ordinal()]);
            } else {
                checks.add(notMatched(i, facts, failures));
            }
        }
        externalChecks(caseMatches, null, checks);
        return checks;
    }

    /** Returns, per rule of the policy by its place in the file, whether it is among the matched ones. */
    private boolean[] matched(IndexedRule[] rules) {
        boolean[] matched = new boolean[fixed.length];
        for (IndexedRule e : rules) {
            if (e.position >= 0) {
                matched[e.position] = true;
            }
        }
        return matched;
    }

    private int checkCount() {
        return fixed.length + (policy.external() == null ? 0 : policy.external().ruleIds().size());
    }

    /**
     * Checks the rule at a place in the file that the evaluation did not match: only the failing parts of its
     * condition are computed, into a buffer the explanation reuses (the check keeps a copy).
     */
    private Explanation.RuleCheck notMatched(int position, Facts facts, List<Explanation.Failure> failures) {
        Rule r = policy.rules().get(position);
        failures.clear();
        r.when().explain(facts, failures);
        Explanation.RuleCheck check = new Explanation.RuleCheck(r.id(), effects[position], Explanation.Status.NOT_MATCHED,
                failures);
        failures.clear();
        return check;
    }

    /** Adds a check per rule of another source (DRL): matched, or not, without the detail of which condition. */
    private void externalChecks(IndexedRule[] matched, String remedy, List<Explanation.RuleCheck> checks) {
        ExternalRules external = policy.external();
        if (external == null) {
            return;
        }
        Explanation.Effect unknown = new Explanation.Effect(Explanation.Effect.Kind.DRL, null, null, null);
        for (String id : external.ruleIds()) {
            // what the source can tell without running the rule: switched off, or about other remedies
            Set<String> about = remedy == null ? null : external.remedies(id);
            if (external.disabled(id) || about != null && !about.contains(remedy)) {
                Explanation.Status status = external.disabled(id) ? Explanation.Status.DISABLED
                        : Explanation.Status.OTHER_REMEDY;
                checks.add(new Explanation.RuleCheck(id, unknown, status, List.of()));
                continue;
            }
            Explanation.Effect effect = null;
            for (IndexedRule e : matched) {
                // ids are unique across YAML and DRL (a load error otherwise), so the id alone finds the DRL rule
                if (e.rule.id().equals(id)) {
                    effect = joined(effect, effect(e.rule));
                }
            }
            if (effect == null) {
                checks.add(new Explanation.RuleCheck(id, unknown, Explanation.Status.NOT_MATCHED,
                        List.of(Explanation.Failure.unexplained(id))));
            } else {
                checks.add(new Explanation.RuleCheck(id, effect, Explanation.Status.MATCHED, List.of()));
            }
        }
    }

    /**
     * Joins the effects one DRL consequence asked for, one call each, into one: its first deny, SWAT, require or
     * grant and its first follow-up (a YAML rule has at most one of each, and so has every DRL rule in practice).
     */
    private static Explanation.Effect joined(Explanation.Effect first, Explanation.Effect next) {
        if (first == null) {
            return next;
        }
        boolean nextActs = first.kind() == Explanation.Effect.Kind.NONE && next.kind() != Explanation.Effect.Kind.NONE;
        Explanation.Effect acts = nextActs ? next : first;
        return new Explanation.Effect(acts.kind(), acts.role(), acts.upTo(),
                first.followUp() != null ? first.followUp() : next.followUp(), acts.approvers(),
                first.followUp() != null ? first.followUpWhen() : next.followUpWhen(), acts.computed(),
                acts.entitlement());
    }

    private Explanation.Effect effect(Rule r) {
        Effect e = r.effect();
        Explanation.Effect.Kind kind = switch (e.kind()) {
            case NONE -> Explanation.Effect.Kind.NONE;
            case DENY -> Explanation.Effect.Kind.DENY;
            case SWAT -> Explanation.Effect.Kind.SWAT;
            case REQUIRE -> Explanation.Effect.Kind.REQUIRE;
            case GRANT -> Explanation.Effect.Kind.GRANT;
        };
        String role = e.role() < 0 ? null : policy.roles().get(e.role());
        List<String> approvers = e.approvers().stream().map(policy.roles()::get).toList();
        // a computed limit has its value in the authority trace; the effect names its expression
        Limit upTo = e.computed() == null ? e.upTo() : null;
        return new Explanation.Effect(kind, role, upTo, r.followUp() == null ? null : r.followUp().action(),
                approvers, r.followUp() == null ? null : r.followUp().when(),
                e.computed() == null ? null : e.computed().text(), e.entitlement());
    }
}
