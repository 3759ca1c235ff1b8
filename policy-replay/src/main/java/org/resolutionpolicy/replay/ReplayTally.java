package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.ReplayReport.FollowUpCount;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;
import org.resolutionpolicy.replay.ReplayReport.RemedyOutcomes;
import org.resolutionpolicy.replay.ReplayReport.Workload;

/** What a replay counts of one policy's decisions: the state behind {@link ReplayCounter} and {@link ReplayCounts}. */
final class ReplayTally extends Tally<ReplayTally.Subject> {

    private static final long serialVersionUID = 1L;
    private static final Outcome.Kind[] KINDS = Outcome.Kind.values();

    private long proposals;
    private long latitudeCases;
    private long swatCases;
    /** Per remedy: proposals per kind, and for money remedies the amounts per kind. */
    private final HashMap<String, long[]> outcomes = new HashMap<>();
    private final HashMap<String, BigDecimal[]> money = new HashMap<>();
    private final Counts<String> escalated = new Counts<>();
    private final Counts<String> undated = new Counts<>();
    private final Counts<Period> byPeriod = new Counts<>();
    private final Counts<String> swatByRule = new Counts<>();
    private final Counts<String> decidingRules = new Counts<>();
    private final Counts<FollowUpKey> followUps = new Counts<>();
    /** Cases per severity used: the scale's when the policy has one, the case's own otherwise. */
    private final Counts<String> severities = new Counts<>();
    /** The currencies the cases state, counted only when the policy names none. */
    private final Currencies currencies = new Currencies();
    /** The first and last day of {@code openedAt} of any case, null before a dated case: the history's span. */
    private LocalDate firstDay;
    private LocalDate lastDay;
    /** Every dated case, and those sent to SWAT, per period. */
    private final Counts<LocalDate> casesByPeriod = new Counts<>();
    private final Counts<LocalDate> swatByPeriod = new Counts<>();
    private long swatUndated;
    /** Escalated cases per remedy, requesting role, category and channel. */
    private final Counts<Facet> escalatedBy = new Counts<>();

    ReplayTally(Subject subject) {
        super(subject);
    }

    /**
     * What a replay counts: the decisions of one policy, its remedies in policy order and its roles in ladder order,
     * escalations per day or week, and the currency the policy names (null for none: the cases then say).
     */
    record Subject(PolicyId policy, Map<String, RemedyUnit> remedies, List<String> roles, Granularity granularity,
                   String currency, List<String> severities) implements Serializable {

        static Subject of(Policy policy, Granularity granularity) {
            Objects.requireNonNull(policy, "policy must not be null");
            return new Subject(PolicyId.of(policy), Collections.unmodifiableMap(new LinkedHashMap<>(policy.remedies())),
                    List.copyOf(policy.roles()), Objects.requireNonNull(granularity, "granularity must not be null"),
                    Currencies.of(policy), List.copyOf(policy.severities()));
        }

        @Override
        public String toString() {
            return "[" + policy + " (" + policy.revision() + ") per " + granularity.name().toLowerCase(java.util.Locale.ROOT)
                    + "]";
        }
    }

    /*
     * The keys below are counted once or more per case: their equals and hashCode are written out, as a record's are
     * made at first use through method handles, which a cold run interprets for seconds before the JIT compiles them.
     */

    /** An approver and the first day of a period. */
    private record Period(String approver, LocalDate start) implements Serializable {
        @Override
        public boolean equals(Object o) {
            return o instanceof Period p && Objects.equals(approver, p.approver) && Objects.equals(start, p.start);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(approver) + Objects.hashCode(start);
        }
    }

    private record FollowUpKey(String action, String owner) implements Serializable {
        @Override
        public boolean equals(Object o) {
            return o instanceof FollowUpKey k && Objects.equals(action, k.action) && Objects.equals(owner, k.owner);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(action) + Objects.hashCode(owner);
        }
    }

    /** One value of one of the case's facts an escalation is counted by: {@code category} and {@code gift-card}. */
    private record Facet(String fact, String value) implements Serializable {
        @Override
        public boolean equals(Object o) {
            return o instanceof Facet f && Objects.equals(fact, f.fact) && Objects.equals(value, f.value);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(fact) + Objects.hashCode(value);
        }
    }

    /** What a case says beside its decision, for the breakdowns of escalations; null when not known. */
    record CaseFacts(String role, String category, String channel) {
        static final CaseFacts UNKNOWN = new CaseFacts(null, null, null);
    }

    @Override
    Tally<Subject> fresh() {
        return new ReplayTally(subject);
    }

    @Override
    ReplayCounts counts() {
        return new ReplayCounts(this);
    }

    /** Counts one decided case whose currency is not known (it is the policy's, if the policy names one). */
    void count(Decision d, Instant openedAt) {
        count(d, openedAt, null, 0, CaseFacts.UNKNOWN);
    }

