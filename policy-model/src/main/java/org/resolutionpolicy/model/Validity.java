package org.resolutionpolicy.model;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.resolutionpolicy.api.Explanation.Failure;
import org.resolutionpolicy.model.source.Place;

/**
 * When a policy version or a rule is in force: from {@code validFrom} (inclusive) until {@code validUntil}
 * (exclusive), judged at a case's {@code openedAt} (the decision time for a case without one). Immutable.
 *
 * @param from the first instant in force, or null for "since ever"
 * @param until the first instant no longer in force, or null for "until further notice"
 * @param place where it is declared
 * @param by the date fact of the case that selects a policy's version ({@code versionBy:}, e.g. {@code
 *        attributes.failedAt}), or null for {@code openedAt}; a rule's validity is judged at {@code openedAt}
 * @param zone the zone whose midnights its dates are (the policy's {@code timeZone}), for showing them
 */
public record Validity(Instant from, Instant until, Place place, String by, ZoneId zone) {

    /** Creates a validity; a null zone is UTC. */
    public Validity {
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** Creates a validity judged at a case's {@code openedAt}, whose dates are UTC dates. */
    public Validity(Instant from, Instant until, Place place) {
        this(from, until, place, null, ZoneOffset.UTC);
    }

    /** Creates a validity judged at a case's {@code openedAt}, whose dates are midnights in a zone. */
    public Validity(Instant from, Instant until, Place place, ZoneId zone) {
        this(from, until, place, null, zone);
    }

    /** Returns the name of the fact that selects the version: {@link #by()}, or {@code openedAt}. */
    public String byName() {
        return by == null ? "openedAt" : by;
    }

    /** Returns true if the instant is in force. */
    public boolean covers(Instant at) {
        return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
    }

    /** Returns true if some instant is in force in both. */
    public boolean overlaps(Validity other) {
        boolean startsBeforeOtherEnds = from == null || other.until == null || from.isBefore(other.until);
        boolean otherStartsBeforeThisEnds = other.from == null || until == null || other.from.isBefore(until);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /** Returns {@code from 2026-04-01 until 2027-04-01}, dates printed without their midnight time. */
    public String text() {
        String f = from == null ? "" : "from " + show(from, zone);
        String u = until == null ? "" : "until " + show(until, zone);
        return f.isEmpty() ? u : u.isEmpty() ? f : f + " " + u;
    }

    /** Prints an instant as a date when it is midnight UTC, else as the instant. */
    public static String show(Instant at) {
        return show(at, ZoneOffset.UTC);
    }

    /** Prints an instant as a date when it is midnight in a zone (then with the zone, unless UTC), else as the instant. */
    public static String show(Instant at, ZoneId zone) {
        if (!at.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return at.toString();
        }
        String date = at.atZone(zone).toLocalDate().toString();
        return PolicyTime.isUtc(zone) ? date : date + " " + zone.getId();
    }

    /** Returns the condition a rule with this validity gets, AND-ed with its {@code when}. */
    public Expression asCondition() {
        Validity v = this;
        return new Expression("valid " + text(), new Expression.Body() {
            @Override
            public boolean test(Facts facts) {
                return v.covers(facts.windowEnd());
            }

            @Override
            public void explain(Facts facts, List<Failure> failures) {
                if (!test(facts)) {
                    failures.add(Failure.value("openedAt", show(facts.windowEnd()), "valid " + v.text()));
                }
            }

            @Override
            public boolean perProposal() {
                return false;
            }

            @Override
            public List<java.math.BigDecimal> amountThresholds() {
                return List.of();
            }
        });
    }
}
