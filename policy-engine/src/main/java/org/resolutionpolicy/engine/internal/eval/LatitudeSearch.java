package org.resolutionpolicy.engine.internal.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.Windows;
import org.resolutionpolicy.model.value.Values;

/**
 * Answers the latitude question of a case without proposals: per remedy, the largest amount the employee may grant
 * alone and who approves beyond it. It probes hypothetical proposals at the amounts where the outcome can change
 * (every limit, grant and number compared with {@code amount}, and one step either side), then bisects between two
 * probes whose outcomes differ, for thresholds hidden in facts. All probes share the case's one index lookup.
 */
final class LatitudeSearch {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Above every amount and limit the loader accepts (at most 20 integer digits): still ALONE there means unlimited. */
    private static final BigDecimal HUGE = new BigDecimal("1E+21");

    private final PolicyModel policy;
    private final Evaluator evaluator;

    LatitudeSearch(PolicyModel policy, Evaluator evaluator) {
        this.policy = policy;
        this.evaluator = evaluator;
    }

    /** Returns the latitude of every remedy, in declaration order. */
    List<Latitude> latitude(Facts facts, Scratch s) {
        List<Latitude> latitude = new ArrayList<>();
        policy.remedies().forEach((remedy, unit) -> latitude.add(latitude(facts, evaluator.plan(remedy), s)));
        return latitude;
    }

    /** Returns true if the smallest proposal of any remedy would go to SWAT. */
    boolean swatAtAnyAmount(Facts facts, Scratch s) {
        for (String remedy : policy.remedies().keySet()) {
            RemedyPlan plan = evaluator.plan(remedy);
            if (probe(facts, plan, smallestAmount(plan.unit), s).kind() == Outcome.Kind.SWAT) {
                return true;
            }
        }
        return false;
    }

    private Outcome probe(Facts facts, RemedyPlan plan, BigDecimal amount, Scratch s) {
        return evaluator.probe(plan, facts.withProposal(plan.remedy, amount), s);
    }

    private static BigDecimal smallestAmount(RemedyUnit unit) {
        return switch (unit) {
            case NONE -> null;
            case COUNT -> BigDecimal.ONE;
            default -> CENT;
        };
    }

    private Latitude latitude(Facts facts, RemedyPlan plan, Scratch s) {
        if (plan.unit == RemedyUnit.NONE) {
            Outcome o = probe(facts, plan, null, s);
            if (o.kind() == Outcome.Kind.ALONE) {
                return new Latitude(plan.remedy, Limit.unlimited(), null, null);
            }
            return new Latitude(plan.remedy, Limit.zero(), o.approver(), o.team(), o.approvers());
        }
        BigDecimal step = plan.unit == RemedyUnit.COUNT ? BigDecimal.ONE : CENT;
        List<BigDecimal> points = new ArrayList<>(candidates(facts, plan, step));
        List<Outcome> outcomes = new ArrayList<>(points.size());
        for (BigDecimal amount : points) {
            outcomes.add(probe(facts, plan, amount, s));
        }
        BigDecimal bestAlone = null;
        Outcome beyond = null;
        for (int i = 0; i < points.size(); i++) {
            if (outcomes.get(i).kind() != Outcome.Kind.ALONE) {
                if (beyond == null) {
                    beyond = outcomes.get(i);
                }
                continue;
            }
            bestAlone = points.get(i);
            beyond = null;
            if (i + 1 < points.size() && outcomes.get(i + 1).kind() != Outcome.Kind.ALONE) {
                // a threshold the candidates do not show (a fact compared with amount, say) lies in between
                Bisected b = bisect(facts, plan, s, step, points.get(i), points.get(i + 1), outcomes.get(i + 1));
                bestAlone = b.alone;
                beyond = b.beyond;
                i++;
            }
        }
        Limit alone;
        if (bestAlone == null) {
            alone = Limit.zero();
        } else if (plan.unit != RemedyUnit.PERCENT && bestAlone.compareTo(HUGE) >= 0) {
            alone = Limit.unlimited();
        } else {
            alone = Limit.of(bestAlone);
        }
        org.resolutionpolicy.api.Entitlement entitled = entitlement(facts, plan, s);
        return beyond == null ? new Latitude(plan.remedy, alone, null, null, List.of(), entitled)
                : new Latitude(plan.remedy, alone, beyond.approver(), beyond.team(), beyond.approvers(), entitled);
    }

