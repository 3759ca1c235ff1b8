package org.resolutionpolicy.model;

import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.CaseSeverity;
import org.resolutionpolicy.model.source.Place;

/**
 * The policy's severity scale ({@code severityScale:}): entries that each put a case whose facts match at a
 * severity. The severity a case is decided at is the highest of the one it gives (if any) and every matching entry's;
 * the scale only raises, as rules only tighten. Without a given severity and with no entry matching, a case is at the
 * lowest severity.
 *
 * <p>Immutable. Entries read the case alone (never {@code remedy}, {@code amount} or {@code severity} itself).
 *
 * @param entries the entries, in policy order; empty for a policy without a scale
 */
public record SeverityScale(List<Entry> entries) {

    /** The scale of a policy that has none: every case is decided at the severity it gives. */
    public static final SeverityScale NONE = new SeverityScale(List.of());

    /** Copies the entries. */
    public SeverityScale {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * One entry of the scale.
     *
     * @param id the entry's id, unique in the scale
     * @param place where it is written
     * @param when the facts of the case that put it at this severity
     * @param rank the severity's rank on the policy's severities, 0 for the lowest
     * @param severity the severity's name
     * @param because why, in words the policy owner chose; may be empty
     */
    public record Entry(String id, Place place, Condition when, int rank, String severity, String because) {

        /** Checks the entry. */
        public Entry {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(when, "when must not be null");
            Objects.requireNonNull(severity, "severity must not be null");
            because = because == null ? "" : because;
        }
    }

    /** Returns true if the policy has no scale: a case must then give its severity. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Returns the severity a case is decided at and the entry that raised it: the first entry of the highest rank
     * that matched above the given severity, so that explanations and decisions name one entry.
     *
     * @param given the case's facts, at the severity it gave ({@link Facts#severityRank()} -1 when none)
     * @param severities the policy's severities, lowest first
     */
    public CaseSeverity apply(Facts given, List<String> severities) {
        int givenRank = given.severityRank();
        int rank = Math.max(givenRank, 0);
        Entry by = null;
        for (Entry e : entries) {
            if (e.rank > rank || e.rank == rank && by == null && e.rank > givenRank) {
                if (e.when.test(given)) {
                    rank = e.rank;
                    by = e;
                }
            }
        }
        return new CaseSeverity(severities.get(rank), givenRank < 0 ? null : severities.get(givenRank),
                by == null ? null : by.id);
    }
}
