package org.resolutionpolicy.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Problem;

class ScenarioRunnerTests {

    @Test
    void a_passing_file_passes_every_scenario_and_reports_rule_coverage() {
        ScenarioReport report = ScenarioRunner.run(List.of(Kit.dir("pass")));

        assertThat(report.passed()).isTrue();
        assertThat(report.results()).extracting(r -> r.scenario().name()).containsExactly(
                "a small refund is granted on the spot", "a refund at high severity needs the manager",
                "gift cards are never refunded");
        RuleCoverage coverage = report.coverage().get("cafe");
        assertThat(coverage.matched()).containsExactlyInAnyOrder("gift-cards", "big-refunds-at-high-severity", "callback");
        assertThat(coverage.unmatched()).containsExactly("viral", "never-used");
        assertThat(coverage.ratio()).isEqualTo(0.6);
    }

    @Test
    void a_failing_scenario_is_reported_with_expected_and_actual_not_thrown_away() {
        ScenarioReport report = ScenarioRunner.run(List.of(Kit.dir("fail")));

        assertThat(report.passed()).isFalse();
        assertThat(report.failed()).isEqualTo(1);
        ScenarioResult failed = report.results().get(1);
        assertThat(failed.mismatches()).containsExactly("voucher: expected ALONE, was ESCALATE to manager");
        assertThat(failed.report()).startsWith("scenario [this one expects too much latitude] at ")
                .contains("cafe.test.yaml:7\n")
                .contains("voucher  30      ESCALATE to manager  authority: voucher of 30 is beyond the authority of "
                        + "barista (up to 10 per grant); manager may grant it");
        assertThat(report.results().get(0).passed()).isTrue();
    }

    @Test
    void a_malformed_file_reports_every_problem_with_its_place() {
        ScenarioReport report = ScenarioRunner.run(List.of(Kit.dir("malformed")));

        assertThat(report.passed()).isFalse();
        assertThat(report.unreadable()).hasSize(1);
        List<Problem> problems = report.unreadable().values().iterator().next().problems();
        assertThat(problems).extracting(Problem::line, Problem::column, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6, 16, "unknown outcome [ALONEE] for scenario [outcome misspelt], remedy [apology]"),
                org.assertj.core.groups.Tuple.tuple(9, 5, "unknown key [expected] in a scenario"),
                org.assertj.core.groups.Tuple.tuple(7, 5, "missing key [expect] in scenario [an unknown key]"));
        assertThat(problems.get(0).hint()).isEqualTo("did you mean [ALONE]?");
    }

    @Test
    void an_unknown_rule_id_in_an_expectation_is_a_located_problem_with_a_did_you_mean() {
        ScenarioReport report = ScenarioRunner.run(List.of(Kit.dir("unknown-rule")));

        assertThat(report.results()).isEmpty();
        List<Problem> problems = report.unreadable().values().iterator().next().problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(42);
            assertThat(p.message()).isEqualTo(
                    "unknown rule [gift-card] in rules of scenario [a rule id misspelt], remedy [refund]");
            assertThat(p.hint()).isEqualTo("did you mean [gift-cards]?");
        });
    }

    @Test
    void reading_a_file_alone_does_not_load_its_policy_so_rule_ids_pass() {
        ScenarioFile file = ScenarioRunner.read(Kit.dir("unknown-rule").resolve("cafe.test.yaml"));

        assertThat(file.scenarios()).hasSize(2);
    }

    @Test
    void coverage_lists_a_disabled_rule_as_disabled_not_as_never_matched() {
        RuleCoverage coverage = ScenarioRunner.run(List.of(Kit.dir("disabled"))).coverage().get("switched");

        assertThat(coverage.rules()).containsExactly("gift-cards", "promo", "never-used");
        assertThat(coverage.disabledRules()).containsExactly("promo");
        assertThat(coverage.unmatched()).containsExactly("never-used");
        assertThat(coverage.enabledCount()).isEqualTo(2);
        assertThat(coverage.ratio()).isEqualTo(0.5);
    }

    @Test
    void an_empty_directory_is_a_failure_because_nothing_ran() {
        ScenarioReport report = ScenarioRunner.run(List.of(Kit.dir("empty")));

        assertThat(report.results()).isEmpty();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void an_outcome_with_an_approver_must_be_an_escalation() {
        assertThat(new Expected(Outcome.Kind.ESCALATE, "manager", null, java.util.Set.of("x"))).hasToString(
                "ESCALATE to manager because [x]");
    }

    @Test
    void the_junit_helper_makes_one_test_per_scenario_grouped_by_file() throws Throwable {
        List<DynamicNode> nodes = Scenarios.in(Kit.dir("pass"), Kit.dir("fail")).collect(Collectors.toList());

        assertThat(nodes).extracting(DynamicNode::getDisplayName).containsExactly("cafe.test.yaml", "cafe.test.yaml");
        List<DynamicTest> failing = ((DynamicContainer) nodes.get(1)).getChildren().map(DynamicTest.class::cast)
                .collect(Collectors.toList());
        assertThat(failing).extracting(DynamicTest::getDisplayName)
                .containsExactly("this one passes", "this one expects too much latitude");
        // a file source would make Maven Surefire drop the test without running it
        assertThat(failing).allSatisfy(t -> assertThat(t.getTestSourceUri()).isEmpty());
        failing.get(0).getExecutable().execute();
        assertThatThrownBy(() -> failing.get(1).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("voucher: expected ALONE, was ESCALATE to manager")
                .satisfies(e -> {
                    AssertionFailedError f = (AssertionFailedError) e;
                    assertThat(f.getExpected().getStringRepresentation()).isEqualTo("voucher: ALONE\n");
                    assertThat(f.getActual().getStringRepresentation()).isEqualTo(
                            "voucher: ESCALATE to manager because [authority]\nfollowUps: []\n");
                });
    }

    @Test
    void the_junit_helper_fails_when_no_scenario_file_is_found_and_for_a_malformed_one() {
        List<DynamicNode> none = Scenarios.in(Kit.dir("empty")).collect(Collectors.toList());
        assertThatThrownBy(() -> ((DynamicTest) none.get(0)).getExecutable().execute())
                .hasMessageContaining("no scenario files (*.test.yaml) found in");

        List<DynamicNode> malformed = Scenarios.in(Kit.dir("malformed")).collect(Collectors.toList());
        assertThatThrownBy(() -> ((DynamicTest) malformed.get(0)).getExecutable().execute())
                .hasMessageContaining("cafe.test.yaml:6:16: error: unknown outcome [ALONEE]");
    }
}
