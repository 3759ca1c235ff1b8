package org.resolutionpolicy.engine.internal.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Windows;

/**
 * The authority half of the decision semantics: which role's limits, raised by matching grant rules and bounded by
 * per-customer windows, cover a proposal, and the sentences that say why a role falls short.
 *
 * <p>Within one case, proposals of the same remedy count together ({@link Siblings}): the per-grant limit is held
 * to the case's running total of the remedy, and a window counts the history plus every earlier proposal of the
 * remedy in the case plus the proposal itself, so splitting a grant never gets around a limit.
 *
 * <p>One grant-raising path ({@link #perGrant}) serves deciding, the authority sentences and the explanation's
 * trace alike. Grants are passed as the rules a proposal matched; only those with a grant effect count. Immutable.
 */
final class Authority {

    private final PolicyModel policy;

    Authority(PolicyModel policy) {
        this.policy = policy;
    }

    /**
     * Returns a role's per-grant limit for a remedy: its own, raised by every matching grant for the role; null when
     * it has neither.
     *
     * @param matched the rules the proposal matched (grants among them count)
     * @param n how many of {@code matched} to look at; 0 when none is a grant
     */
    static Limit perGrant(RemedyPlan plan, int role, IndexedRule[] matched, int n, Facts facts) {
        AuthorityEntry entry = plan.entry(role);
        Limit limit = entry == null ? null : entry.perGrant(facts);
        for (int i = 0; i < n; i++) {
            IndexedRule g = matched[i];
            if (g.kind == Effect.Kind.GRANT && g.role == role) {
                Limit upTo = g.upTo(facts);
                limit = limit == null ? upTo : limit.max(upTo);
            }
        }
        return limit;
    }

    /**
     * Returns the lowest role whose authority, raised by the matched grants, covers the proposal, or -1.
     *
     * @param counted the amount the per-grant limit is held to: the proposal's plus its earlier siblings'
     * @param prior the case's earlier proposals of the remedy, which its windows count too
     */
    int covering(RemedyPlan plan, BigDecimal counted, Facts facts, IndexedRule[] matched, int n, Siblings prior) {
        if (n == 0 && plan.authority == null) {
            return -1;
        }
        for (int role = 0; role < policy.roles().size(); role++) {
            Limit limit = perGrant(plan, role, matched, n, facts);
            if (limit == null || !covers(limit, counted)) {
                continue;
            }
            AuthorityEntry entry = plan.entry(role);
            if (entry != null && entry.hasWindow() && windowShortfall(entry, plan, counted, facts, prior) != null) {
                continue;
            }
            return role;
        }
        return -1;
    }

    /** Returns true if a per-grant limit covers the amount; a remedy without amounts needs a limit above zero. */
    static boolean covers(Limit limit, BigDecimal amount) {
        if (amount == null) {
            return limit.isUnlimited() || limit.amount().orElseThrow().signum() > 0;
        }
        return limit.covers(amount);
    }

