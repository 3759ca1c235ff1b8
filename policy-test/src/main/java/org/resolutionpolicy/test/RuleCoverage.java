package org.resolutionpolicy.test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rules of a policy matched in at least one scenario, and which never did.
 *
 * @param policy the policy id
 * @param version its version
 * @param rules every rule id of the policy, in policy order
 * @param matched the rules that matched in at least one scenario
 */
public record RuleCoverage(String policy, String version, List<String> rules, Set<String> matched) {

    /** Creates a coverage record. */
    public RuleCoverage {
        rules = List.copyOf(rules);
        matched = Set.copyOf(matched);
    }

    /** Returns the rules no scenario made match, in policy order. */
    public List<String> unmatched() {
        return rules.stream().filter(r -> !matched.contains(r)).collect(Collectors.toUnmodifiableList());
    }

    /** Returns the share of rules matched, 0..1 (1 for a policy without rules). */
    public double ratio() {
        return rules.isEmpty() ? 1.0 : (double) (rules.size() - unmatched().size()) / rules.size();
    }
}
