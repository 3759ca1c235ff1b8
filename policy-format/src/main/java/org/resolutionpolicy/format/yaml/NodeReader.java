package org.resolutionpolicy.format.yaml;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Values;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of composed YAML nodes, recording a located problem for every mismatch.
 *
 * <p>Every method returns null (or an empty collection) after recording a problem, so that reading goes
 * on and one run reports every problem of a file.
 */
public final class NodeReader {

    private final String source;
    private final Problems problems;

    /** The policy's zone, for dates alone of {@link #dateInZone}; UTC until the header is read. */
    private java.time.ZoneId zone = java.time.ZoneOffset.UTC;
    /** The policy's business calendar, for {@code P7BD}; the default until the header is read. */
    private org.resolutionpolicy.model.value.WorkCalendar calendar =
            org.resolutionpolicy.model.value.WorkCalendar.DEFAULT;

    /** Creates a reader for one source. */
    public NodeReader(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** Returns the problems collector. */
    public Problems problems() {
        return problems;
    }

    /** Returns the source name. */
    public String source() {
        return source;
    }

    /** Returns where a node starts. */
    public Place place(Node node) {
        return YamlTree.place(source, node);
    }

    /** Records an error at a node. */
    public void error(Node node, String message) {
        problems.error(place(node), message);
    }

    /** Records an error with a hint at a node. */
    public void error(Node node, String message, String hint) {
        problems.error(place(node), message, hint);
    }

    /** Records a warning at a node. */
    public void warning(Node node, String message, String hint) {
        problems.warning(place(node), message, hint);
    }

    /** Returns true if the node is a YAML null ({@code ~}, {@code null} or empty). */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /**
     * Reads a mapping with string keys, reporting duplicate keys (an error, never last-wins).
     *
     * @return the entries in file order, keyed by name, with their key node (for locations) and value node
     */
    public Map<String, Entry> mapping(Node node, String what) {
        if (!(node instanceof MappingNode)) {
            error(node, what + " must be a map, not " + describe(node));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode) || isNull(key)) {
                error(key, "keys of " + what + " must be plain names, not " + describe(key));
                continue;
            }
            String name = ((ScalarNode) key).getValue();
            if (entries.containsKey(name)) {
                Place first = place(entries.get(name).key());
                error(key, "duplicate key " + Problems.quote(name) + " in " + what, "first defined at line " + first.line());
                continue;
            }
            entries.put(name, new Entry(name, key, tuple.getValueNode()));
        }
        return entries;
    }

    /** Reports every key not in {@code allowed}, with the closest allowed one as a hint. */
    public void onlyKeys(Map<String, Entry> entries, Collection<String> allowed, String what) {
        for (Entry e : entries.values()) {
            if (!allowed.contains(e.name())) {
                error(e.key(), "unknown key " + Problems.quote(e.name()) + " in " + what, Hints.didYouMean(e.name(), allowed));
            }
        }
    }

    /** Reports a required key that is missing, at the map itself. */
    public boolean require(Map<String, Entry> entries, Node map, String key, String what) {
        if (!entries.containsKey(key)) {
            error(map, "missing key [" + key + "] in " + what, null);
            return false;
        }
        return true;
    }

    /** Reads a scalar as text; numbers and booleans give their literal text. */
    public String text(Node node, String what) {
        if (!(node instanceof ScalarNode) || isNull(node)) {
            error(node, what + " must be a single value, not " + describe(node));
            return null;
        }
        return ((ScalarNode) node).getValue();
    }

    /** Reads a scalar that must be a non-empty string. */
    public String name(Node node, String what) {
        String text = text(node, what);
        if (text != null && text.isBlank()) {
            error(node, what + " must not be empty");
            return null;
        }
        return text;
    }

    /** Reads a number. */
    public BigDecimal number(Node node, String what) {
        BigDecimal n = numberOrNull(node);
        String beyond = n == null && node instanceof ScalarNode scalar
                && (Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag()))
                ? Values.outOfRange(scalar.getValue()) : null;
        if (beyond != null) {
            error(node, what + " " + beyond + ", was " + describe(node));
        } else if (n == null) {
            error(node, what + " must be a number, not " + describe(node));
        }
        return n;
    }

    /** Returns the node's number, or null when it is not a number (records nothing). */
    public static BigDecimal numberOrNull(Node node) {
        if (!(node instanceof ScalarNode)) {
            return null;
        }
        Tag tag = node.getTag();
        if (!Tag.INT.equals(tag) && !Tag.FLOAT.equals(tag)) {
            return null;
        }
        return Values.numberOrNull(((ScalarNode) node).getValue());
    }

    /** Reads a boolean ({@code true} or {@code false}). */
    public Boolean bool(Node node, String what) {
        if (node instanceof ScalarNode && Tag.BOOL.equals(node.getTag())) {
            String v = ((ScalarNode) node).getValue().toLowerCase(java.util.Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return Boolean.valueOf(v);
            }
        }
        error(node, what + " must be true or false, not " + describe(node));
        return null;
    }

    /** Reads a date-time: a YAML timestamp or an ISO-8601 string; a bare date means midnight UTC. */
    public Instant instant(Node node, String what) {
        Instant instant = instantOrNull(node);
        if (instant == null && outsideDateRange(node)) {
            error(node, what + " is outside the supported dates, " + Values.DATE_RANGE + ", not " + describe(node));
        } else if (instant == null) {
            error(node, what + " must be an ISO-8601 date-time such as [2026-11-20T09:30:00Z], not " + describe(node));
        }
        return instant;
    }

    /** Returns true if the node is an ISO-8601 date-time, but outside {@link Values#DATE_RANGE}. */
    public static boolean outsideDateRange(Node node) {
        return node instanceof ScalarNode scalar && Values.isOutsideDateRange(scalar.getValue());
    }

    /** Returns the node's date-time within the supported dates, or null when it is not one (records nothing). */
    public static Instant instantOrNull(Node node) {
        if (!(node instanceof ScalarNode)) {
            return null;
        }
        return Values.parseInstant(((ScalarNode) node).getValue());
    }

    /** Reads an ISO-8601 period ({@code P30D}, {@code P6M}) or duration ({@code PT48H}). */
    public TemporalAmount period(Node node, String what) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        TemporalAmount amount = Values.parsePeriod(text, calendar);
        if (amount == null) {
            boolean calendarPeriod = text.trim().regionMatches(true, 0, "calendar", 0, 8);
            error(node, calendarPeriod ? Values.periodProblem(text, what) : what + " must be an ISO-8601 period such "
                    + "as [P30D], [P6M] or [PT48H], or business days such as [P7BD], not " + Problems.quote(text),
                    calendarPeriod ? "write one of " + org.resolutionpolicy.api.CalendarPeriod.EXAMPLES
                            : "for a period of the calendar, such as a financial year, write [calendar year from 1 April]");
        }
        return amount;
    }

    /** Sets the calendar that business days ({@code P7BD}) of {@link #period} count on. */
    public void calendar(org.resolutionpolicy.model.value.WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /** Returns the zone a date alone of {@link #dateInZone} means the midnight of. */
    public java.time.ZoneId zone() {
        return zone;
    }

    /** Sets the zone a date alone ({@code 2026-04-01}) of {@link #dateInZone} means the midnight of. */
    public void zone(java.time.ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Reads a date-time as {@link #instant} does, except that a date alone is midnight in the policy's zone
     * ({@link #zone(java.time.ZoneId)}, UTC by default) rather than midnight UTC.
     */
    public Instant dateInZone(Node node, String what) {
        Instant instant = instant(node, what);
        if (instant != null && node instanceof ScalarNode scalar && scalar.getValue().trim().length() == 10) {
            return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate().atStartOfDay(zone).toInstant();
        }
        return instant;
    }

    /** Reads a list; a single scalar is accepted as a list of one when {@code scalarOk}. */
    public List<Node> list(Node node, String what, boolean scalarOk) {
        if (node instanceof SequenceNode) {
            return ((SequenceNode) node).getValue();
        }
        if (scalarOk && node instanceof ScalarNode && !isNull(node)) {
            return List.of(node);
        }
        error(node, what + " must be a list, not " + describe(node));
        return null;
    }

    /** Reads a list of names, reporting duplicates and names outside {@code known} (when not null). */
    public List<String> names(Node node, String what, Set<String> known, String kind) {
        List<Node> items = list(node, what, true);
        if (items == null) {
            return null;
        }
        // a set beside the list: a list of 100,000 names is checked for duplicates in linear time
        Set<String> distinct = new java.util.HashSet<>();
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            String n = name(item, "each entry of " + what);
            if (n == null) {
                continue;
            }
            if (known != null && !known.contains(n)) {
                error(item, "unknown " + kind + " " + Problems.quote(n) + " in " + what, Hints.didYouMean(n, known));
                continue;
            }
            if (!distinct.add(n)) {
                error(item, Problems.quote(n) + " appears twice in " + what);
                continue;
            }
            names.add(n);
        }
        return names;
    }

    /** Describes a node for messages: {@code a map}, {@code a list}, {@code [value]}. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof ScalarNode) {
            String v = ((ScalarNode) node).getValue();
            return "[" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "]";
        }
        return "[" + node + "]";
    }

    /**
     * One key of a map with its nodes.
     *
     * @param name the key
     * @param key the key node, for locations
     * @param value the value node
     */
    public record Entry(String name, Node key, Node value) {
    }
}
