package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.model.Validity;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.value.WorkCalendar;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the parts of a policy that are about time: its business {@code calendar} ({@code weekdays} and
 * {@code holidays}, for {@code P7BD} and {@code businessDaysBetween}) and the {@code validFrom}/{@code validUntil}
 * of a policy or a rule. Every problem is recorded with its place. Stateless.
 */
final class TimeReader {

    static final List<String> CALENDAR_KEYS = List.of("weekdays", "holidays");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private TimeReader() {
    }

    /** Reads {@code calendar: {weekdays: [MON, ..], holidays: [2026-12-25, ..]}}; the default after a problem. */
    static WorkCalendar calendar(NodeReader r, Node node) {
        return calendar(r, node, "calendar");
    }

    /** Reads a calendar that messages name {@code what} ({@code calendars.regions.NSW}); the default after a problem. */
    static WorkCalendar calendar(NodeReader r, Node node, String what) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, what);
        if (spec == null) {
            return WorkCalendar.DEFAULT;
        }
        r.onlyKeys(spec, CALENDAR_KEYS, what);
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        if (spec.containsKey("weekdays")) {
            Node daysNode = spec.get("weekdays").value();
            List<Node> items = r.list(daysNode, what + ".weekdays", false);
            for (Node item : items == null ? List.<Node>of() : items) {
                String day = r.name(item, "a weekday of the calendar");
                if (day == null) {
                    continue;
                }
                int index = DAYS.indexOf(day.toUpperCase(Locale.ROOT));
                if (index < 0) {
                    r.error(item, "unknown weekday [" + day + "] in " + what + ".weekdays",
                            Hints.didYouMean(day.toUpperCase(Locale.ROOT), DAYS) != null
                                    ? Hints.didYouMean(day.toUpperCase(Locale.ROOT), DAYS) : "one of " + Hints.bracketed(DAYS));
                } else {
                    weekdays.add(DayOfWeek.of(index + 1));
                }
            }
            if (items != null && items.isEmpty()) {
                r.error(daysNode, what + ".weekdays must not be empty", "list the business days, e.g. [MON, TUE, WED, THU, FRI]");
            }
        } else {
            weekdays.addAll(WorkCalendar.DEFAULT.weekdays());
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        if (spec.containsKey("holidays")) {
            List<Node> items = r.list(spec.get("holidays").value(), what + ".holidays", false);
            for (Node item : items == null ? List.<Node>of() : items) {
                Instant at = r.instant(item, "a holiday of " + what);
                if (at != null) {
                    LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
                    if (!holidays.add(date)) {
                        r.warning(item, "holiday [" + date + "] is listed twice in " + what + ".holidays", null);
                    }
                }
            }
        }
        return weekdays.isEmpty() ? WorkCalendar.DEFAULT : new WorkCalendar(weekdays, holidays);
    }

    /**
     * Reads {@code validFrom} and {@code validUntil} of a policy or a rule (dates or date-times; until is exclusive).
     *
     * @param spec the mapping that may hold them
     * @param at the node the validity is placed at when neither key has a place of its own
     * @param what the policy or rule as messages name it
     * @return the validity, or null when neither key is given or after a problem
     */
    static Validity validity(NodeReader r, Map<String, NodeReader.Entry> spec, Node at, String what) {
        if (!spec.containsKey("validFrom") && !spec.containsKey("validUntil")) {
            return null;
        }
        Instant from = null;
        Instant until = null;
        boolean broken = false;
        Node place = at;
        if (spec.containsKey("validFrom")) {
            place = spec.get("validFrom").value();
            from = r.dateInZone(place, "validFrom of " + what);
            broken = from == null;
        }
        if (spec.containsKey("validUntil")) {
            Node untilNode = spec.get("validUntil").value();
            place = spec.containsKey("validFrom") ? place : untilNode;
            until = r.dateInZone(untilNode, "validUntil of " + what);
            broken |= until == null;
            if (from != null && until != null && !until.isAfter(from)) {
                r.error(untilNode, "validUntil of " + what + " [" + Validity.show(until) + "] is not after its validFrom ["
                        + Validity.show(from) + "]", "validUntil is the first day no longer in force, e.g. the next validFrom");
                broken = true;
            }
        }
        return broken ? null : new Validity(from, until, r.place(place), r.zone());
    }
}
