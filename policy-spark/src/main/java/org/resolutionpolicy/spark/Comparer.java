package org.resolutionpolicy.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Decides the history lines of one partition with the policy before and after an edit into rows of
 * {@link Schemas#COMPARISONS}: per case, what changed; the counting is left to Spark. What counts as a change, and
 * which rules are responsible for one, is the local diff's rule, written again here (it is package-private there).
 */
final class Comparer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<PolicyText> before;
    private final Broadcast<PolicyText> after;

    Comparer(Broadcast<PolicyText> before, Broadcast<PolicyText> after) {
        this.before = before;
        this.after = after;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) {
        Policy old = before.value().compiled();
        Policy now = after.value().compiled();
        Map<String, RemedyUnit> units = new HashMap<>(old.remedies());
        units.putAll(now.remedies());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Row next() {
                Row in = lines.next();
                return compare(old, now, units, in.getString(0), in.getLong(1), in.getString(2));
            }
        };
    }

    /** The parts of a follow-up a customer or an owner sees; which rule asked for it is not one of them. */
    private record Owed(String action, String owner, String within) {
        static Owed of(FollowUp f) {
            return new Owed(f.action(), f.owner(), f.within() == null ? null : f.within().toString());
        }
    }

    private static Row compare(Policy old, Policy now, Map<String, RemedyUnit> units, String file, long line,
                               String value) {
        HistoryLines.Read read = HistoryLines.read(file, line, value);
        if (!read.status().equals(HistoryLines.CASE)) {
            return empty(old, now, file, line, read.status(), read.problem(), null);
        }
        CustomerCase c = read.customerCase();
        Decision was;
        Decision is;
        try {
            was = decideBy(old, "before", c);
            is = decideBy(now, "after", c);
        } catch (InvalidCaseException e) {
            return empty(old, now, file, line, HistoryLines.BAD, HistoryLines.message(e), c.id());
        }
        boolean changed = false;
        Row[] proposals = new Row[was.proposals().size()];
        for (int i = 0; i < proposals.length; i++) {
            ProposalDecision o = was.proposals().get(i);
            ProposalDecision n = is.proposals().get(i);
            boolean moved = !o.outcome().equals(n.outcome());
            changed |= moved;
            boolean money = n.amount() != null && units.get(n.remedy()) == RemedyUnit.MONEY;
            proposals[i] = RowFactory.create(n.remedy(), o.kind().name(), o.outcome().approver(), o.outcome().team(),
                    n.kind().name(), n.outcome().approver(), n.outcome().team(),
                    Schemas.carried(n.amount(), file, line), n.amount() == null ? null : n.amount().scale(),
                    money, moved, moved ? responsible(o, n) : new String[0]);
        }
        Map<String, long[]> added = new LinkedHashMap<>();
        Map<String, long[]> removed = new LinkedHashMap<>();
        boolean followUps = followUps(was.followUps(), is.followUps(), added, removed);
        boolean latitude = !was.latitude().equals(is.latitude());
        changed |= followUps || latitude;
        return RowFactory.create(file, line, HistoryLines.CASE, null, c.id(), old.revision(), now.revision(), changed,
                latitude, followUps, proposals, approvers(was), approvers(is), counts(added), counts(removed));
    }

    private static Row empty(Policy old, Policy now, String file, long line, String status, String problem,
                             String caseId) {
        return RowFactory.create(file, line, status, problem, caseId, old.revision(), now.revision(), null, null, null,
                null, null, null, null, null);
    }

    private static Decision decideBy(Policy policy, String side, CustomerCase c) {
        try {
            return policy.decide(c);
        } catch (InvalidCaseException e) {
            throw new InvalidCaseException((c.id() == null ? "" : c.id() + " ") + "by the policy " + side + " the edit, "
                    + policy.id() + " " + policy.version(), e.problems());
        }
    }

    /** Each rule that is a reason of one decision and not of the other; when the same rules decided both, those. */
    private static String[] responsible(ProposalDecision old, ProposalDecision now) {
        Set<String> oldRules = new LinkedHashSet<>(old.ruleIds());
        Set<String> newRules = new LinkedHashSet<>(now.ruleIds());
        Set<String> responsible = new TreeSet<>(newRules);
        responsible.removeAll(oldRules);
        for (String r : oldRules) {
            if (!newRules.contains(r)) {
                responsible.add(r);
            }
        }
        return (responsible.isEmpty() ? newRules : responsible).toArray(String[]::new);
    }

    /** Returns the roles that approve any escalated proposal of a decision, each once. */
    private static String[] approvers(Decision d) {
        Set<String> approvers = new LinkedHashSet<>();
        for (ProposalDecision p : d.proposals()) {
            if (p.kind() == Outcome.Kind.ESCALATE) {
                approvers.add(p.outcome().approver());
            }
        }
        return approvers.toArray(String[]::new);
    }

    /** Counts the follow-ups added and removed, per action; returns true if any was. */
    private static boolean followUps(List<FollowUp> old, List<FollowUp> now, Map<String, long[]> added,
                                     Map<String, long[]> removed) {
        Map<Owed, Integer> balance = new LinkedHashMap<>();
        old.forEach(f -> balance.merge(Owed.of(f), -1, Integer::sum));
        now.forEach(f -> balance.merge(Owed.of(f), 1, Integer::sum));
        boolean changed = false;
        for (Map.Entry<Owed, Integer> e : balance.entrySet()) {
            if (e.getValue() > 0) {
                added.computeIfAbsent(e.getKey().action(), a -> new long[1])[0] += e.getValue();
                changed = true;
            } else if (e.getValue() < 0) {
                removed.computeIfAbsent(e.getKey().action(), a -> new long[1])[0] -= e.getValue();
                changed = true;
            }
        }
        return changed;
    }

    private static Row[] counts(Map<String, long[]> byAction) {
        return byAction.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue()[0])).toArray(Row[]::new);
    }
}
