package org.resolutionpolicy.engine.internal.yaml;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.PolicyTime;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.value.WorkCalendar;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a policy's {@code timeZone} (a zone id, or a zone chosen by a text fact of the case) and its regional
 * {@code calendars} (calendars chosen by a text fact, beside the default {@code calendar}) into a {@link PolicyTime}.
 * Every problem is recorded with its place and a hint. Stateless.
 */
final class ZoneReader {

    static final List<String> ZONE_KEYS = List.of("by", "regions", "default");
    static final List<String> CALENDARS_KEYS = List.of("by", "regions");

    private ZoneReader() {
    }

    /**
     * Reads the default zone of {@code timeZone}: the zone itself, or the {@code default} of a mapping (UTC when it
     * has none). Dates alone of the policy (validity) are midnights of this zone. UTC after a problem.
     */
    static ZoneId defaultZone(NodeReader r, Node node) {
        if (node instanceof ScalarNode) {
            ZoneId zone = zone(r, node, "timeZone");
            return zone == null ? ZoneOffset.UTC : zone;
        }
        Map<String, NodeReader.Entry> spec = r.mapping(node, "timeZone");
        if (spec == null || !spec.containsKey("default")) {
            return ZoneOffset.UTC;
        }
        ZoneId zone = zone(r, spec.get("default").value(), "timeZone.default");
        return zone == null ? ZoneOffset.UTC : zone;
    }

    /**
     * Reads {@code timeZone} and {@code calendars} once the facts are known.
     *
     * @param zoneNode the value of {@code timeZone}, or null
     * @param calendarsNode the value of {@code calendars}, or null
     * @param zone the default zone, as {@link #defaultZone} read it
     * @param calendar the default calendar ({@code calendar:})
     */
    static PolicyTime time(NodeReader r, Node zoneNode, Node calendarsNode, ZoneId zone, WorkCalendar calendar,
                           FactCatalog facts) {
        FactPath zoneBy = null;
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        if (zoneNode instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, NodeReader.Entry> spec = r.mapping(zoneNode, "timeZone");
            if (spec != null) {
                r.onlyKeys(spec, ZONE_KEYS, "timeZone");
                zoneBy = by(r, spec, zoneNode, "timeZone", facts);
                if (r.require(spec, zoneNode, "regions", "timeZone")) {
                    Map<String, NodeReader.Entry> regions = r.mapping(spec.get("regions").value(), "timeZone.regions");
                    if (regions != null) {
                        regions.forEach((name, e) -> {
                            ZoneId z = zone(r, e.value(), "the zone of region [" + name + "] in timeZone.regions");
                            if (z != null) {
                                zones.put(name, z);
                            }
                        });
                    }
                }
            }
        }
        FactPath calendarBy = null;
        Map<String, WorkCalendar> calendars = new LinkedHashMap<>();
        if (calendarsNode != null) {
            Map<String, NodeReader.Entry> spec = r.mapping(calendarsNode, "calendars");
            if (spec != null) {
                r.onlyKeys(spec, CALENDARS_KEYS, "calendars");
                calendarBy = by(r, spec, calendarsNode, "calendars", facts);
                if (r.require(spec, calendarsNode, "regions", "calendars")) {
                    regionalCalendars(r, spec.get("regions").value(), calendar, calendars);
                }
            }
        }
        return new PolicyTime(zone, zoneBy, zones, calendar, calendarBy, calendars);
    }

    /**
     * Reads {@code regions: {NSW: {holidays: [..]}, ACT: NSW}}: a calendar, or the name of another region's calendar
     * (or {@code default}) for a region that keeps the same days.
     */
    private static void regionalCalendars(NodeReader r, Node node, WorkCalendar calendar,
                                          Map<String, WorkCalendar> out) {
        Map<String, NodeReader.Entry> regions = r.mapping(node, "calendars.regions");
        if (regions == null) {
            return;
        }
        Map<String, NodeReader.Entry> named = new LinkedHashMap<>();
        regions.forEach((name, e) -> {
            if (e.value() instanceof ScalarNode) {
                named.put(name, e);
            } else {
                out.put(name, TimeReader.calendar(r, e.value(), "calendars.regions." + name));
            }
        });
        Set<String> known = regions.keySet();
        named.forEach((name, e) -> {
            String other = r.name(e.value(), "the calendar of region [" + name + "]");
            if (other == null) {
                return;
            }
            if (other.equals(PolicyTime.DEFAULT_CALENDAR)) {
                out.put(name, calendar);
            } else if (out.containsKey(other)) {
                out.put(name, out.get(other));
            } else {
                List<String> candidates = new java.util.ArrayList<>(out.keySet());
                candidates.add(PolicyTime.DEFAULT_CALENDAR);
                String hint = Hints.didYouMean(other, candidates);
                r.error(e.value(), "unknown calendar [" + other + "] for region [" + name + "] in calendars.regions"
                        + (known.contains(other) ? ": region [" + other + "] names a calendar itself" : ""),
                        (hint == null ? "" : hint + " ") + "(a region's calendar is a map of weekdays and holidays, or "
                                + "the name of a region whose calendar is a map, or [default] for the policy's calendar)");
            }
        });
    }

    /** Reads the {@code by} of a mapping: a text fact of the case, read as it is (not a defined fact). */
    private static FactPath by(NodeReader r, Map<String, NodeReader.Entry> spec, Node at, String what,
                               FactCatalog facts) {
        if (!r.require(spec, at, "by", what)) {
            return null;
        }
        Node node = spec.get("by").value();
        String name = r.name(node, what + ".by");
        if (name == null) {
            return null;
        }
        FactPath path = facts.find(name);
        if (path == null) {
            r.error(node, "unknown fact [" + name + "] in " + what + ".by", Hints.didYouMean(name, facts.names()));
            return null;
        }
        if (path.type() != FactType.STRING || path.derivation() != null || path.perProposal()) {
            r.error(node, what + ".by must be a text fact of the case, such as [attributes.state], not [" + name
                    + "] (" + (path.derivation() != null ? "a defined fact" : path.type().label()) + ")",
                    "declare the region as a string attribute: attributes: { state: string }");
            return null;
        }
        return path;
    }

    /** Reads a zone id such as {@code Australia/Sydney}, {@code UTC} or {@code +10:00}; null after a problem. */
    static ZoneId zone(NodeReader r, Node node, String what) {
        String text = r.name(node, what);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            String hint = Hints.didYouMean(text.trim(), ZoneId.getAvailableZoneIds());
            // an abbreviation is closest to another abbreviation (AEST to EST), which is not what was meant
            boolean abbreviation = text.trim().matches("[A-Z]{3,5}");
            r.error(node, "unknown zone id [" + text.trim() + "] in " + what,
                    abbreviation ? "write a region id such as [Australia/Sydney]: an abbreviation such as ["
                            + text.trim() + "] does not say when daylight saving starts"
                            : hint != null ? hint : "write a region id of the IANA time zone database, such as "
                            + "[Australia/Sydney] or [Europe/London], or [UTC]");
            return null;
        }
    }
}
