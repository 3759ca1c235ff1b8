package org.resolutionpolicy.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Counts what a JSON-lines decision log holds, per policy: decisions, and proposals by outcome, rule, remedy and
 * approver, so a team can see trends (which rules escalate most, how often SWAT is called). A log written by
 * several policies, or by several versions of one, is counted apart per policy id and version: rule ids of one
 * policy say nothing about another, so they are never added together.
 *
 * @param policies the counts of each policy id and version, in the order they first appear in the log
 * @param malformedLines the 1-based numbers of the first lines (at most {@value #MALFORMED_SAMPLES}) that were neither
 *                       a decision record nor a reload record
 * @param malformedCount how many lines were malformed, all of them: a log of millions of bad lines is counted, not
 *                       listed
 */
public record DecisionLogSummary(List<PolicyCounts> policies, List<Long> malformedLines, long malformedCount) {

    /** How many numbers of malformed lines a summary keeps; it counts the rest. */
    public static final int MALFORMED_SAMPLES = 100;

    /**
     * Creates a summary.
     *
     * @throws IllegalArgumentException if the count is smaller than the lines listed
     */
    public DecisionLogSummary {
        policies = List.copyOf(policies);
        malformedLines = List.copyOf(malformedLines);
        if (malformedCount < malformedLines.size()) {
            throw new IllegalArgumentException("malformedCount [" + malformedCount + "] is smaller than the "
                    + malformedLines.size() + " malformed lines listed");
        }
    }

    /**
     * Creates a summary whose malformed lines are all listed.
     *
     * @deprecated a summary lists the first {@value #MALFORMED_SAMPLES} malformed lines and counts them all: use the
     *             canonical constructor
     */
    @Deprecated(since = "0.1.0")
    public DecisionLogSummary(List<PolicyCounts> policies, List<Long> malformedLines) {
        this(policies, malformedLines, malformedLines.size());
    }

    /**
     * Counts the decisions of one policy id and version.
     *
     * @param policy the policy id, or null for records that name none
     * @param version the policy version, or null for records that name none
     * @param decisions how many decisions (lines) were read
     * @param proposals how many proposals they decided
     * @param swatDecisions how many decisions went to SWAT in any part
     * @param byOutcome proposals per outcome
     * @param byRule proposals each rule was a reason for, most frequent first
     * @param byRemedy proposals per remedy, with their outcomes
     * @param byApprover escalated decisions (cases to approve) per approver, most frequent first: a decision with two
     *                   proposals for one approver counts once, as a replay's escalations do
     * @param byFollowUp follow-ups per action, most frequent first
     */
    public record PolicyCounts(String policy, String version, long decisions, long proposals, long swatDecisions,
                               Map<String, Long> byOutcome, Map<String, Long> byRule,
                               Map<String, Map<String, Long>> byRemedy, Map<String, Long> byApprover,
                               Map<String, Long> byFollowUp) {

        /** Returns {@code id version}, or {@code (no policy named)} for records without one. */
        public String label() {
            return policy == null ? "(no policy named)" : version == null ? policy : policy + " " + version;
        }
    }

    /** Returns how many decisions the log holds, over every policy. */
    public long decisions() {
        return policies.stream().mapToLong(PolicyCounts::decisions).sum();
    }

    /** Returns how many proposals the log's decisions decided, over every policy. */
    public long proposals() {
        return policies.stream().mapToLong(PolicyCounts::proposals).sum();
    }

    /** Returns how many decisions went to SWAT in any part, over every policy. */
    public long swatDecisions() {
        return policies.stream().mapToLong(PolicyCounts::swatDecisions).sum();
    }

    /**
     * Reads a log; malformed lines are counted, the first {@value #MALFORMED_SAMPLES} by number, never fatal.
     *
     * @throws IOException when the log cannot be read
     */
    public static DecisionLogSummary read(BufferedReader in) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(1_000_000);
        Yaml json = new Yaml(new SafeConstructor(options));
        Map<List<String>, Counter> byPolicy = new LinkedHashMap<>();
        List<Long> malformed = new ArrayList<>();
        long malformedCount = 0;
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> record;
            try {
                Object loaded = json.load(line);
                if (loaded instanceof Map<?, ?> event && (event.containsKey("reload") || event.containsKey("shadow"))) {
                    // a live policy's reload, or a shadow's outcome for a decision above: not a decision, and not
                    // malformed
                    continue;
                }
                if (!(loaded instanceof Map<?, ?> parsed) || !parsed.containsKey("decisionId")) {
                    malformedCount = malformed(malformed, malformedCount, number);
                    continue;
                }
                record = parsed;
            } catch (RuntimeException e) {
                malformedCount = malformed(malformed, malformedCount, number);
                continue;
            }
            String policy = text(record.get("policy"));
            String version = text(record.get("version"));
            byPolicy.computeIfAbsent(java.util.Arrays.asList(policy, version), k -> new Counter(policy, version))
                    .add(record);
        }
        return new DecisionLogSummary(byPolicy.values().stream().map(Counter::counts).toList(), malformed,
                malformedCount);
    }

    /** Counts a malformed line, keeping its number among the first ones; returns the new count. */
    private static long malformed(List<Long> first, long count, long number) {
        if (first.size() < MALFORMED_SAMPLES) {
            first.add(number);
        }
        return count + 1;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** The running counts of one policy id and version while the log is read. */
    private static final class Counter {
        private final String policy;
        private final String version;
        private long decisions;
        private long proposals;
        private long swat;
        private final Map<String, Long> byOutcome = new TreeMap<>();
        private final Map<String, Long> byRule = new TreeMap<>();
        private final Map<String, Map<String, Long>> byRemedy = new TreeMap<>();
        private final Map<String, Long> byApprover = new TreeMap<>();
        private final Map<String, Long> byFollowUp = new TreeMap<>();

        Counter(String policy, String version) {
            this.policy = policy;
            this.version = version;
        }

        void add(Map<?, ?> record) {
            decisions++;
            if (Boolean.TRUE.equals(record.get("swat"))) {
                swat++;
            }
            // as a replay counts escalations: cases to approve, a case with two proposals for one approver once
            java.util.Set<String> approvers = new java.util.TreeSet<>();
            for (Object p : list(record.get("proposals"))) {
                if (!(p instanceof Map<?, ?> proposal)) {
                    continue;
                }
                proposals++;
                String outcome = String.valueOf(proposal.get("outcome"));
                count(byOutcome, outcome);
                count(byRemedy.computeIfAbsent(String.valueOf(proposal.get("remedy")), k -> new TreeMap<>()), outcome);
                if (proposal.get("approver") != null) {
                    approvers.add(String.valueOf(proposal.get("approver")));
                }
                for (Object rule : list(proposal.get("rules"))) {
                    count(byRule, String.valueOf(rule));
                }
            }
            approvers.forEach(a -> count(byApprover, a));
            for (Object f : list(record.get("followUps"))) {
                count(byFollowUp, String.valueOf(f));
            }
        }

        PolicyCounts counts() {
            return new PolicyCounts(policy, version, decisions, proposals, swat,
                    Collections.unmodifiableMap(byOutcome), sortedByCount(byRule),
                    Collections.unmodifiableMap(byRemedy), sortedByCount(byApprover), sortedByCount(byFollowUp));
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(Objects.requireNonNull(key), 1L, Long::sum);
    }

    /** Most frequent first, then by name: the top of the list is what a team looks at. */
    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Collections.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }
}
