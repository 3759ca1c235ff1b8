package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Holds what one policy decided over a history: plain immutable data, for text, JSON and HTML renderings alike.
 *
 * <p>Outcomes and money count proposals; escalations count cases (a case with two proposals for the same approver
 * is one case to review); follow-ups count each follow-up of each decision.
 *
 * @param policy the policy's id, version and revision
 * @param history the history's name
 * @param lines every line read, blank and bad ones included
 * @param cases the cases decided
 * @param proposals the proposals of those cases
 * @param latitudeCases the cases without proposals (latitude questions), among {@code cases}
 * @param swatCases the cases any part of which went to SWAT
 * @param passedOver the lines that hold no case and were passed over: reload lines of a decision log
 * @param skippedLines the bad lines skipped
 * @param badLines the first bad lines, by line number, at most {@value #BAD_LINE_SAMPLES}
 * @param granularity the periods of {@link Workload#byPeriod()}
 * @param remedies per remedy in policy order: proposals per outcome, and money per outcome for money remedies
 * @param escalations per approver, in ladder order: the escalated cases that role approves
 * @param swatByRule per rule: the proposals it sent to SWAT, most first
 * @param decidingRules per rule: the proposals it was a reason for, most first ({@code authority} for the limits)
 * @param followUps per follow-up action and owner: how many are owed, most first
 * @param currency the currency of every money amount of the report (an ISO 4217 code): the policy's, or when the
 *                 policy names none the one every case with money states; {@code null} when neither names one. A
 *                 history whose amounts are in more than one currency has no report ({@link HistoryException})
 * @param timeline the history's span (the first and last day of {@code openedAt}) and its cases and SWAT cases per
 *                 period: every average of the report is over the span's periods ({@link #periods()}), never over
 *                 the periods that happened to have something
 * @param escalationsBy escalated cases per remedy, requesting role, category and channel (the keys
 *                      {@value #REMEDY}, {@value #ROLE}, {@value #CATEGORY}, {@value #CHANNEL}), each most first; a
 *                      case escalated in two remedies counts once per remedy, once in every other breakdown; a fact a
 *                      counter was not told of (a decision counted alone) has no breakdown
 * @param severities for a policy with a severity scale, per severity the cases were decided at (the highest of
 *                   their own and the scale's), in the order of the policy's severities, only those some case was
 *                   decided at; empty for a policy without a scale, whose cases are decided at the severity they give
 */
public record ReplayReport(PolicyId policy, String history, long lines, long cases, long proposals, long latitudeCases,
                           long swatCases, long passedOver, long skippedLines, List<BadLine> badLines,
                           Granularity granularity, List<RemedyOutcomes> remedies, List<Workload> escalations,
                           Map<String, Long> swatByRule, Map<String, Long> decidingRules, List<FollowUpCount> followUps,
                           String currency, Timeline timeline, Map<String, Map<String, Long>> escalationsBy,
                           Map<String, Long> severities) {

    /** How many bad lines a report keeps, the first ones by line number; {@code skippedLines} counts them all. */
    public static final int BAD_LINE_SAMPLES = 100;
    /** The breakdown of escalated cases by remedy. */
    public static final String REMEDY = "remedy";
    /** The breakdown of escalated cases by the requesting employee's role. */
    public static final String ROLE = "requesting role";
    /** The breakdown of escalated cases by category. */
    public static final String CATEGORY = "category";
    /** The breakdown of escalated cases by channel. */
    public static final String CHANNEL = "channel";
    /** The value a breakdown counts a case under when the case does not state the fact. */
    public static final String NONE = "(none)";

    /**
     * Creates a report, copying its collections.
     *
     * @throws NullPointerException if policy, history or granularity is null
     */
    public ReplayReport {
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(history, "history must not be null");
        Objects.requireNonNull(granularity, "granularity must not be null");
        badLines = List.copyOf(badLines);
        remedies = List.copyOf(remedies);
        escalations = List.copyOf(escalations);
        swatByRule = ordered(swatByRule);
        decidingRules = ordered(decidingRules);
        followUps = List.copyOf(followUps);
        timeline = timeline == null ? Timeline.NONE : timeline;
        Map<String, Map<String, Long>> by = new LinkedHashMap<>();
        if (escalationsBy != null) {
            escalationsBy.forEach((fact, counts) -> by.put(fact, ordered(counts)));
        }
        escalationsBy = Collections.unmodifiableMap(by);
        severities = severities == null ? Map.of() : ordered(severities);
    }

    /**
     * Creates a report that does not count cases by severity (a policy without a severity scale).
     *
     * @throws NullPointerException if policy, history or granularity is null
     */
    public ReplayReport(PolicyId policy, String history, long lines, long cases, long proposals, long latitudeCases,
                        long swatCases, long passedOver, long skippedLines, List<BadLine> badLines,
                        Granularity granularity, List<RemedyOutcomes> remedies, List<Workload> escalations,
                        Map<String, Long> swatByRule, Map<String, Long> decidingRules, List<FollowUpCount> followUps,
                        String currency, Timeline timeline, Map<String, Map<String, Long>> escalationsBy) {
        this(policy, history, lines, cases, proposals, latitudeCases, swatCases, passedOver, skippedLines, badLines,
                granularity, remedies, escalations, swatByRule, decidingRules, followUps, currency, timeline,
                escalationsBy, null);
    }

    /**
     * Creates a report without a timeline or breakdowns, as reports were before they had them.
     *
     * @throws NullPointerException if policy, history or granularity is null
     */
    public ReplayReport(PolicyId policy, String history, long lines, long cases, long proposals, long latitudeCases,
                        long swatCases, long passedOver, long skippedLines, List<BadLine> badLines,
                        Granularity granularity, List<RemedyOutcomes> remedies, List<Workload> escalations,
                        Map<String, Long> swatByRule, Map<String, Long> decidingRules, List<FollowUpCount> followUps,
                        String currency) {
        this(policy, history, lines, cases, proposals, latitudeCases, swatCases, passedOver, skippedLines, badLines,
                granularity, remedies, escalations, swatByRule, decidingRules, followUps, currency, null, null, null);
    }

    /**
     * Returns how many periods the history spans, from the period of its first day of {@code openedAt} to that of
     * its last, both counted, empty periods too: what every average of the report divides by. 0 for a history
     * without a dated case, or a report without a timeline.
     */
    public long periods() {
        return timeline.periods(granularity);
    }

    /**
     * Returns an approver's escalated cases per period, averaged over the history's span ({@link #periods()}): 3
     * dated escalations over 10 weeks are 0.3 a week, whichever weeks they fell in; 0 without a span.
     *
     * @param workload one of {@link #escalations()}
     */
    public double averagePerPeriod(Workload workload) {
        long periods = periods();
        return periods == 0 ? 0 : (double) (workload.cases() - workload.undated()) / periods;
    }

    /**
     * Creates a report whose amounts name no currency, as reports did before they carried one.
     *
     * @throws NullPointerException if policy, history or granularity is null
     */
    public ReplayReport(PolicyId policy, String history, long lines, long cases, long proposals, long latitudeCases,
                        long swatCases, long passedOver, long skippedLines, List<BadLine> badLines,
                        Granularity granularity, List<RemedyOutcomes> remedies, List<Workload> escalations,
                        Map<String, Long> swatByRule, Map<String, Long> decidingRules, List<FollowUpCount> followUps) {
        this(policy, history, lines, cases, proposals, latitudeCases, swatCases, passedOver, skippedLines, badLines,
                granularity, remedies, escalations, swatByRule, decidingRules, followUps, null);
    }

    private static <V> Map<Outcome.Kind, V> byKind(Map<Outcome.Kind, V> map) {
        Map<Outcome.Kind, V> copy = new EnumMap<>(Outcome.Kind.class);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }

    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Names a policy as its decisions do.
     *
     * @param id the policy id
     * @param version its version
     * @param revision its revision: version and a hash of its sources
     */
    public record PolicyId(String id, String version, String revision) implements Serializable {

        /**
         * Returns the id, version and revision of a policy.
         *
         * @param policy the policy
         * @return its id
         * @throws NullPointerException if policy is null
         */
        public static PolicyId of(Policy policy) {
            return new PolicyId(policy.id(), policy.version(), policy.revision());
        }

        /** Returns {@code id version}. */
        @Override
        public String toString() {
            return id + " " + version;
        }
    }

    /**
     * Counts the proposals of one remedy by outcome.
     *
     * @param remedy the remedy id
     * @param unit its unit
     * @param outcomes proposals per kind of outcome, every kind present (0 when none)
     * @param money for a money remedy, the amounts per kind of outcome, every kind present; empty otherwise
     */
    public record RemedyOutcomes(String remedy, RemedyUnit unit, Map<Outcome.Kind, Long> outcomes,
                                 Map<Outcome.Kind, BigDecimal> money) {

        /** Creates the counts, copying the maps into kind order. */
        public RemedyOutcomes {
            outcomes = byKind(outcomes);
            money = byKind(money);
        }

        /** Returns how many proposals of this remedy were decided. */
        public long total() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Counts the escalated cases one role approves.
     *
     * @param approver the role
     * @param cases every such case
     * @param undated those without {@code openedAt}, which fall in no period
     * @param byPeriod the others, per period (its first day), in date order
     */
    public record Workload(String approver, long cases, long undated, SortedMap<LocalDate, Long> byPeriod) {

        /** Creates the counts, copying the periods. */
        public Workload {
            byPeriod = Collections.unmodifiableSortedMap(new TreeMap<>(byPeriod));
        }
    }

    /**
     * Holds the history's span and what happened in each of its periods.
     *
     * @param first the first day of {@code openedAt} of any case (UTC), or {@code null} when no case is dated
     * @param last the last such day, or {@code null}
     * @param cases the dated cases per period (its first day), in date order; periods without a case are absent
     * @param swat the dated cases any part of which went to SWAT, per period
     * @param swatUndated the cases sent to SWAT without {@code openedAt}
     */
    public record Timeline(LocalDate first, LocalDate last, SortedMap<LocalDate, Long> cases,
                           SortedMap<LocalDate, Long> swat, long swatUndated) {

        /** The timeline of a history without a dated case. */
        public static final Timeline NONE = new Timeline(null, null, new TreeMap<>(), new TreeMap<>(), 0);

        /**
         * Creates a timeline, copying the periods.
         *
         * @throws IllegalArgumentException if only one of first and last is given, or last is before first
         */
        public Timeline {
            if ((first == null) != (last == null) || first != null && last.isBefore(first)) {
                throw new IllegalArgumentException("a timeline needs both its first and last day, in order: ["
                        + first + "] to [" + last + "]");
            }
            cases = Collections.unmodifiableSortedMap(new TreeMap<>(cases));
            swat = Collections.unmodifiableSortedMap(new TreeMap<>(swat));
        }

        /**
         * Returns every period of the span, its first day each, empty ones too, in date order.
         *
         * @param granularity the periods
         */
        public List<LocalDate> periodStarts(Granularity granularity) {
            if (first == null) {
                return List.of();
            }
            List<LocalDate> starts = new java.util.ArrayList<>();
            int step = granularity == Granularity.DAY ? 1 : 7;
            for (LocalDate d = granularity.periodOf(first); !d.isAfter(last); d = d.plusDays(step)) {
                starts.add(d);
            }
            return starts;
        }

        /**
         * Returns how many periods the span covers, both ends counted.
         *
         * @param granularity the periods
         */
        public long periods(Granularity granularity) {
            if (first == null) {
                return 0;
            }
            long days = java.time.temporal.ChronoUnit.DAYS.between(granularity.periodOf(first),
                    granularity.periodOf(last));
            return granularity == Granularity.DAY ? days + 1 : days / 7 + 1;
        }
    }

    /**
     * Counts one kind of follow-up owed.
     *
     * @param action what must happen
     * @param owner the role that owns it, or {@code null}
     * @param count how many decisions asked for it
     */
    public record FollowUpCount(String action, String owner, long count) {
    }
}
