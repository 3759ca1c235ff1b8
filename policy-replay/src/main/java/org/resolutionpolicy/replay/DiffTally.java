package org.resolutionpolicy.replay;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.DiffReport.SeverityCount;
import org.resolutionpolicy.replay.DiffReport.ActionChange;
import org.resolutionpolicy.replay.DiffReport.CaseChanges;
import org.resolutionpolicy.replay.DiffReport.FollowUpChanges;
import org.resolutionpolicy.replay.DiffReport.MoneyMove;
import org.resolutionpolicy.replay.DiffReport.Transition;
import org.resolutionpolicy.replay.DiffReport.WorkloadChange;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;

/** What a diff counts of two policies' decisions: the state behind {@link DiffCounter} and {@link DiffCounts}. */
final class DiffTally extends Tally<DiffTally.Subject> {

    private static final long serialVersionUID = 1L;

    private long proposals;
    private long changedCases;
    private long changedProposals;
    /** Not serialized as it is: an {@link Outcome} is not serializable (see {@link #writeObject}). */
    private transient Map<Pair, Cell> cells = new HashMap<>();
    private final Counts<String> workloadBefore = new Counts<>();
    private final Counts<String> workloadAfter = new Counts<>();
    /** Cases per severity used, before the edit and after it. */
    private final Counts<String> severitiesBefore = new Counts<>();
    private final Counts<String> severitiesAfter = new Counts<>();
    private long followUpCases;
    private final Samples followUpSamples = new Samples(DiffReport.SAMPLES);
    private final Counts<String> followUpsAdded = new Counts<>();
    private final Counts<String> followUpsRemoved = new Counts<>();
    private final Counts<ActionOwner> ownersAdded = new Counts<>();
    private final Counts<ActionOwner> ownersRemoved = new Counts<>();
    private long latitudeCases;
    private final Samples latitudeSamples = new Samples(DiffReport.SAMPLES);
    /** The currencies the cases state, counted only when neither policy names one. */
    private final Currencies currencies = new Currencies();

    DiffTally(Subject subject) {
        super(subject);
    }

    /**
     * What a diff counts: the decisions of a policy before and after an edit; the remedies of both, those after the
     * edit first, the roles after it in ladder order, and the currency either names (null for none: the cases then
     * say).
     */
    record Subject(PolicyId before, PolicyId after, List<String> remedies, Map<String, RemedyUnit> units,
                   List<String> roles, String currency, List<String> severities) implements Serializable {

        /**
         * Returns what a diff of two policies counts.
         *
         * @throws IllegalArgumentException if the policies name different currencies
         */
        static Subject of(Policy before, Policy after) {
            Objects.requireNonNull(before, "before must not be null");
            Objects.requireNonNull(after, "after must not be null");
            Map<String, RemedyUnit> units = new HashMap<>(before.remedies());
            units.putAll(after.remedies());
            List<String> remedies = new ArrayList<>(after.remedies().keySet());
            before.remedies().keySet().stream().filter(r -> !remedies.contains(r)).forEach(remedies::add);
            return new Subject(PolicyId.of(before), PolicyId.of(after), List.copyOf(remedies), Map.copyOf(units),
                    List.copyOf(after.roles()), Currencies.of(before, after), List.copyOf(after.severities()));
        }

        @Override
        public String toString() {
            return "[" + before + " (" + before.revision() + ") -> " + after + " (" + after.revision() + ")]";
        }
    }

    /*
     * The keys below are hashed once or more per case: their equals and hashCode are written out, as a record's are
     * made at first use through method handles, which a cold run interprets for seconds before the JIT compiles them.
     */