    /**
     * Counts one decided case, its money in the currency the case states (null for none), at a line of the history
     * (0 when not known).
     */
    void count(Decision d, Instant openedAt, String caseCurrency, long line, CaseFacts facts) {
        String severity = severityUsed(d, null);
        if (severity != null) {
            severities.add(severity, 1);
        }
        cases++;
        if (d.isLatitude()) {
            latitudeCases++;
        }
        if (d.swat()) {
            swatCases++;
        }
        // made at the first escalation: most cases have none
        Set<String> approvers = Set.of();
        Set<String> escalatedRemedies = null;
        for (ProposalDecision p : d.proposals()) {
            proposals++;
            int kind = p.kind().ordinal();
            outcomes.computeIfAbsent(p.remedy(), r -> new long[KINDS.length])[kind]++;
            if (p.amount() != null && subject.remedies().get(p.remedy()) == RemedyUnit.MONEY) {
                BigDecimal[] sums = money.computeIfAbsent(p.remedy(), r -> zeros());
                sums[kind] = sums[kind].add(p.amount());
                if (subject.currency() == null) {
                    currencies.add(p.proposal().currency() != null ? p.proposal().currency() : caseCurrency, line,
                            d.caseId());
                }
            }
            if (p.kind() == Outcome.Kind.ESCALATE) {
                if (escalatedRemedies == null) {
                    approvers = new LinkedHashSet<>();
                    escalatedRemedies = new LinkedHashSet<>();
                }
                approvers.add(p.outcome().approver());
                escalatedRemedies.add(p.remedy());
            }
            for (Reason r : p.reasons()) {
                decidingRules.add(r.rule(), 1);
                if (p.kind() == Outcome.Kind.SWAT) {
                    swatByRule.add(r.rule(), 1);
                }
            }
        }
        LocalDate period = null;
        if (openedAt != null) {
            LocalDate day = LocalDate.ofInstant(openedAt, ZoneOffset.UTC);
            firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
            lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
            period = subject.granularity().periodOf(day);
            casesByPeriod.add(period, 1);
        }
        if (d.swat()) {
            if (period == null) {
                swatUndated++;
            } else {
                swatByPeriod.add(period, 1);
            }
        }
        if (!approvers.isEmpty()) {
            for (String r : escalatedRemedies) {
                escalatedBy.add(new Facet(ReplayReport.REMEDY, r), 1);
            }
            String role = facts.role() != null ? facts.role() : d.employeeRole();
            escalatedBy.add(new Facet(ReplayReport.ROLE, role == null ? ReplayReport.NONE : role), 1);
            if (facts != CaseFacts.UNKNOWN) {
                escalatedBy.add(new Facet(ReplayReport.CATEGORY,
                        facts.category() == null ? ReplayReport.NONE : facts.category()), 1);
                escalatedBy.add(new Facet(ReplayReport.CHANNEL,
                        facts.channel() == null ? ReplayReport.NONE : facts.channel()), 1);
            }
        }
        for (String approver : approvers) {
            escalated.add(approver, 1);
            if (openedAt == null) {
                undated.add(approver, 1);
            } else {
                byPeriod.add(new Period(approver, period), 1);
            }
        }
        for (FollowUp f : d.followUps()) {
            followUps.add(new FollowUpKey(f.action(), f.owner()), 1);
        }
    }

    /** Returns the severity a case was decided at: its policy's scale's, or without one the case's own. */
    static String severityUsed(Decision d, String given) {
        return d.severity() != null ? d.severity().used() : given;
    }

