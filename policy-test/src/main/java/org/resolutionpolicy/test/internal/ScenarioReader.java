package org.resolutionpolicy.test.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.format.yaml.CaseReader;
import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.format.yaml.YamlTree;
import org.resolutionpolicy.test.Expected;
import org.resolutionpolicy.test.Scenario;
import org.resolutionpolicy.test.ScenarioException;
import org.resolutionpolicy.test.ScenarioFile;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code *.test.yaml} files, reporting every problem with its place. Internal: use
 * {@link org.resolutionpolicy.test.ScenarioRunner}.
 */
public final class ScenarioReader {

    private static final List<String> TOP_KEYS = List.of("policy", "scenarios");
    private static final List<String> SCENARIO_KEYS = List.of("name", "case", "expect");
    private static final List<String> EXPECT_KEYS = List.of("outcome", "approver", "team", "rules");
    private static final List<String> OUTCOMES = List.of("ALONE", "ESCALATE", "SWAT", "DENIED");

    private ScenarioReader() {
    }

    /**
     * Reads a scenario file without loading its policy, so rule ids in expectations are not checked.
     *
     * @throws ScenarioException listing every problem of the file
     */
    public static ScenarioFile read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a scenario file and checks the rule ids its expectations name against its policy, so a misspelt id is
     * a located problem with a did-you-mean, not a scenario that fails for a reason nobody sees.
     *
     * @param file the scenario file
     * @param load loads the policy of the given files; null not to check rule ids
     * @throws ScenarioException listing every problem of the file
     * @throws org.resolutionpolicy.api.PolicyException when {@code load} cannot load the policy
     */
    public static ScenarioFile read(Path file, Function<List<Path>, Policy> load) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(List.of(Problem.error(file.toString(), 0, 0, "cannot read: " + e.getMessage(), null)));
        }
        Problems problems = new Problems();
        NodeReader r = new NodeReader(file.toString(), problems);
        Node root = YamlTree.compose(file.toString(), text, problems);
        List<Path> policies = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, NodeReader.Entry> top = root == null ? null : r.mapping(root, "a scenario file");
        if (top != null) {
            r.onlyKeys(top, TOP_KEYS, "a scenario file");
            if (r.require(top, root, "policy", "a scenario file")) {
                List<Node> items = r.list(top.get("policy").value(), "policy", true);
                for (Node item : items == null ? List.<Node>of() : items) {
                    String p = r.name(item, "policy");
                    if (p != null) {
                        Path resolved = file.toAbsolutePath().getParent().resolve(p).normalize();
                        if (!Files.exists(resolved)) {
                            r.error(item, "no policy file [" + p + "] (resolved to [" + resolved + "])");
                        }
                        policies.add(resolved);
                    }
                }
            }
            Set<String> knownRules = null;
            if (load != null && !policies.isEmpty() && !problems.hasErrors()) {
                knownRules = new LinkedHashSet<>(load.apply(policies).ruleIds());
                knownRules.add(Reason.AUTHORITY);
            }
            if (r.require(top, root, "scenarios", "a scenario file")) {
                List<Node> items = r.list(top.get("scenarios").value(), "scenarios", false);
                if (items != null && items.isEmpty()) {
                    r.error(top.get("scenarios").value(), "scenarios is empty: a scenario file must test something");
                }
                Set<String> names = new HashSet<>();
                for (Node item : items == null ? List.<Node>of() : items) {
                    Scenario s = scenario(r, file, text, item, names, knownRules);
                    if (s != null) {
                        scenarios.add(s);
                    }
                }
            }
        }
        if (problems.hasErrors()) {
            throw new ScenarioException(problems.all());
        }
        return new ScenarioFile(file, policies, scenarios);
    }

    private static Scenario scenario(NodeReader r, Path file, String text, Node node, Set<String> names,
                                     Set<String> knownRules) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, "a scenario");
        if (spec == null) {
            return null;
        }
        r.onlyKeys(spec, SCENARIO_KEYS, "a scenario");
        String name = null;
        if (r.require(spec, node, "name", "a scenario")) {
            name = r.name(spec.get("name").value(), "name");
            if (name != null && !names.add(name)) {
                r.error(spec.get("name").value(), "duplicate scenario name [" + name + "]");
            }
        }
        String label = name == null ? "a scenario" : "scenario [" + name + "]";
        CustomerCase customerCase = null;
        if (r.require(spec, node, "case", label)) {
            customerCase = customerCase(r, file, text, spec.get("case").value(), label);
        }
        Map<String, Expected> outcomes = new LinkedHashMap<>();
        List<String> followUps = null;
        if (r.require(spec, node, "expect", label)) {
            Map<String, NodeReader.Entry> expect = r.mapping(spec.get("expect").value(), "expect of " + label);
            if (expect != null && expect.isEmpty()) {
                r.error(spec.get("expect").value(), "expect of " + label + " is empty: say what must be decided");
            }
            for (NodeReader.Entry e : expect == null ? List.<NodeReader.Entry>of() : expect.values()) {
                if (e.name().equals("followUps")) {
                    followUps = r.names(e.value(), "followUps of " + label, null, "action");
                } else {
                    Expected x = expected(r, e.value(), label + ", remedy [" + e.name() + "]", knownRules);
                    if (x != null) {
                        outcomes.put(e.name(), x);
                    }
                }
            }
        }
        if (name == null || customerCase == null) {
            return null;
        }
        return new Scenario(name, file, r.place(node).line(), customerCase, outcomes, followUps);
    }

    private static Expected expected(NodeReader r, Node node, String what, Set<String> knownRules) {
        if (node instanceof ScalarNode) {
            Outcome.Kind kind = kind(r, node, what);
            return kind == null ? null : new Expected(kind, null, null, null);
        }
        Map<String, NodeReader.Entry> spec = r.mapping(node, "the expectation of " + what);
        if (spec == null) {
            return null;
        }
        r.onlyKeys(spec, EXPECT_KEYS, "the expectation of " + what);
        if (!r.require(spec, node, "outcome", "the expectation of " + what)) {
            return null;
        }
        Outcome.Kind kind = kind(r, spec.get("outcome").value(), what);
        String approver = spec.containsKey("approver") ? r.name(spec.get("approver").value(), "approver") : null;
        String team = spec.containsKey("team") ? r.name(spec.get("team").value(), "team") : null;
        if (approver != null && kind != Outcome.Kind.ESCALATE) {
            r.error(spec.get("approver").key(), "only an ESCALATE outcome has an approver, in " + what);
        }
        if (team != null && kind != Outcome.Kind.SWAT) {
            r.error(spec.get("team").key(), "only a SWAT outcome has a team, in " + what);
        }
        Set<String> rules = null;
        if (spec.containsKey("rules")) {
            List<String> ids = r.names(spec.get("rules").value(), "rules of " + what, knownRules, "rule");
            rules = ids == null ? null : new LinkedHashSet<>(ids);
        }
        return kind == null ? null : new Expected(kind, approver, team, rules);
    }

    private static Outcome.Kind kind(NodeReader r, Node node, String what) {
        String text = r.name(node, "the outcome of " + what);
        if (text == null) {
            return null;
        }
        if (!OUTCOMES.contains(text)) {
            r.error(node, "unknown outcome [" + text + "] for " + what, Hints.didYouMean(text.toUpperCase(java.util.Locale.ROOT), OUTCOMES));
            return null;
        }
        return Outcome.Kind.valueOf(text);
    }

    /** Reads the case with the engine's case reader, from the exact text of the node, re-indented. */
    private static CustomerCase customerCase(NodeReader r, Path file, String text, Node node, String label) {
        Mark start = node.getStartMark();
        Mark end = node.getEndMark();
        int from = text.offsetByCodePoints(0, start.getIndex());
        int to = text.offsetByCodePoints(0, end.getIndex());
        String body = " ".repeat(start.getColumn()) + text.substring(from, to);
        try {
            return CaseReader.read(PolicySource.of(file + " " + label, body));
        } catch (InvalidCaseException e) {
            for (CaseProblem p : e.problems()) {
                r.error(node, "case of " + label + ": " + p);
            }
            return null;
        }
    }
}
