package org.resolutionpolicy.test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rules of a policy matched in at least one scenario, which never did, and which are switched off.
 *
 * @param policy the policy id
 * @param version its version
 * @param rules every rule id of the policy, disabled ones included, in policy order
 * @param matched the rules that matched in at least one scenario
 * @param disabled the rules switched off with {@code enabled: false}, which no scenario can make match
 */
public record RuleCoverage(String policy, String version, List<String> rules, Set<String> matched,
                           Set<String> disabled) {

    /** Creates a coverage record. */
    public RuleCoverage {
        rules = List.copyOf(rules);
        matched = Set.copyOf(matched);
        disabled = Set.copyOf(disabled);
    }

    /**
     * Creates a coverage record of a policy without disabled rules.
     *
     * @param policy the policy id
     * @param version its version
     * @param rules every rule id, in policy order
     * @param matched the rules that matched in at least one scenario
     */
    public RuleCoverage(String policy, String version, List<String> rules, Set<String> matched) {
        this(policy, version, rules, matched, Set.of());
    }

    /** Returns the enabled rules no scenario made match, in policy order; disabled rules are not among them. */
    public List<String> unmatched() {
        return rules.stream().filter(r -> !matched.contains(r) && !disabled.contains(r))
                .collect(Collectors.toUnmodifiableList());
    }

    /** Returns the disabled rules, in policy order. */
    public List<String> disabledRules() {
        return rules.stream().filter(disabled::contains).collect(Collectors.toUnmodifiableList());
    }

    /** Returns how many rules are enabled: those a scenario could make match. */
    public int enabledCount() {
        return rules.size() - disabledRules().size();
    }

    /** Returns the share of enabled rules matched, 0..1 (1 for a policy without enabled rules). */
    public double ratio() {
        int enabled = enabledCount();
        return enabled == 0 ? 1.0 : (double) (enabled - unmatched().size()) / enabled;
    }
}
