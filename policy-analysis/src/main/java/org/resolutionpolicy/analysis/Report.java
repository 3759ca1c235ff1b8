package org.resolutionpolicy.analysis;

import java.time.Duration;
import java.util.List;

/**
 * Holds what analysing one policy found.
 *
 * @param policy the policy id
 * @param version its version
 * @param findings every finding, in the order of the checks: rules in file order, then gaps, ladder and roles
 * @param leftOut one sentence per rule the analysis could not include, saying what that means for the findings
 * @param checks how many solver checks ran
 * @param took how long the analysis took
 */
public record Report(String policy, String version, List<Finding> findings, List<String> leftOut, int checks,
                     Duration took) {

    /** Creates a report. */
    public Report {
        findings = List.copyOf(findings);
        leftOut = List.copyOf(leftOut);
    }

    /** Returns the findings of one kind. */
    public List<Finding> of(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Returns true if the analysis found a disagreement between the solver and the engine. */
    public boolean hasInternalErrors() {
        return findings.stream().anyMatch(f -> f.kind() == Finding.Kind.INTERNAL);
    }
}