    /** Returns the counts per severity in the order of a scale, any others after them by name. */
    static Map<String, Long> bySeverity(List<String> scale, Counts<String> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : ladderOrder(scale, counts.keys())) {
            out.put(s, counts.get(s));
        }
        return out;
    }

    static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[KINDS.length];
        Arrays.fill(sums, BigDecimal.ZERO);
        return sums;
    }

    @Override
    void addCases(Tally<Subject> tally) {
        ReplayTally other = (ReplayTally) tally;
        proposals += other.proposals;
        latitudeCases += other.latitudeCases;
        swatCases += other.swatCases;
        other.outcomes.forEach((remedy, counts) -> {
            long[] mine = outcomes.computeIfAbsent(remedy, r -> new long[KINDS.length]);
            for (int i = 0; i < KINDS.length; i++) {
                mine[i] += counts[i];
            }
        });
        other.money.forEach((remedy, sums) -> {
            BigDecimal[] mine = money.computeIfAbsent(remedy, r -> zeros());
            for (int i = 0; i < KINDS.length; i++) {
                mine[i] = mine[i].add(sums[i]);
            }
        });
        escalated.addAll(other.escalated);
        undated.addAll(other.undated);
        byPeriod.addAll(other.byPeriod);
        swatByRule.addAll(other.swatByRule);
        decidingRules.addAll(other.decidingRules);
        followUps.addAll(other.followUps);
        severities.addAll(other.severities);
        currencies.addAll(other.currencies);
        if (other.firstDay != null) {
            firstDay = firstDay == null || other.firstDay.isBefore(firstDay) ? other.firstDay : firstDay;
            lastDay = lastDay == null || other.lastDay.isAfter(lastDay) ? other.lastDay : lastDay;
        }
        casesByPeriod.addAll(other.casesByPeriod);
        swatByPeriod.addAll(other.swatByPeriod);
        swatUndated += other.swatUndated;
        escalatedBy.addAll(other.escalatedBy);
    }

    @Override
    ReplayReport report(String history) {
        String currency = subject.currency() != null ? subject.currency() : currencies.single(history);
        List<RemedyOutcomes> remedies = new ArrayList<>();
        subject.remedies().forEach((remedy, unit) -> {
            long[] counts = outcomes.getOrDefault(remedy, new long[KINDS.length]);
            Map<Outcome.Kind, Long> byKind = new EnumMap<>(Outcome.Kind.class);
            Map<Outcome.Kind, BigDecimal> amounts = new EnumMap<>(Outcome.Kind.class);
            BigDecimal[] sums = money.getOrDefault(remedy, zeros());
            for (Outcome.Kind k : KINDS) {
                byKind.put(k, counts[k.ordinal()]);
                if (unit == RemedyUnit.MONEY) {
                    amounts.put(k, sums[k.ordinal()]);
                }
            }
            remedies.add(new RemedyOutcomes(remedy, unit, byKind, amounts));
        });
        Map<String, TreeMap<LocalDate, Long>> periods = new HashMap<>();
        for (Period p : byPeriod.keys()) {
            periods.computeIfAbsent(p.approver(), a -> new TreeMap<>()).put(p.start(), byPeriod.get(p));
        }
        List<Workload> workloads = new ArrayList<>();
        for (String approver : ladderOrder(subject.roles(), escalated.keys())) {
            workloads.add(new Workload(approver, escalated.get(approver), undated.get(approver),
                    periods.getOrDefault(approver, new TreeMap<>())));
        }
        List<FollowUpCount> owed = new ArrayList<>();
        followUps.mostFirst(Comparator.comparing(FollowUpKey::action).thenComparing(FollowUpKey::owner,
                Comparator.nullsFirst(Comparator.naturalOrder()))).forEach((k, n) -> owed.add(new FollowUpCount(k.action(), k.owner(), n)));
        ReplayReport.Timeline timeline = new ReplayReport.Timeline(firstDay, lastDay, byDay(casesByPeriod),
                byDay(swatByPeriod), swatUndated);
        Map<String, Map<String, Long>> by = new LinkedHashMap<>();
        for (String fact : List.of(ReplayReport.REMEDY, ReplayReport.ROLE, ReplayReport.CATEGORY,
                ReplayReport.CHANNEL)) {
            Counts<String> values = new Counts<>();
            escalatedBy.keys().forEach(f -> {
                if (f.fact().equals(fact)) {
                    values.add(f.value(), escalatedBy.get(f));
                }
            });
            Map<String, Long> counted = values.mostFirst(Comparator.naturalOrder());
            if (!counted.isEmpty()) {
                by.put(fact, counted);
            }
        }
        return new ReplayReport(subject.policy(), history, lines(), cases, proposals, latitudeCases, swatCases,
                passedOver, skipped, badLines, subject.granularity(), remedies, workloads,
                swatByRule.mostFirst(Comparator.naturalOrder()), decidingRules.mostFirst(Comparator.naturalOrder()),
                owed, currency, timeline, by, bySeverity(subject.severities(), severities));
    }

    private static TreeMap<LocalDate, Long> byDay(Counts<LocalDate> counts) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        counts.keys().forEach(d -> days.put(d, counts.get(d)));
        return days;
    }

    /** Returns the roles in the policy's ladder order, any others after them by name. */
    static List<String> ladderOrder(List<String> ladder, Iterable<String> roles) {
        List<String> sorted = new ArrayList<>();
        roles.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt((String r) -> ladder.contains(r) ? ladder.indexOf(r) : ladder.size())
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayTally t && sameLines(t) && proposals == t.proposals
                && latitudeCases == t.latitudeCases && swatCases == t.swatCases
                && Counts.sameArrays(outcomes, t.outcomes) && Counts.sameArrays(money, t.money)
                && escalated.equals(t.escalated) && undated.equals(t.undated) && byPeriod.equals(t.byPeriod)
                && swatByRule.equals(t.swatByRule) && decidingRules.equals(t.decidingRules)
                && followUps.equals(t.followUps) && severities.equals(t.severities) && currencies.equals(t.currencies)
                && Objects.equals(firstDay, t.firstDay) && Objects.equals(lastDay, t.lastDay)
                && casesByPeriod.equals(t.casesByPeriod) && swatByPeriod.equals(t.swatByPeriod)
                && swatUndated == t.swatUndated && escalatedBy.equals(t.escalatedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, cases, proposals, escalated);
    }
}