    /** One cell of a remedy's transition matrix. */
    private record Pair(String remedy, Outcome from, Outcome to) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && Objects.equals(remedy, p.remedy) && Objects.equals(from, p.from)
                    && Objects.equals(to, p.to);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(remedy) + Objects.hashCode(from)) * 31 + Objects.hashCode(to);
        }
    }

    /** What a cell has counted. */
    private static final class Cell implements Serializable {
        private static final long serialVersionUID = 1L;

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

        @Override
        public boolean equals(Object o) {
            return o instanceof Cell c && count == c.count && money.equals(c.money) && samples.equals(c.samples)
                    && rules.equals(c.rules);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count);
        }
    }

    /** The parts of a follow-up a customer or an owner sees; which rule asked for it is not one of them. */
    private record Owed(String action, String owner, String within) {
        static Owed of(FollowUp f) {
            return new Owed(f.action(), f.owner(), f.within() == null ? null : f.within().toString());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Owed w && Objects.equals(action, w.action) && Objects.equals(owner, w.owner)
                    && Objects.equals(within, w.within);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(action) + Objects.hashCode(owner)) * 31 + Objects.hashCode(within);
        }
    }

    /** A follow-up's action and owner, the key of the follow-ups that change per owner. */
    private record ActionOwner(String action, String owner) implements Serializable {
        @Override
        public boolean equals(Object o) {
            return o instanceof ActionOwner a && Objects.equals(action, a.action) && Objects.equals(owner, a.owner);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(action) + Objects.hashCode(owner);
        }
    }

    @Override
    Tally<Subject> fresh() {
        return new DiffTally(subject);
    }

    @Override
    DiffCounts counts() {
        return new DiffCounts(this);
    }

    /**
     * Counts one case decided by both policies, its money in the currency the case states (null for none or not
     * known); returns true if any part of its decision changed.
     */
    boolean count(long line, String caseId, Decision old, Decision now, String caseCurrency) {
        return count(line, caseId, old, now, caseCurrency, null);
    }

    /**
     * Counts one case as {@link #count(long, String, Decision, Decision, String)} does, each decision at the severity
     * it was made at: its policy's scale's, or without one the case's own ({@code given}, null when not known).
     */
    boolean count(long line, String caseId, Decision old, Decision now, String caseCurrency, String given) {
        String before = ReplayTally.severityUsed(old, given);
        String after = ReplayTally.severityUsed(now, given);
        if (before != null) {
            severitiesBefore.add(before, 1);
        }
        if (after != null) {
            severitiesAfter.add(after, 1);
        }
        cases++;
        boolean changed = false;
        for (int i = 0; i < old.proposals().size(); i++) {
            changed |= proposal(line, caseId, old.proposals().get(i), now.proposals().get(i), caseCurrency);
        }
        workload(old, workloadBefore);
        workload(now, workloadAfter);
        if (followUps(old.followUps(), now.followUps())) {
            followUpCases++;
            followUpSamples.add(line, caseId);
            changed = true;
        }
        if (!old.latitude().equals(now.latitude())) {
            latitudeCases++;
            latitudeSamples.add(line, caseId);
            changed = true;
        }
        if (changed) {
            changedCases++;
        }
        return changed;
    }

    /**
     * Counts cases both policies decided alike that were added up rather than kept one by one (a shadow log's
     * tally): as {@link #count} counts them, with no change.
     */
    void agreedCases(long n) {
        cases += n;
    }

    /**
     * Counts proposals of agreed cases with one remedy and outcome on both sides, {@code priced} of them with an
     * amount adding up to {@code money} in a currency ({@code null} for none stated), the first at a line: as
     * {@link #proposal} counts each of them.
     */
    void agreed(String remedy, Outcome outcome, long count, long priced, BigDecimal money, String currency,
                long firstLine, String firstCase) {
        proposals += count;
        Cell cell = cells.computeIfAbsent(new Pair(remedy, outcome, outcome), p -> new Cell());
        cell.count += count;
        if (priced > 0 && subject.units().get(remedy) == RemedyUnit.MONEY) {
            cell.money = cell.money.add(money);
            if (subject.currency() == null) {
                currencies.add(currency, priced, firstLine, firstCase);
            }
        }
    }

    /** Counts agreed cases escalated to an approver, the same on both sides. */
    void agreedWorkload(String approver, long cases) {
        workloadBefore.add(approver, cases);
        workloadAfter.add(approver, cases);
    }

    private boolean proposal(long line, String caseId, ProposalDecision old, ProposalDecision now,
                             String caseCurrency) {
        proposals++;
        Cell cell = cells.computeIfAbsent(new Pair(now.remedy(), old.outcome(), now.outcome()), p -> new Cell());
        cell.count++;
        if (now.amount() != null && subject.units().get(now.remedy()) == RemedyUnit.MONEY) {
            cell.money = cell.money.add(now.amount());
            if (subject.currency() == null) {
                currencies.add(now.proposal().currency() != null ? now.proposal().currency() : caseCurrency, line,
                        caseId);
            }
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
            ActionOwner owner = new ActionOwner(e.getKey().action(), e.getKey().owner());
            if (e.getValue() > 0) {
                followUpsAdded.add(e.getKey().action(), e.getValue());
                ownersAdded.add(owner, e.getValue());
                changed = true;
            } else if (e.getValue() < 0) {
                followUpsRemoved.add(e.getKey().action(), -e.getValue());
                ownersRemoved.add(owner, -e.getValue());
                changed = true;
            }
        }
        return changed;
    }

    @Override
    void addCases(Tally<Subject> tally) {
        DiffTally other = (DiffTally) tally;
        proposals += other.proposals;
        changedCases += other.changedCases;
        changedProposals += other.changedProposals;
        other.cells.forEach((pair, cell) -> cells.computeIfAbsent(pair, p -> new Cell()).addAll(cell));
        workloadBefore.addAll(other.workloadBefore);
        workloadAfter.addAll(other.workloadAfter);
        severitiesBefore.addAll(other.severitiesBefore);
        severitiesAfter.addAll(other.severitiesAfter);
        followUpCases += other.followUpCases;
        followUpSamples.addAll(other.followUpSamples);
        followUpsAdded.addAll(other.followUpsAdded);
        followUpsRemoved.addAll(other.followUpsRemoved);
        ownersAdded.addAll(other.ownersAdded);
        ownersRemoved.addAll(other.ownersRemoved);
        latitudeCases += other.latitudeCases;
        latitudeSamples.addAll(other.latitudeSamples);
        currencies.addAll(other.currencies);
    }

    @Override
    DiffReport report(String history) {
        String currency = subject.currency() != null ? subject.currency() : currencies.single(history);
        List<String> remedies = subject.remedies();
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
            if (subject.units().get(p.remedy()) == RemedyUnit.MONEY && p.from().kind() != p.to().kind()) {
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
        for (String approver : ReplayTally.ladderOrder(subject.roles(), approvers)) {
            if (workloadBefore.get(approver) != workloadAfter.get(approver)) {
                workload.add(new WorkloadChange(approver, workloadBefore.get(approver), workloadAfter.get(approver)));
            }
        }
        Set<String> actions = new TreeSet<>();
        followUpsAdded.keys().forEach(actions::add);
        followUpsRemoved.keys().forEach(actions::add);
        List<ActionChange> actionChanges = actions.stream()
                .map(a -> new ActionChange(a, followUpsAdded.get(a), followUpsRemoved.get(a))).toList();
        Set<ActionOwner> owners = new TreeSet<>(Comparator.comparing(ActionOwner::action)
                .thenComparing(ActionOwner::owner, Comparator.nullsFirst(Comparator.naturalOrder())));
        ownersAdded.keys().forEach(owners::add);
        ownersRemoved.keys().forEach(owners::add);
        List<DiffReport.OwnerChange> ownerChanges = owners.stream().map(o -> new DiffReport.OwnerChange(o.action(),
                o.owner(), ownersAdded.get(o), ownersRemoved.get(o))).toList();
        return new DiffReport(subject.before(), subject.after(), history, lines(), cases, proposals, passedOver,
                skipped, badLines, changedCases, changedProposals, transitions, money, workload,
                new FollowUpChanges(followUpCases, followUpSamples.list(), actionChanges, ownerChanges),
                new CaseChanges(latitudeCases, latitudeSamples.list()), currency, severities());
    }

    /**
     * Returns the cases per severity before and after the edit, in the order of the scale after it; none when the
     * edit moves no case between severities.
     */
    private List<SeverityCount> severities() {
        Set<String> all = new HashSet<>();
        severitiesBefore.keys().forEach(all::add);
        severitiesAfter.keys().forEach(all::add);
        List<SeverityCount> out = new ArrayList<>();
        for (String s : ReplayTally.ladderOrder(subject.severities(), all)) {
            out.add(new SeverityCount(s, severitiesBefore.get(s), severitiesAfter.get(s)));
        }
        // an edit that moves no case between severities has nothing to say about them (a shadow log, which does not
        // carry the cases' own severities, then sums to the same report as the diff)
        return out.stream().allMatch(c -> c.before() == c.after()) ? List.of() : out;
    }

    private int rank(String role) {
        int i = role == null ? -1 : subject.roles().indexOf(role);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiffTally t && sameLines(t) && proposals == t.proposals
                && changedCases == t.changedCases && changedProposals == t.changedProposals && cells.equals(t.cells)
                && workloadBefore.equals(t.workloadBefore) && workloadAfter.equals(t.workloadAfter)
                && severitiesBefore.equals(t.severitiesBefore) && severitiesAfter.equals(t.severitiesAfter)
                && followUpCases == t.followUpCases && followUpSamples.equals(t.followUpSamples)
                && followUpsAdded.equals(t.followUpsAdded) && followUpsRemoved.equals(t.followUpsRemoved)
                && ownersAdded.equals(t.ownersAdded) && ownersRemoved.equals(t.ownersRemoved)
                && latitudeCases == t.latitudeCases && latitudeSamples.equals(t.latitudeSamples)
                && currencies.equals(t.currencies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, cases, proposals, changedCases);
    }

    /** Writes each cell's outcomes as their parts: {@link Outcome} is of the API, which has no serializable type. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(cells.size());
        for (Map.Entry<Pair, Cell> e : cells.entrySet()) {
            out.writeObject(e.getKey().remedy());
            out.writeObject(parts(e.getKey().from()));
            out.writeObject(parts(e.getKey().to()));
            out.writeObject(e.getValue());
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        cells = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String remedy = (String) in.readObject();
            Outcome from = outcome((Object[]) in.readObject());
            Outcome to = outcome((Object[]) in.readObject());
            cells.put(new Pair(remedy, from, to), (Cell) in.readObject());
        }
    }

    private static Object[] parts(Outcome o) {
        return new Object[] {o.kind(), o.approver(), o.team(), o.approvers().toArray(String[]::new)};
    }

    private static Outcome outcome(Object[] parts) {
        return new Outcome((Outcome.Kind) parts[0], (String) parts[1], (String) parts[2],
                Arrays.asList((String[]) parts[3]));
    }
}
