package org.resolutionpolicy.test;

import java.util.List;
import java.util.Set;
import org.resolutionpolicy.api.Decision;

/**
 * What running one scenario gave.
 *
 * @param scenario the scenario
 * @param decision the decision, or null when the case was rejected
 * @param mismatches each way the decision differs from the expectation; empty when the scenario passed
 * @param matchedRules the ids of the rules that matched for this scenario, for coverage
 * @param report the decision as a table, with the mismatches: what a failing test shows
 */
public record ScenarioResult(Scenario scenario, Decision decision, List<String> mismatches, Set<String> matchedRules,
                             String report) {

    /** Creates a result. */
    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
        matchedRules = Set.copyOf(matchedRules);
    }

    /** Returns true if the decision was what the scenario expects. */
    public boolean passed() {
        return mismatches.isEmpty();
    }
}
