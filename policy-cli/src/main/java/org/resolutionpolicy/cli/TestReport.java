package org.resolutionpolicy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.test.RuleCoverage;
import org.resolutionpolicy.test.ScenarioException;
import org.resolutionpolicy.test.ScenarioReport;
import org.resolutionpolicy.test.ScenarioResult;

/** Prints what {@code policy test} found, for people and for CI. */
final class TestReport {

    private TestReport() {
    }

    static String text(ScenarioReport report, boolean coverage) {
        StringBuilder out = new StringBuilder();
        for (ScenarioResult r : report.results()) {
            out.append(r.passed() ? "PASS  " : "FAIL  ").append(r.scenario().file().getFileName()).append("  ")
                    .append(r.scenario().name()).append('\n');
            if (!r.passed()) {
                for (String line : r.report().split("\n")) {
                    out.append("      ").append(line).append('\n');
                }
            }
        }
        for (Map.Entry<Path, ScenarioException> e : report.unreadable().entrySet()) {
            out.append("ERROR ").append(e.getKey()).append(" could not be read:\n");
            for (Problem p : e.getValue().problems()) {
                out.append("      ").append(p).append('\n');
            }
        }
        long failed = report.failed();
        long passed = report.results().size() - failed;
        if (report.results().isEmpty() && report.unreadable().isEmpty()) {
            out.append("no scenario files (*.test.yaml) found: nothing was tested\n");
        }
        if (coverage) {
            out.append("rule coverage:\n");
            for (RuleCoverage c : report.coverage().values()) {
                out.append("  ").append(c.policy()).append(' ').append(c.version()).append(": ")
                        .append(c.enabledCount() - c.unmatched().size()).append(" of ").append(c.enabledCount())
                        .append(c.disabledRules().isEmpty() ? " rules" : " enabled rules")
                        .append(" matched in at least one scenario (").append(Math.round(c.ratio() * 100)).append("%)");
                if (!c.unmatched().isEmpty()) {
                    out.append("; never matched: ").append(String.join(", ", c.unmatched()));
                }
                if (!c.disabledRules().isEmpty()) {
                    out.append("; disabled: ").append(String.join(", ", c.disabledRules()));
                }
                out.append('\n');
            }
        }
        String unreadable = report.unreadable().isEmpty() ? "" : ", " + report.unreadable().size() + " unreadable files";
        out.append(passed).append(" passed, ").append(failed).append(" failed").append(unreadable).append('\n');
        return out.toString();
    }

    static Map<String, Object> json(ScenarioReport report, boolean coverage) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> scenarios = new ArrayList<>();
        for (ScenarioResult r : report.results()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", r.scenario().file().toString());
            item.put("line", r.scenario().line());
            item.put("name", r.scenario().name());
            item.put("passed", r.passed());
            if (!r.passed()) {
                item.put("mismatches", new ArrayList<Object>(r.mismatches()));
            }
            scenarios.add(item);
        }
        json.put("scenarios", scenarios);
        List<Object> unreadable = new ArrayList<>();
        report.unreadable().forEach((file, problem) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", file.toString());
            List<Object> problems = new ArrayList<>();
            problem.problems().forEach(p -> problems.add(p.toString()));
            item.put("problems", problems);
            unreadable.add(item);
        });
        json.put("unreadable", unreadable);
        json.put("passed", report.results().size() - report.failed());
        json.put("failed", report.failed());
        if (coverage) {
            Map<String, Object> policies = new LinkedHashMap<>();
            for (RuleCoverage c : report.coverage().values()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("version", c.version());
                item.put("rules", new ArrayList<Object>(c.rules()));
                item.put("matched", new ArrayList<Object>(new java.util.TreeSet<>(c.matched())));
                item.put("unmatched", new ArrayList<Object>(c.unmatched()));
                item.put("disabled", new ArrayList<Object>(c.disabledRules()));
                policies.put(c.policy(), item);
            }
            json.put("coverage", policies);
        }
        return json;
    }
}
