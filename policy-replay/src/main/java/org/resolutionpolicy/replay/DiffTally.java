package org.resolutionpolicy.replay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.DiffReport.ActionChange;
import org.resolutionpolicy.replay.DiffReport.CaseChanges;
import org.resolutionpolicy.replay.DiffReport.FollowUpChanges;
import org.resolutionpolicy.replay.DiffReport.MoneyMove;
import org.resolutionpolicy.replay.DiffReport.Transition;
import org.resolutionpolicy.replay.DiffReport.WorkloadChange;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;

/** Compares two policies' decisions of each case for one worker of a {@link Diff}. */
final class DiffTally extends Tally<DiffTally> {

    private final Policy before;
    private final Policy after;
    private final Map<String, RemedyUnit> units;
    long proposals;
    long changedCases;
    long changedProposals;
    private final Map<Pair, Cell> cells = new HashMap<>();
    private final Counts<String> workloadBefore = new Counts<>();
    private final Counts<String> workloadAfter = new Counts<>();
    private long followUpCases;
    private final Samples followUpSamples = new Samples(DiffReport.SAMPLES);
    private final Counts<String> followUpsAdded = new Counts<>();
    private final Counts<String> followUpsRemoved = new Counts<>();
    private long latitudeCases;
    private final Samples latitudeSamples = new Samples(DiffReport.SAMPLES);

    DiffTally(Policy before, Policy after) {
        this.before = before;
        this.after = after;
        this.units = new HashMap<>(before.remedies());
        this.units.putAll(after.remedies());
    }

    /** One cell of a remedy's transition matrix. */
    private record Pair(String remedy, Outcome from, Outcome to) {
    }

    /** What a cell has counted. */
    private static final class Cell {
        long count;
        BigDecimal money = BigDecimal.ZERO;
        final Samples samples = new Samples(DiffReport.SAMPLES);
        final Counts<String> rules = new Counts<>();

        void addAll(Cell other) {
            count += other.count;
            money = money.add(other.money);
            samples.addAll(other.samples);
            rules.addAll(other.rules);
        }
    }

    /** The parts of a follow-up a customer or an owner sees; which rule asked for it is not one of them. */
    private record Owed(String action, String owner, String within) {
        static Owed of(FollowUp f) {
            return new Owed(f.action(), f.owner(), f.within() == null ? null : f.within().toString());
        }
    }

    @Override
    void decide(long line, CustomerCase c) {
        Decision old = decideBy(before, "before", c);
        Decision now = decideBy(after, "after", c);
        boolean changed = false;
        for (int i = 0; i < old.proposals().size(); i++) {
            changed |= proposal(line, c.id(), old.proposals().get(i), now.proposals().get(i));
        }
        workload(old, workloadBefore);
        workload(now, workloadAfter);
        if (followUps(old.followUps(), now.followUps())) {
            followUpCases++;
            followUpSamples.add(line, c.id());
            changed = true;
        }
        if (!old.latitude().equals(now.latitude())) {
            latitudeCases++;
            latitudeSamples.add(line, c.id());
            changed = true;
        }
        if (changed) {
            changedCases++;
        }
    }

    private static Decision decideBy(Policy policy, String side, CustomerCase c) {
        try {
            return policy.decideWithoutSentences(c);
        } catch (InvalidCaseException e) {
            throw new InvalidCaseException((c.id() == null ? "" : c.id() + " ") + "by the policy " + side + " the edit, "
                    + policy.id() + " " + policy.version(), e.problems());
        }
    }

    private boolean proposal(long line, String caseId, ProposalDecision old, ProposalDecision now) {
        proposals++;
        Cell cell = cells.computeIfAbsent(new Pair(now.remedy(), old.outcome(), now.outcome()), p -> new Cell());
        cell.count++;
        if (now.amount() != null && units.get(now.remedy()) == RemedyUnit.MONEY) {
            cell.money = cell.money.add(now.amount());
        }
        if (old.outcome().equals(now.outcome())) {
            return false;
        }
        changedProposals++;
        cell.samples.add(line, caseId);
        Set<String> oldRules = new LinkedHashSet<>(old.ruleIds());
        Set<String> newRules = new LinkedHashSet<>(now.ruleIds());
        Set<String> responsible = new TreeSet<>(newRules);
        responsible.removeAll(oldRules);
        for (String r : oldRules) {
            if (!newRules.contains(r)) {
                responsible.add(r);
            }
        }
        // the same rules decided both: their conditions, grants or the limits were edited
        (responsible.isEmpty() ? newRules : responsible).forEach(r -> cell.rules.add(r, 1));
        return true;
    }

    private static void workload(Decision d, Counts<String> workload) {
        Set<String> approvers = new HashSet<>();
        for (ProposalDecision p : d.proposals()) {
            if (p.kind() == Outcome.Kind.ESCALATE && approvers.add(p.outcome().approver())) {
                workload.add(p.outcome().approver(), 1);
            }
        }
    }

