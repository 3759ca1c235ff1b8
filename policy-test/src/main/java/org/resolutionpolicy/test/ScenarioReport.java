package org.resolutionpolicy.test;

import java.util.List;
import java.util.Map;

/**
 * What running scenario files gave: every result, the files that could not be read, and rule coverage.
 *
 * @param results every scenario's result, in file order
 * @param unreadable the files that could not be read, with why
 * @param coverage per policy id, its rule coverage
 */
public record ScenarioReport(List<ScenarioResult> results, Map<java.nio.file.Path, ScenarioException> unreadable,
                             Map<String, RuleCoverage> coverage) {

    /** Creates a report. */
    public ScenarioReport {
        results = List.copyOf(results);
        unreadable = Map.copyOf(unreadable);
        coverage = Map.copyOf(coverage);
    }

    /** Returns true if at least one scenario ran, every one passed and every file could be read. */
    public boolean passed() {
        return !results.isEmpty() && unreadable.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
    }

    /** Returns how many scenarios failed. */
    public long failed() {
        return results.stream().filter(r -> !r.passed()).count();
    }
}
