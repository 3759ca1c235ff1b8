package org.resolutionpolicy.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * A policy's time: the zone its dates are counted in ({@code timeZone:}) and its business calendars
 * ({@code calendar:}, {@code calendars:}), each fixed or chosen by a text fact of the case. Every date difference,
 * working-day count, calendar period and validity date of a case is computed in the {@link CaseTime} this gives it.
 * Immutable.
 *
 * @param zone the zone when the policy names one, or the default of a mapped zone; UTC by default
 * @param zoneBy the fact whose value chooses the zone, or null when the zone is fixed
 * @param zones the zone of each value of {@code zoneBy}, in the order written
 * @param calendar the default calendar ({@code calendar:}), for a case whose fact is absent or not listed
 * @param calendarBy the fact whose value chooses the calendar, or null when the policy has one calendar
 * @param calendars the calendar of each value of {@code calendarBy}, in the order written
 */
public record PolicyTime(ZoneId zone, FactPath zoneBy, Map<String, ZoneId> zones, WorkCalendar calendar,
                         FactPath calendarBy, Map<String, WorkCalendar> calendars) {

    /** The time of a policy that says nothing of it: UTC, Monday to Friday without holidays. */
    public static final PolicyTime DEFAULT = of(WorkCalendar.DEFAULT);

    /** The name explanations give the calendar a case falls back to when the policy has several. */
    public static final String DEFAULT_CALENDAR = "default";

    /**
     * Creates a policy's time, copying the maps.
     *
     * @throws NullPointerException if zone or calendar is null
     */
    public PolicyTime {
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(calendar, "calendar must not be null");
        zones = zones == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        calendars = calendars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
    }

    /** Returns the time of a policy with one calendar, in UTC. */
    public static PolicyTime of(WorkCalendar calendar) {
        return new PolicyTime(ZoneOffset.UTC, null, Map.of(), calendar, null, Map.of());
    }

    /** Returns true if every case is counted in UTC, as a policy without {@code timeZone:} is. */
    public boolean utcOnly() {
        return zoneBy == null && isUtc(zone);
    }

    /** Returns true if the policy has calendars chosen by a fact of the case. */
    public boolean regional() {
        return calendarBy != null;
    }

    /** Returns the zone of every case when the zone is fixed; null when a fact of the case chooses it. */
    public ZoneId fixedZone() {
        return zoneBy == null ? zone : null;
    }

    /** Returns true if a zone is UTC, however written ({@code UTC}, {@code Z}, {@code Etc/UTC}). */
    public static boolean isUtc(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            // an offset is its own normal form; normalized() would make a ZoneRules (and its map) on every call
            return zone.equals(ZoneOffset.UTC);
        }
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** Returns the zone and calendar of one case, chosen by its facts. */
    public CaseTime of(Facts facts) {
        ZoneId z = zone;
        String zoneSource = null;
        if (zoneBy != null) {
            Object value = zoneBy.read(facts);
            ZoneId chosen = value == null ? null : zones.get(value.toString());
            zoneSource = zoneBy.name() + (value == null ? " absent" : " = " + value) + (chosen == null ? ", default" : "");
            z = chosen != null ? chosen : zone;
        }
        WorkCalendar c = calendar;
        String name = null;
        if (calendarBy != null) {
            Object value = calendarBy.read(facts);
            WorkCalendar chosen = value == null ? null : calendars.get(value.toString());
            name = chosen != null ? value.toString() : DEFAULT_CALENDAR;
            c = chosen != null ? chosen : calendar;
        }
        return new CaseTime(z, zoneSource, c, name);
    }
}
