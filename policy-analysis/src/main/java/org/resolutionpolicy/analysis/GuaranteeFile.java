package org.resolutionpolicy.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.api.Outcome;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a guarantees file ({@code *.guarantees.yaml}): the policy it is about and the guarantees its owner wants
 * proven. The format is documented in {@code docs/analysis.md} and {@code schema/guarantees.schema.json}.
 *
 * @param file the file read
 * @param policies the policy files or directories, resolved against the file's directory
 * @param guarantees the guarantees, in the order written
 */
public record GuaranteeFile(Path file, List<Path> policies, List<Guarantee> guarantees) {

    private static final List<String> KEYS = List.of("policy", "guarantees");
    private static final List<String> GUARANTEE_KEYS = List.of("name", "when", "always", "never");

    /** Creates the record. */
    public GuaranteeFile {
        policies = List.copyOf(policies);
        guarantees = List.copyOf(guarantees);
    }

    /**
     * Reads a guarantees file.
     *
     * @throws GuaranteeException if it cannot be read or is malformed, naming the place
     */
    public static GuaranteeFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GuaranteeException("cannot read guarantees file [" + file + "]: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /**
     * Reads guarantees from text, as if from the given file (policy paths resolve against its directory).
     *
     * @throws GuaranteeException if it is malformed, naming the place
     */
    @SuppressWarnings("unchecked")
    public static GuaranteeFile parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root;
        Object tree;
        try {
            root = new Yaml(options).compose(new java.io.StringReader(text));
            tree = new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            throw new GuaranteeException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode top) || !(tree instanceof Map<?, ?> map)) {
            throw new GuaranteeException(file + ": a guarantees file is a mapping with [policy] and [guarantees]");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new GuaranteeException(at(file, key(top, String.valueOf(key))) + ": unknown key [" + key
                        + "]; expected one of " + KEYS);
            }
        }
        List<Path> policies = policies(file, top, map.get("policy"));
        Object list = map.get("guarantees");
        Node listNode = value(top, "guarantees");
        if (!(list instanceof List<?> items) || !(listNode instanceof SequenceNode seq)) {
            throw new GuaranteeException(at(file, listNode == null ? root : listNode)
                    + ": [guarantees] must be a list of guarantees");
        }
        List<Guarantee> guarantees = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node node = seq.getValue().get(i);
            if (!(items.get(i) instanceof Map<?, ?> g) || !(node instanceof MappingNode m)) {
                throw new GuaranteeException(at(file, node) + ": a guarantee is a mapping with [name], [when] and"
                        + " [always] or [never]");
            }
            guarantees.add(guarantee(file, m, (Map<String, Object>) g));
        }
        return new GuaranteeFile(file, policies, guarantees);
    }

    private static List<Path> policies(Path file, MappingNode top, Object value) {
        Path dir = file.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(dir.resolve(s).normalize());
        } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
            list.forEach(p -> out.add(dir.resolve((String) p).normalize()));
        } else {
            Node node = value(top, "policy");
            throw new GuaranteeException(at(file, node == null ? top : node)
                    + ": [policy] must be a policy path or a list of them, relative to this file");
        }
        return out;
    }

    private static Guarantee guarantee(Path file, MappingNode node, Map<String, Object> g) {
        String place = at(file, node);
        for (String key : g.keySet()) {
            if (!GUARANTEE_KEYS.contains(key)) {
                throw new GuaranteeException(at(file, key(node, key)) + ": unknown key [" + key + "] in a guarantee;"
                        + " expected one of " + GUARANTEE_KEYS);
            }
        }
        if (!(g.get("name") instanceof String name) || name.isBlank()) {
            throw new GuaranteeException(place + ": a guarantee needs a [name] that says what it guarantees");
        }
        boolean always = g.containsKey("always");
        if (always == g.containsKey("never")) {
            throw new GuaranteeException(place + ": guarantee [" + name + "] needs exactly one of [always] and [never]");
        }
        Object expected = g.get(always ? "always" : "never");
        String where = at(file, value(node, always ? "always" : "never"));
        return new Guarantee(name, place, g.get("when"), expectation(where, name, always, expected));
    }

    private static Guarantee.Expectation expectation(String place, String name, boolean always, Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("approver") instanceof Map<?, ?> a
                && a.size() == 1 && a.get("atLeast") instanceof String role) {
            return new Guarantee.Expectation(always, Set.of(), role);
        }
        List<?> names = value instanceof List<?> l ? l : List.of(String.valueOf(value));
        Set<Outcome.Kind> kinds = EnumSet.noneOf(Outcome.Kind.class);
        for (Object n : names) {
            try {
                kinds.add(Outcome.Kind.valueOf(String.valueOf(n).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new GuaranteeException(place + ": unknown outcome [" + n + "] in guarantee [" + name
                        + "]; expected ALONE, ESCALATE, SWAT, DENIED, a list of them, or {approver: {atLeast: <role>}}");
            }
        }
        if (kinds.isEmpty()) {
            throw new GuaranteeException(place + ": guarantee [" + name + "] names no outcome");
        }
        return new Guarantee.Expectation(always, kinds, null);
    }

    private static Node key(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getKeyNode();
            }
        }
        return m;
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String at(Path file, Node node) {
        if (node == null) {
            return file.toString();
        }
        return file + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
    }
}