    /** Returns the customer's use of a remedy in an entry's window, before this proposal. */
    Windows.Use used(AuthorityEntry entry, RemedyPlan plan, Facts facts) {
        boolean counted = plan.unit == RemedyUnit.COUNT;
        return Windows.use(facts, plan.remedy, entry.window(), counted ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    /**
     * Returns why the entry's per-customer window does not cover the proposal, or null when it does: the window
     * counts the history, the case's earlier proposals of the remedy and the proposal itself.
     *
     * @param counted the proposal's amount plus its earlier siblings' (null without amounts)
     */
    String windowShortfall(AuthorityEntry entry, RemedyPlan plan, BigDecimal counted, Facts facts, Siblings prior) {
        Windows.Use used = used(entry, plan, facts);
        if (entry.maxCount() != null && used.count() + prior.count() + 1 > entry.maxCount()) {
            return "at most " + entry.maxCount() + " per customer in " + entry.windowText()
                    + Windows.since(facts, entry.window()) + ", and the customer already had " + used.count()
                    + earlier(prior, String.valueOf(prior.count()));
        }
        if (entry.maxTotal() != null && counted != null && !entry.maxTotal().covers(used.total().add(counted))) {
            return "at most " + entry.maxTotal() + " per customer in " + entry.windowText()
                    + Windows.since(facts, entry.window()) + ", and the customer already had " + used.total().toPlainString()
                    + earlier(prior, prior.total().toPlainString());
        }
        return null;
    }

    /** Returns {@code , plus <what> in this case's earlier proposals [0, 1]}, or nothing without siblings. */
    private static String earlier(Siblings prior, String what) {
        return prior.none() ? "" : ", plus " + what + " in this case's earlier proposals " + prior.proposals();
    }

    /**
     * Returns the authority reason that the employee may not grant a proposal that {@code level} may: the nearest
     * limit at or below the employee that falls short, per grant or in its window.
     */
    Reason shortfallReason(RemedyPlan plan, BigDecimal amount, Facts facts, IndexedRule[] matched, int grants,
                           int level, Siblings prior) {
        int employee = facts.employeeRank();
        if (amount != null && common(plan, amount, employee, grants, prior)) {
            return plan.shortfallReasons.reason(employee, level, amount);
        }
        return new Reason(Reason.AUTHORITY, shortfall(plan, amount, facts, matched, grants, level, prior));
    }

    /** Returns true if the sentence is one made from load-time parts: the employee's nearest own limit falls short. */
    private static boolean common(RemedyPlan plan, BigDecimal amount, int employee, int grants, Siblings prior) {
        if (grants != 0 || !prior.none() || plan.computed) {
            return false;
        }
        int nearest = plan.nearest[employee];
        return nearest < 0 || !covers(plan.authority[nearest].perGrant(), amount);
    }

    /**
     * Returns why the employee may not grant a proposal that {@code level} may: the nearest limit at or below the
     * employee that falls short, per grant or in its window.
     */
    String shortfall(RemedyPlan plan, BigDecimal amount, Facts facts, IndexedRule[] matched, int grants, int level,
                     Siblings prior) {
        int employee = facts.employeeRank();
        if (common(plan, amount, employee, grants, prior)) {
            return amount == null ? plan.remedy + plan.shortfall[employee][level]
                    : plan.shortfallReasons.reason(employee, level, amount).because();
        }
        String what = describe(plan.remedy, amount, prior);
        BigDecimal counted = prior.counted(amount);
        String employeeRole = policy.roles().get(employee);
        String approver = policy.roles().get(level);
        for (int role = employee; role >= 0; role--) {
            Limit limit = perGrant(plan, role, matched, grants, facts);
            if (limit == null) {
                continue;
            }
            String why = covers(limit, counted) ? windowShortfall(plan.entry(role), plan, counted, facts, prior)
                    : "up to " + limit + " per grant" + working(plan.entry(role), limit, facts);
            return what + " is beyond the authority of " + employeeRole + " (" + why + "); " + approver
                    + " may grant it";
        }
        return what + " is beyond the authority of " + employeeRole + " (none for " + plan.remedy + "); "
                + approver + " may grant it";
    }

    /** Returns how a computed own limit that is the binding one was computed ({@code : attributes.paid / 3 = ...}). */
    private static String working(AuthorityEntry entry, Limit limit, Facts facts) {
        if (entry == null || entry.computed() == null || !limit.equals(entry.perGrant(facts))) {
            return "";
        }
        return ": " + entry.computed().working(facts);
    }

    /**
     * Returns the sentence for a proposal no role's own limit covers, saying what {@code beyondAuthority} made of
     * it. "No role may grant it" would contradict a {@code beyondAuthority} role that then approves it, so the
     * sentence speaks of the roles' own authority and of where the policy sends the proposal.
     */
    String beyond(String remedy, BigDecimal amount, Siblings prior) {
        String what = describe(remedy, amount, prior);
        Beyond beyond = policy.beyond();
        return switch (beyond.kind()) {
            case SWAT -> what + " is beyond every role's own authority; the policy sends such proposals to "
                    + policy.swatTeam();
            case ESCALATE -> what + " is beyond every role's own authority; the policy sends such proposals to "
                    + beyond.role();
            default -> what + " is beyond every role's authority";
        };
    }

    /**
     * Returns the proposal in words: {@code refund of 40}, and with earlier siblings
     * {@code refund of 40 (80 with this case's earlier proposals [0])}.
     */
    private static String describe(String remedy, BigDecimal amount, Siblings prior) {
        String what = amount == null ? remedy : remedy + " of " + amount.toPlainString();
        if (prior.none()) {
            return what;
        }
        String counted = amount == null ? "" : prior.counted(amount).toPlainString() + " ";
        return what + " (" + counted + "with this case's earlier proposals " + prior.proposals() + ")";
    }

    /**
     * Traces how the authority role of a proposal is found, for an explanation: each role with a limit, lowest
     * first, what raised it, its window and whether it covers.
     *
     * @param grants the grant rules the proposal matched, in the order the explanation lists them
     */
    Explanation.AuthorityTrace trace(RemedyPlan plan, BigDecimal amount, Facts facts, IndexedRule[] grants,
                                     Siblings prior) {
        BigDecimal counted = prior.counted(amount);
        List<Explanation.RoleLimit> roles = new ArrayList<>();
        String covering = null;
        for (int role = 0; role < policy.roles().size(); role++) {
            AuthorityEntry entry = plan.entry(role);
            Limit perGrant = perGrant(plan, role, grants, grants.length, facts);
            if (perGrant == null) {
                continue;
            }
            List<String> raisedBy = new ArrayList<>();
            for (IndexedRule g : grants) {
                if (g.role == role) {
                    raisedBy.add(g.rule.id());
                }
            }
            Explanation.Window window = null;
            boolean covers = covers(perGrant, counted);
            if (entry != null && entry.hasWindow()) {
                Windows.Use used = used(entry, plan, facts);
                window = new Explanation.Window(entry.perCustomer(), used.count(), used.total());
                covers &= windowShortfall(entry, plan, counted, facts, prior) == null;
            }
            String name = policy.roles().get(role);
            roles.add(new Explanation.RoleLimit(name, perGrant, raisedBy, window, covers));
            if (covers && covering == null) {
                covering = name;
            }
        }
        // the trace says deny, swat or the role, as beyondAuthority is written: the team is the decision's to name
        Beyond beyond = covering != null ? null
                : policy.beyond().kind() == Beyond.Kind.SWAT ? Beyond.swat(null) : policy.beyond();
        Explanation.Siblings siblings = prior.none() ? null
                : new Explanation.Siblings(prior.proposals(), prior.count(), prior.total());
        return new Explanation.AuthorityTrace(roles, covering, beyond, siblings);
    }
}