    /** Returns the entitlement of a remedy in the case, from a probe of its smallest amount; null without one. */
    private org.resolutionpolicy.api.Entitlement entitlement(Facts facts, RemedyPlan plan, Scratch s) {
        for (Rule r : plan.rules) {
            if (r.effect().entitlement()) {
                Facts probe = facts.withProposal(plan.remedy, smallestAmount(plan.unit));
                evaluator.probe(plan, probe, s);
                return evaluator.entitlement(s, probe);
            }
        }
        return null;
    }

    private record Bisected(BigDecimal alone, Outcome beyond) {
    }

    /** Bisects on the amount grid between an ALONE and a stricter probe, assuming the outcome flips once inside. */
    private Bisected bisect(Facts facts, RemedyPlan plan, Scratch s, BigDecimal step, BigDecimal lo, BigDecimal hi,
                            Outcome hiOutcome) {
        while (hi.subtract(lo).compareTo(step) > 0) {
            BigDecimal mid = lo.add(hi).divide(BigDecimal.valueOf(2), step.scale(), RoundingMode.FLOOR);
            if (mid.compareTo(lo) <= 0) {
                mid = lo.add(step);
            }
            Outcome o = probe(facts, plan, Values.normalize(mid), s);
            if (o.kind() == Outcome.Kind.ALONE) {
                lo = mid;
            } else {
                hi = mid;
                hiOutcome = o;
            }
        }
        return new Bisected(Values.normalize(lo), hiOutcome);
    }

    /**
     * Returns the amounts at which the outcome can change: every limit, grant and compared number, and the smallest
     * step on either side of each, so that the largest ALONE amount among them is exact.
     */
    private TreeSet<BigDecimal> candidates(Facts facts, RemedyPlan plan, BigDecimal step) {
        List<BigDecimal> thresholds = new ArrayList<>();
        if (plan.authority != null) {
            for (AuthorityEntry e : plan.authority) {
                if (e == null) {
                    continue;
                }
                e.perGrant(facts).amount().ifPresent(thresholds::add);
                if (e.maxTotal() != null && e.maxTotal().amount().isPresent()) {
                    BigDecimal used = Windows.use(facts, plan.remedy, e.window(), BigDecimal.ZERO).total();
                    thresholds.add(e.maxTotal().amount().get().subtract(used));
                }
            }
        }
        for (Rule r : plan.rules) {
            thresholds.addAll(r.amountThresholds());
            if (r.effect().kind() == Effect.Kind.GRANT) {
                r.effect().upTo(facts).amount().ifPresent(thresholds::add);
            }
        }
        TreeSet<BigDecimal> candidates = new TreeSet<>();
        candidates.add(step);
        for (BigDecimal t : thresholds) {
            for (BigDecimal c : new BigDecimal[] {t.subtract(step), t, t.add(step)}) {
                BigDecimal amount = c.setScale(plan.unit == RemedyUnit.COUNT ? 0 : 2, RoundingMode.FLOOR);
                if (amount.compareTo(step) >= 0) {
                    candidates.add(Values.normalize(amount));
                }
            }
        }
        if (plan.unit == RemedyUnit.PERCENT) {
            candidates.removeIf(c -> c.compareTo(HUNDRED) > 0);
            candidates.add(HUNDRED);
        } else {
            candidates.add(HUGE);
        }
        return candidates;
    }
}
