package org.resolutionpolicy.format.yaml;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Employee;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Values;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a case written in YAML or JSON, naming the field of every problem ({@code proposals[1].amount}).
 *
 * <p>It checks the shape only (known keys, types, dates within {@link Values#DATE_RANGE}); whether the names fit a
 * policy is checked when deciding. Field names and values in problems are quoted by a bounded prefix.
 */
public final class CaseReader {

    static final List<String> CASE_KEYS = List.of("id", "severity", "category", "channel", "openedAt", "employee",
            "customer", "impact", "attributes", "proposals", "currency");
    static final List<String> PROPOSAL_KEYS = List.of("remedy", "amount", "currency");

    private final String source;
    private final List<CaseProblem> problems = new ArrayList<>();

    private CaseReader(String source) {
        this.source = source;
    }

    /**
     * Reads a case.
     *
     * @throws InvalidCaseException naming every malformed field
     */
    public static CustomerCase read(PolicySource source) {
        return new CaseReader(source.name()).read(source.text());
    }

    private CustomerCase read(String text) {
        Problems yamlProblems = new Problems();
        Node root = YamlTree.compose(source, text, yamlProblems);
        if (root == null) {
            for (Problem p : yamlProblems.all()) {
                problems.add(new CaseProblem("", p.toString()));
            }
            throw new InvalidCaseException(source, problems);
        }
        Map<String, Node> top = map(root, "");
        if (top == null) {
            throw new InvalidCaseException(source, problems);
        }
        CustomerCase.Builder b = CustomerCase.builder();
        // one switch over the case's keys in file order, long because the case has many: each branch is one line
        for (Map.Entry<String, Node> e : top.entrySet()) {
            String key = e.getKey();
            Node v = e.getValue();
            switch (key) {
                case "id":
                    b.id(text(v, "id"));
                    break;
                case "severity":
                    b.severity(text(v, "severity"));
                    break;
                case "category":
                    b.category(text(v, "category"));
                    break;
                case "channel":
                    b.channel(text(v, "channel"));
                    break;
                case "openedAt":
                    b.openedAt(instant(v, "openedAt"));
                    break;
                case "employee":
                    b.employee(employee(v));
                    break;
                case "customer":
                    b.customer(customer(v));
                    break;
                case "impact":
                    b.impact(impact(v));
                    break;
                case "attributes":
                    attributes(v, b);
                    break;
                case "proposals":
                    proposals(v, b);
                    break;
                case "currency":
                    b.currency(text(v, "currency"));
                    break;
                default:
                    unknown(key, "", CASE_KEYS);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(top.containsKey("id") && top.get("id") instanceof ScalarNode
                    ? ((ScalarNode) top.get("id")).getValue() : source, problems);
        }
        return b.build();
    }

    private Employee employee(Node node) {
        Map<String, Node> m = map(node, "employee");
        if (m == null) {
            return null;
        }
        String id = null;
        String role = null;
        for (Map.Entry<String, Node> e : m.entrySet()) {
            switch (e.getKey()) {
                case "id":
                    id = text(e.getValue(), "employee.id");
                    break;
                case "role":
                    role = text(e.getValue(), "employee.role");
                    break;
                default:
                    unknown(e.getKey(), "employee.", List.of("id", "role"));
            }
        }
        return Employee.of(id, role);
    }

    private Customer customer(Node node) {
        Map<String, Node> m = map(node, "customer");
        if (m == null) {
            return null;
        }
        Customer.Builder c = Customer.builder();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            switch (e.getKey()) {
                case "id":
                    c.id(text(e.getValue(), "customer.id"));
                    break;
                case "tier":
                    c.tier(text(e.getValue(), "customer.tier"));
                    break;
                case "lifetimeValue":
                    c.lifetimeValue(number(e.getValue(), "customer.lifetimeValue"));
                    break;
                case "history":
                    history(e.getValue(), c);
                    break;
                default:
                    unknown(e.getKey(), "customer.", List.of("id", "tier", "lifetimeValue", "history"));
            }
        }
        return c.build();
    }

    private void history(Node node, Customer.Builder c) {
        List<Node> items = list(node, "customer.history");
        for (int i = 0; i < items.size(); i++) {
            String field = "customer.history[" + i + "]";
            Map<String, Node> m = map(items.get(i), field);
            if (m == null) {
                continue;
            }
            String remedy = null;
            BigDecimal amount = null;
            Instant at = null;
            for (Map.Entry<String, Node> e : m.entrySet()) {
                switch (e.getKey()) {
                    case "remedy":
                        remedy = text(e.getValue(), field + ".remedy");
                        break;
                    case "amount":
                        amount = number(e.getValue(), field + ".amount");
                        break;
                    case "at":
                        at = instant(e.getValue(), field + ".at");
                        break;
                    default:
                        unknown(e.getKey(), field + ".", List.of("remedy", "amount", "at"));
                }
            }
            if (!m.containsKey("remedy")) {
                problems.add(new CaseProblem(field + ".remedy", "missing"));
            }
            if (!m.containsKey("at")) {
                problems.add(new CaseProblem(field + ".at", "missing; history entries need the date they were granted"));
            }
            c.history(new HistoryEntry(remedy, amount, at));
        }
    }

    private static final List<String> IMPACT_KEYS = List.of("outOfPocket", "affectedCustomers", "socialReach",
            "legalThreat", "safetyIssue", "regulatorInvolved");

    private Impact impact(Node node) {
        Map<String, Node> m = map(node, "impact");
        if (m == null) {
            return null;
        }
        // one value per key of IMPACT_KEYS: a money amount, two counts, three flags; read in file order
        Object[] values = new Object[IMPACT_KEYS.size()];
        for (Map.Entry<String, Node> e : m.entrySet()) {
            int i = IMPACT_KEYS.indexOf(e.getKey());
            String field = "impact." + e.getKey();
            if (i < 0) {
                unknown(e.getKey(), "impact.", IMPACT_KEYS);
            } else {
                values[i] = i == 0 ? number(e.getValue(), field) : i < 3 ? whole(e.getValue(), field) : bool(e.getValue(), field);
            }
        }
        return new Impact((BigDecimal) values[0], (Long) values[1], (Long) values[2], (Boolean) values[3],
                (Boolean) values[4], (Boolean) values[5]);
    }

    private void attributes(Node node, CustomerCase.Builder b) {
        Map<String, Node> m = map(node, "attributes");
        if (m == null) {
            return;
        }
        for (Map.Entry<String, Node> e : m.entrySet()) {
            String field = "attributes." + Problems.prefix(e.getKey());
            Node v = e.getValue();
            if (!(v instanceof ScalarNode)) {
                problems.add(new CaseProblem(field, "must be a single value, not " + NodeReader.describe(v)));
                continue;
            }
            if (NodeReader.isNull(v)) {
                continue;
            }
            Tag tag = v.getTag();
            if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
                BigDecimal n = NodeReader.numberOrNull(v);
                if (n == null) {
                    problems.add(new CaseProblem(field, "is not a usable number: " + NodeReader.describe(v)));
                } else {
                    b.attribute(e.getKey(), n);
                }
            } else if (Tag.BOOL.equals(tag)) {
                Boolean flag = bool(v, field);
                if (flag != null) {
                    b.attribute(e.getKey(), flag);
                }
            } else if (Tag.TIMESTAMP.equals(tag)) {
                b.attribute(e.getKey(), instant(v, field));
            } else {
                b.attribute(e.getKey(), ((ScalarNode) v).getValue());
            }
        }
    }

    private void proposals(Node node, CustomerCase.Builder b) {
        List<Node> items = list(node, "proposals");
        if (node instanceof SequenceNode && items.isEmpty()) {
            // an empty list would silently turn the case into a latitude question; absence is how to ask one
            problems.add(new CaseProblem("proposals", "empty: leave the field out to ask for latitude"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String field = "proposals[" + i + "]";
            Map<String, Node> m = map(items.get(i), field);
            if (m == null) {
                continue;
            }
            String remedy = null;
            BigDecimal amount = null;
            String currency = null;
            for (Map.Entry<String, Node> e : m.entrySet()) {
                switch (e.getKey()) {
                    case "remedy":
                        remedy = text(e.getValue(), field + ".remedy");
                        break;
                    case "amount":
                        amount = number(e.getValue(), field + ".amount");
                        break;
                    case "currency":
                        currency = text(e.getValue(), field + ".currency");
                        break;
                    default:
                        unknown(e.getKey(), field + ".", PROPOSAL_KEYS);
                }
            }
            if (remedy == null) {
                problems.add(new CaseProblem(field + ".remedy", "missing"));
                continue;
            }
            b.propose(new Proposal(remedy, amount, currency));
        }
    }

    // ---------------------------------------------------------------- values

    private Map<String, Node> map(Node node, String field) {
        if (!(node instanceof MappingNode)) {
            problems.add(new CaseProblem(field, "must be a map, not " + NodeReader.describe(node)));
            return null;
        }
        Map<String, Node> m = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                problems.add(new CaseProblem(field, "keys must be plain names"));
                continue;
            }
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (m.containsKey(key)) {
                problems.add(new CaseProblem(prefix(field) + Problems.prefix(key), "duplicate key (line "
                        + (t.getKeyNode().getStartMark().getLine() + 1) + ")"));
                continue;
            }
            m.put(key, t.getValueNode());
        }
        return m;
    }

    private static String prefix(String field) {
        return field.isEmpty() ? "" : field + ".";
    }

    private List<Node> list(Node node, String field) {
        if (!(node instanceof SequenceNode)) {
            if (!NodeReader.isNull(node)) {
                problems.add(new CaseProblem(field, "must be a list, not " + NodeReader.describe(node)));
            }
            return List.of();
        }
        return ((SequenceNode) node).getValue();
    }

    private void unknown(String key, String prefix, List<String> allowed) {
        String hint = Hints.didYouMean(key, allowed);
        problems.add(new CaseProblem(prefix + Problems.prefix(key), "unknown field" + (hint == null ? "" : " (" + hint + ")")));
    }

    private String text(Node node, String field) {
        if (NodeReader.isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode)) {
            problems.add(new CaseProblem(field, "must be a single value, not " + NodeReader.describe(node)));
            return null;
        }
        return ((ScalarNode) node).getValue();
    }

    private BigDecimal number(Node node, String field) {
        if (NodeReader.isNull(node)) {
            return null;
        }
        BigDecimal n = NodeReader.numberOrNull(node);
        if (n == null) {
            problems.add(new CaseProblem(field, "must be a number, not " + notANumber(node)));
        }
        return n;
    }

    /** Describes a value that is no number; text is called text, quoted as written, so {@code "5"} is not shown as [5]. */
    private static String notANumber(Node node) {
        if (!(node instanceof ScalarNode scalar) || !Tag.STR.equals(node.getTag())) {
            return NodeReader.describe(node);
        }
        boolean quoted = scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
        String shown = NodeReader.describe(node);
        if (!quoted) {
            return "the text " + shown;
        }
        String text = "the text [\"" + shown.substring(1, shown.length() - 1) + "\"]";
        return scalar.getValue().length() <= 40 && NUMERAL.matcher(scalar.getValue()).matches()
                ? text + "; write the number without quotes" : text;
    }

    private static final java.util.regex.Pattern NUMERAL =
            java.util.regex.Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private Long whole(Node node, String field) {
        BigDecimal n = number(node, field);
        if (n == null) {
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new CaseProblem(field, "must be a whole number, not [" + n.toPlainString() + "]"));
            return null;
        }
    }

    private Boolean bool(Node node, String field) {
        if (NodeReader.isNull(node)) {
            return null;
        }
        Boolean flag = node instanceof ScalarNode && Tag.BOOL.equals(node.getTag())
                ? yamlBoolean(((ScalarNode) node).getValue()) : null;
        if (flag == null) {
            problems.add(new CaseProblem(field, "must be true or false, not " + NodeReader.describe(node)));
        }
        return flag;
    }

    /**
     * YAML 1.1 booleans: yes, on and y are true as well as true, no, off and n false as well as false; Boolean.valueOf
     * would read them as false. Anything else, such as {@code !!bool "maybe"}, is no boolean: null.
     */
    private static Boolean yamlBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "y" -> Boolean.TRUE;
            case "false", "no", "off", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    private Instant instant(Node node, String field) {
        if (NodeReader.isNull(node)) {
            return null;
        }
        Instant i = NodeReader.instantOrNull(node);
        if (i == null && NodeReader.outsideDateRange(node)) {
            problems.add(new CaseProblem(field, "is outside the supported dates, " + Values.DATE_RANGE + ", not "
                    + NodeReader.describe(node)));
        } else if (i == null) {
            problems.add(new CaseProblem(field, "must be an ISO-8601 date-time such as [2026-11-20T09:30:00Z], not "
                    + NodeReader.describe(node)));
        }
        return i;
    }
}
