package org.resolutionpolicy.engine.internal.eval;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyTime;

/**
 * Reads a case's dates alone in the zone its policy counts it in: a case reads {@code 2026-03-02} as midnight UTC,
 * which in a zone west of UTC is the evening before; under a time zone such a date attribute (an instant at exactly
 * midnight UTC) is the midnight that starts the same day in the case's zone. Stateless.
 */
final class CaseDates {

    private CaseDates() {
    }

    /**
     * Returns follow-ups whose business days ({@code within: P7BD}) count on the calendar a fact of the case chose,
     * when the policy has several; the same list otherwise.
     */
    static List<FollowUp> onCalendar(List<FollowUp> followUps, Facts facts) {
        if (followUps.isEmpty() || facts.time().calendarName() == null) {
            return followUps;
        }
        List<FollowUp> out = new ArrayList<>(followUps.size());
        for (FollowUp f : followUps) {
            out.add(f.within() instanceof BusinessDays days
                    ? new FollowUp(f.action(), facts.time().calendar().days(days.days()), f.owner(), f.rule()) : f);
        }
        return List.copyOf(out);
    }

    /** Returns the facts of a case whose date attributes that are days alone are moved to the midnight of the zone. */
    static Facts inZone(CustomerCase c, int severity, int role, Clock clock, Map<String, Object> attributes,
                        PolicyTime time, ZoneId zone) {
        Map<String, Object> moved = null;
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (e.getValue() instanceof Instant at && Math.floorMod(at.getEpochSecond(), 86_400) == 0 && at.getNano() == 0) {
                if (moved == null) {
                    moved = new HashMap<>(attributes);
                }
                moved.put(e.getKey(), at.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(zone).toInstant());
            }
        }
        return moved == null ? new Facts(c, severity, role, clock, attributes, time)
                : new Facts(c, severity, role, clock, Map.copyOf(moved), time);
    }
}