    /** Counts the follow-ups added and removed, per action; returns true if any was. */
    private boolean followUps(List<FollowUp> old, List<FollowUp> now) {
        Map<Owed, Integer> balance = new LinkedHashMap<>();
        old.forEach(f -> balance.merge(Owed.of(f), -1, Integer::sum));
        now.forEach(f -> balance.merge(Owed.of(f), 1, Integer::sum));
        boolean changed = false;
        for (Map.Entry<Owed, Integer> e : balance.entrySet()) {
            if (e.getValue() > 0) {
                followUpsAdded.add(e.getKey().action(), e.getValue());
                changed = true;
            } else if (e.getValue() < 0) {
                followUpsRemoved.add(e.getKey().action(), -e.getValue());
                changed = true;
            }
        }
        return changed;
    }

    @Override
    void merge(DiffTally other) {
        proposals += other.proposals;
        changedCases += other.changedCases;
        changedProposals += other.changedProposals;
        other.cells.forEach((pair, cell) -> cells.computeIfAbsent(pair, p -> new Cell()).addAll(cell));
        workloadBefore.addAll(other.workloadBefore);
        workloadAfter.addAll(other.workloadAfter);
        followUpCases += other.followUpCases;
        followUpSamples.addAll(other.followUpSamples);
        followUpsAdded.addAll(other.followUpsAdded);
        followUpsRemoved.addAll(other.followUpsRemoved);
        latitudeCases += other.latitudeCases;
        latitudeSamples.addAll(other.latitudeSamples);
    }

    DiffReport report(String history, long lines) {
        List<String> remedies = new ArrayList<>(after.remedies().keySet());
        before.remedies().keySet().stream().filter(r -> !remedies.contains(r)).forEach(remedies::add);
        Comparator<Outcome> lattice = Comparator.comparingInt((Outcome o) -> o.kind().ordinal())
                .thenComparingInt(o -> rank(o.approver()))
                .thenComparing(o -> Objects.toString(o.approver(), "") + Objects.toString(o.team(), ""));
        List<Pair> pairs = new ArrayList<>(cells.keySet());
        pairs.sort(Comparator.comparingInt((Pair p) -> remedies.indexOf(p.remedy()))
                .thenComparing(Pair::from, lattice).thenComparing(Pair::to, lattice));
        List<Transition> transitions = new ArrayList<>();
        Map<String, BigDecimal[]> moved = new LinkedHashMap<>();
        for (Pair p : pairs) {
            Cell cell = cells.get(p);
            transitions.add(new Transition(p.remedy(), p.from(), p.to(), cell.count, cell.money, cell.samples.list(),
                    cell.rules.mostFirst(Comparator.naturalOrder())));
            if (units.get(p.remedy()) == RemedyUnit.MONEY && p.from().kind() != p.to().kind()) {
                BigDecimal[] sums = moved.computeIfAbsent(p.remedy(), r -> ReplayTally.zeros());
                sums[p.to().kind().ordinal()] = sums[p.to().kind().ordinal()].add(cell.money);
            }
        }
        List<MoneyMove> money = new ArrayList<>();
        moved.forEach((remedy, s) -> money.add(new MoneyMove(remedy, s[Outcome.Kind.ALONE.ordinal()],
                s[Outcome.Kind.ESCALATE.ordinal()], s[Outcome.Kind.SWAT.ordinal()], s[Outcome.Kind.DENIED.ordinal()])));
        Set<String> approvers = new HashSet<>();
        workloadBefore.keys().forEach(approvers::add);
        workloadAfter.keys().forEach(approvers::add);
        List<WorkloadChange> workload = new ArrayList<>();
        for (String approver : ReplayTally.ladderOrder(after, approvers)) {
            if (workloadBefore.get(approver) != workloadAfter.get(approver)) {
                workload.add(new WorkloadChange(approver, workloadBefore.get(approver), workloadAfter.get(approver)));
            }
        }
        Set<String> actions = new TreeSet<>();
        followUpsAdded.keys().forEach(actions::add);
        followUpsRemoved.keys().forEach(actions::add);
        List<ActionChange> actionChanges = actions.stream()
                .map(a -> new ActionChange(a, followUpsAdded.get(a), followUpsRemoved.get(a))).toList();
        return new DiffReport(id(before), id(after), history, lines, cases, proposals, passedOver, skipped, badLines,
                changedCases, changedProposals, transitions, money, workload,
                new FollowUpChanges(followUpCases, followUpSamples.list(), actionChanges),
                new CaseChanges(latitudeCases, latitudeSamples.list()));
    }

    private int rank(String role) {
        int i = role == null ? -1 : after.roles().indexOf(role);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static PolicyId id(Policy p) {
        return new PolicyId(p.id(), p.version(), p.revision());
    }
}
