package org.resolutionpolicy.test;

import java.util.Set;
import org.resolutionpolicy.api.Outcome;

/**
 * What a scenario expects for one remedy. Null parts are not checked.
 *
 * @param kind the outcome
 * @param approver for ESCALATE, the approver; null when not checked
 * @param team for SWAT, the team; null when not checked
 * @param rules the rule ids of the reasons, exactly (in any order); null when not checked
 */
public record Expected(Outcome.Kind kind, String approver, String team, Set<String> rules) {

    /** Returns the expectation in the words of a decision: {@code ESCALATE to store-manager}. */
    @Override
    public String toString() {
        String s = kind.name();
        if (approver != null) {
            s += " to " + approver;
        }
        if (team != null) {
            s += " (" + team + ")";
        }
        return rules == null ? s : s + " because " + new java.util.TreeSet<>(rules);
    }
}
