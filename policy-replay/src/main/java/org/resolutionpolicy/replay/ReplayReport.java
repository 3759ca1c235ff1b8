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
 * @param severities for a policy with a severity scale, per severity the cases were decided at (the highest of
 *                   their own and the scale's), in the order of the policy's severities, only those some case was
 *                   decided at; empty for a policy without a scale, whose cases are decided at the severity they give
 */
public record ReplayReport(PolicyId policy, String history, long lines, long cases, long proposals, long latitudeCases,
                           long swatCases, long passedOver, long skippedLines, List<BadLine> badLines,
                           Granularity granularity, List<RemedyOutcomes> remedies, List<Workload> escalations,
                           Map<String, Long> swatByRule, Map<String, Long> decidingRules, List<FollowUpCount> followUps,
                           String currency, Map<String, Long> severities) {

    /** How many bad lines a report keeps, the first ones by line number; {@code skippedLines} counts them all. */
    public static final int BAD_LINE_SAMPLES = 100;

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
        severities = severities == null ? Map.of() : ordered(severities);
    }

    /**
     * Creates a report that does not count cases by severity, as reports did before they did.
     *
     * @throws NullPointerException if policy, history or granularity is null
     */
    public ReplayReport(PolicyId policy, String history, long lines, long cases, long proposals, long latitudeCases,
                        long swatCases, long passedOver, long skippedLines, List<BadLine> badLines,
                        Granularity granularity, List<RemedyOutcomes> remedies, List<Workload> escalations,
                        Map<String, Long> swatByRule, Map<String, Long> decidingRules, List<FollowUpCount> followUps,
                        String currency) {
        this(policy, history, lines, cases, proposals, latitudeCases, swatCases, passedOver, skippedLines, badLines,
                granularity, remedies, escalations, swatByRule, decidingRules, followUps, currency, null);
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
     * Counts one kind of follow-up owed.
     *
     * @param action what must happen
     * @param owner the role that owns it, or {@code null}
     * @param count how many decisions asked for it
     */
    public record FollowUpCount(String action, String owner, long count) {
    }
}
