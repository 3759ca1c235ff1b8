package org.resolutionpolicy.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyFiles;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.format.text.DecisionTable;
import org.resolutionpolicy.test.internal.ScenarioReader;

/**
 * Finds, reads and runs scenario files ({@code *.test.yaml}), with rule coverage. The JUnit helper
 * {@link Scenarios} and the CLI's {@code policy test} both run scenarios through this class.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Returns the scenario files among the given files and below the given directories, in name order. */
    public static List<Path> find(Collection<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files.addAll(walk.filter(Files::isRegularFile).filter(ScenarioRunner::isScenarioFile).sorted()
                            .collect(Collectors.toList()));
                } catch (IOException e) {
                    throw new PolicyException("cannot read directory [" + path + "]: " + e.getMessage(), e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Returns true for {@code *.test.yaml} and {@code *.test.yml}, as {@link PolicyFiles#isScenarioFile} says. */
    public static boolean isScenarioFile(Path file) {
        return PolicyFiles.isScenarioFile(file);
    }

    /**
     * Reads a scenario file.
     *
     * @throws ScenarioException listing every problem of the file
     */
    public static ScenarioFile read(Path file) {
        return ScenarioReader.read(Objects.requireNonNull(file, "file must not be null"));
    }

    /** Runs every scenario of the given files and directories. */
    public static ScenarioReport run(Collection<Path> paths) {
        List<ScenarioResult> results = new ArrayList<>();
        Map<Path, ScenarioException> unreadable = new LinkedHashMap<>();
        Map<List<Path>, Policy> policies = new HashMap<>();
        Map<String, RuleCoverage> coverage = new LinkedHashMap<>();
        for (Path file : find(paths)) {
            ScenarioFile scenarios;
            Policy policy;
            try {
                scenarios = ScenarioReader.read(file, files -> policies.computeIfAbsent(files, Policies::load));
                policy = policies.computeIfAbsent(scenarios.policies(), Policies::load);
            } catch (ScenarioException e) {
                unreadable.put(file, e);
                continue;
            } catch (PolicyLoadException e) {
                unreadable.put(file, new ScenarioException(e.problems()));
                continue;
            } catch (PolicyException e) {
                unreadable.put(file, new ScenarioException(List.of(Problem.error(file.toString(), 0, 0, e.getMessage(), null))));
                continue;
            }
            RuleCoverage before = coverage.getOrDefault(policy.id(),
                    new RuleCoverage(policy.id(), policy.version(), policy.ruleIds(), Set.of(), Set.of()));
            Set<String> matched = new TreeSet<>(before.matched());
            Set<String> disabled = new TreeSet<>(before.disabled());
            for (Scenario s : scenarios.scenarios()) {
                ScenarioResult result = run(policy, s, disabled);
                results.add(result);
                matched.addAll(result.matchedRules());
            }
            coverage.put(policy.id(), new RuleCoverage(policy.id(), policy.version(), policy.ruleIds(), matched,
                    disabled));
        }
        return new ScenarioReport(results, unreadable, coverage);
    }

    /** Runs one scenario against a policy. */
    public static ScenarioResult run(Policy policy, Scenario s) {
        return run(policy, s, new TreeSet<>());
    }

    /** Runs one scenario, adding the rules its explanation shows as switched off to {@code disabled}. */
    private static ScenarioResult run(Policy policy, Scenario s, Set<String> disabled) {
        Explanation explanation;
        try {
            explanation = policy.explain(s.customerCase());
        } catch (InvalidCaseException e) {
            List<String> mismatch = List.of("the case does not fit the policy: " + e.getMessage());
            return new ScenarioResult(s, null, mismatch, Set.of(), header(s) + mismatch.get(0) + "\n");
        }
        Decision d = explanation.decision();
        List<String> mismatches = new ArrayList<>();
        s.outcomes().forEach((remedy, expected) -> compare(d, remedy, expected, mismatches));
        if (s.followUps() != null) {
            Set<String> actual = d.followUps().stream().map(f -> f.action()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> wanted = new TreeSet<>(s.followUps());
            if (!actual.equals(wanted)) {
                mismatches.add("followUps: expected " + wanted + ", were " + actual);
            }
        }
        Set<String> matched = new TreeSet<>();
        explanation.proposals().forEach(p -> p.rules().stream().filter(Explanation.RuleCheck::matched)
                .forEach(r -> matched.add(r.rule())));
        explanation.caseRules().stream().filter(Explanation.RuleCheck::matched).forEach(r -> matched.add(r.rule()));
        Stream.concat(explanation.proposals().stream().flatMap(p -> p.rules().stream()), explanation.caseRules().stream())
                .filter(r -> r.status() == Explanation.Status.DISABLED).forEach(r -> disabled.add(r.rule()));
        StringBuilder report = new StringBuilder(header(s));
        mismatches.forEach(m -> report.append("  ").append(m).append('\n'));
        report.append("decided:\n").append(DecisionTable.render(s.customerCase(), d));
        return new ScenarioResult(s, d, mismatches, matched, report.toString());
    }

    private static String header(Scenario s) {
        return "scenario [" + s.name() + "] at " + s.location() + "\n";
    }

    private static void compare(Decision d, String remedy, Expected expected, List<String> mismatches) {
        ProposalDecision p = d.proposals().stream().filter(x -> x.remedy().equals(remedy)).findFirst().orElse(null);
        if (p == null) {
            mismatches.add(remedy + ": expected " + expected + ", but the case has no proposal of [" + remedy + "]");
            return;
        }
        boolean same = p.kind() == expected.kind()
                && (expected.approver() == null || expected.approver().equals(p.outcome().approver()))
                && (expected.team() == null || expected.team().equals(p.outcome().team()));
        if (!same) {
            mismatches.add(remedy + ": expected " + withoutRules(expected) + ", was " + p.outcome());
        }
        if (expected.rules() != null && !new TreeSet<>(p.ruleIds()).equals(new TreeSet<>(expected.rules()))) {
            mismatches.add(remedy + ": expected reasons " + new TreeSet<>(expected.rules()) + ", were "
                    + new TreeSet<>(p.ruleIds()));
        }
    }

    private static String withoutRules(Expected e) {
        return new Expected(e.kind(), e.approver(), e.team(), null).toString();
    }
}
