package org.resolutionpolicy.engine.internal.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Counts what a JSON-lines decision log holds: decisions, and proposals by outcome, rule, remedy and approver,
 * so a team can see trends (which rules escalate most, how often SWAT is called).
 *
 * @param decisions how many decisions (lines) were read
 * @param proposals how many proposals they decided
 * @param swatDecisions how many decisions went to SWAT in any part
 * @param byOutcome proposals per outcome
 * @param byRule proposals each rule was a reason for
 * @param byRemedy proposals per remedy, with their outcomes
 * @param byApprover escalated proposals per approver
 * @param byFollowUp follow-ups per action
 * @param malformedLines the 1-based numbers of lines that were neither a decision record nor a reload record
 */
public record DecisionLogSummary(long decisions, long proposals, long swatDecisions, Map<String, Long> byOutcome,
                                 Map<String, Long> byRule, Map<String, Map<String, Long>> byRemedy,
                                 Map<String, Long> byApprover, Map<String, Long> byFollowUp, List<Long> malformedLines) {

    /** Reads a log; malformed lines are counted by number, never fatal. */
    public static DecisionLogSummary read(BufferedReader in) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(1_000_000);
        Yaml json = new Yaml(new SafeConstructor(options));
        long decisions = 0;
        long proposals = 0;
        long swat = 0;
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Map<String, Long>> byRemedy = new TreeMap<>();
        Map<String, Long> byApprover = new TreeMap<>();
        Map<String, Long> byFollowUp = new TreeMap<>();
        List<Long> malformed = new ArrayList<>();
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> record;
            try {
                Object loaded = json.load(line);
                if (loaded instanceof Map<?, ?> event && event.containsKey("reload")) {
                    // a live policy's reload, logged between decisions: not a decision, and not malformed
                    continue;
                }
                if (!(loaded instanceof Map<?, ?> parsed) || !parsed.containsKey("decisionId")) {
                    malformed.add(number);
                    continue;
                }
                record = parsed;
            } catch (RuntimeException e) {
                malformed.add(number);
                continue;
            }
            decisions++;
            if (Boolean.TRUE.equals(record.get("swat"))) {
                swat++;
            }
            for (Object p : list(record.get("proposals"))) {
                if (!(p instanceof Map<?, ?> proposal)) {
                    continue;
                }
                proposals++;
                String outcome = String.valueOf(proposal.get("outcome"));
                count(byOutcome, outcome);
                count(byRemedy.computeIfAbsent(String.valueOf(proposal.get("remedy")), k -> new TreeMap<>()), outcome);
                if (proposal.get("approver") != null) {
                    count(byApprover, String.valueOf(proposal.get("approver")));
                }
                for (Object rule : list(proposal.get("rules"))) {
                    count(byRule, String.valueOf(rule));
                }
            }
            for (Object f : list(record.get("followUps"))) {
                count(byFollowUp, String.valueOf(f));
            }
        }
        return new DecisionLogSummary(decisions, proposals, swat, byOutcome, sortedByCount(byRule), byRemedy,
                sortedByCount(byApprover), sortedByCount(byFollowUp), malformed);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    /** Most frequent first, then by name: the top of the list is what a team looks at. */
    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Collections.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
