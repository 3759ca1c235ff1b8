package org.resolutionpolicy.drools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.format.yaml.PolicyHeader;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the declarations of a DRL-only policy into a {@link PolicyHeader}: each annotation becomes a top key of a
 * YAML policy whose value is a YAML node placed at the annotation's line and column in the DRL, so that the YAML
 * policy reader checks them and its problems point into the DRL.
 *
 * <pre>
 * declare Policy
 *     &#64;policy("coffee-shop") &#64;version("2026.11")
 *     &#64;roles("barista, shift-lead, store-manager")
 *     &#64;remedies("apology: none, voucher: money")
 * end
 * declare BaristaAuthority
 *     &#64;authority("barista")
 *     &#64;limits("apology: unlimited, voucher: { perGrant: 10, perCustomer: { max: 30, window: P30D } }")
 * end
 * </pre>
 */
final class DrlHeader {

    private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\s+(\\w+)(.*?)^\\s*end\\b", Pattern.DOTALL);
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    /** One annotation: its name and value, where the {@code @} and the value start. */
    private record Annotation(String key, String value, int at, int valueAt) {
    }

    private final String source;
    private final String text;
    private final Problems problems;
    /** A value the composer rejected was reported at its place; the header is then unusable, as a broken file is. */
    private boolean broken;

    private DrlHeader(PolicySource drl, Problems problems) {
        this.source = drl.name();
        this.text = drl.text();
        this.problems = problems;
    }

    /**
     * Returns the policy header a DRL source declares, or null when it declares no {@code @policy}.
     *
     * @param drl the DRL source
     * @param problems where problems in its values (broken YAML notation) go, placed in the DRL
     */
    static PolicyHeader of(PolicySource drl, Problems problems) {
        return new DrlHeader(drl, problems).read();
    }

    private PolicyHeader read() {
        List<NodeReader.Entry> entries = new ArrayList<>();
        List<NodeTuple> authority = new ArrayList<>();
        Annotation authorityAt = null;
        boolean policy = false;
        Matcher declare = DECLARE.matcher(text);
        while (declare.find()) {
            List<Annotation> annotations = annotations(declare);
            Annotation role = annotations.stream().filter(a -> a.key().equals("authority")).findFirst().orElse(null);
            if (annotations.stream().anyMatch(a -> a.key().equals("policy"))) {
                policy = true;
                annotations.forEach(a -> entries.add(new NodeReader.Entry(a.key(), key(a.key(), a.at()), value(a))));
            } else if (role != null) {
                authorityAt = authorityAt == null ? role : authorityAt;
                for (Annotation a : annotations) {
                    if (a.key().equals("limits")) {
                        authority.add(new NodeTuple(PolicyHeader.string(source, role.value(), line(role.valueAt()),
                                column(role.valueAt())), flow("{", a, "}")));
                    }
                }
            }
        }
        if (!policy || broken) {
            return null;
        }
        if (authorityAt != null) {
            entries.add(new NodeReader.Entry("authority", key("authority", authorityAt.at()),
                    PolicyHeader.mapping(authority)));
        }
        return new PolicyHeader(source, entries);
    }

    private List<Annotation> annotations(Matcher declare) {
        List<Annotation> annotations = new ArrayList<>();
        Matcher a = ANNOTATION.matcher(declare.group(2));
        while (a.find()) {
            int offset = declare.start(2);
            annotations.add(new Annotation(a.group(1), a.group(2).replace("\\\"", "\""), offset + a.start(),
                    offset + a.start(2)));
        }
        return annotations;
    }

    /** Returns the value of a policy annotation in the form a YAML policy file writes it. */
    private Node value(Annotation a) {
        return switch (a.key()) {
            case "severities", "roles" -> flow("[", a, "]");
            case "attributes" -> flow("{", a, "}");
            case "remedies" -> remedies(flow("{", a, "}"));
            case "swat" -> PolicyHeader.mapping(List.of(new NodeTuple(key("team", a.valueAt()), flow("", a, ""))));
            // taken as written, as a double-quoted YAML string would be: line breaks fold to spaces
            case "version", "description" -> PolicyHeader.string(source, a.value().replaceAll("[ \t]*\n[ \t]*", " "),
                    line(a.valueAt()), column(a.valueAt()));
            default -> flow("", a, "");
        };
    }

    /**
     * Composes a value, wrapped in brackets or braces that take the place of its opening quote (and closing one), so
     * that every character of the value keeps its DRL column.
     */
    private Node flow(String open, Annotation a, String close) {
        int start = a.valueAt() - open.length();
        Node node = PolicyHeader.compose(source, open + a.value() + close, line(start), column(start), problems);
        broken |= node == null;
        return node;
    }

    /** {@code apology: none, voucher: money} means {@code apology: { unit: none }, voucher: { unit: money }}. */
    private Node remedies(Node node) {
        if (!(node instanceof MappingNode map)) {
            return node;
        }
        List<NodeTuple> tuples = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            Node unit = t.getValueNode();
            boolean plain = unit instanceof ScalarNode && !NodeReader.isNull(unit);
            tuples.add(!plain ? t : new NodeTuple(t.getKeyNode(), PolicyHeader.mapping(List.of(new NodeTuple(
                    new ScalarNode(Tag.STR, "unit", unit.getStartMark(), unit.getEndMark(), ScalarStyle.PLAIN), unit)))));
        }
        return PolicyHeader.mapping(tuples);
    }

    private ScalarNode key(String key, int index) {
        return PolicyHeader.string(source, key, line(index), column(index));
    }

    private int line(int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int column(int index) {
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        return index - lineStart + 1;
    }
}
