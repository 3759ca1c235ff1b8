package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.test.Scenario;
import org.resolutionpolicy.test.ScenarioResult;
import org.resolutionpolicy.test.ScenarioRunner;

/**
 * The shared decision corpus: every scenario of the corpus files, decided by each example policy written three
 * ways (YAML, DRL alone, YAML and DRL mixed), meets its expectation, and all three give the same decision,
 * reasons included.
 */
class SharedCorpusTests {

    static final Path EXAMPLES = Path.of("..", "examples", "policies");
    static final Map<String, List<Path>> COFFEE = Map.of(
            "yaml", List.of(EXAMPLES.resolve("coffee-shop.yaml")),
            "drl", List.of(EXAMPLES.resolve("drl/coffee-shop")),
            "mixed", List.of(EXAMPLES.resolve("drl/coffee-shop-mixed")));
    static final Map<String, List<Path>> RETAILER = Map.of(
            "yaml", List.of(EXAMPLES.resolve("online-retailer.yaml")),
            "drl", List.of(EXAMPLES.resolve("drl/online-retailer")),
            "mixed", List.of(EXAMPLES.resolve("drl/online-retailer-mixed")));
    static final Map<String, List<Path>> EU261 = Map.of(
            "yaml", List.of(EXAMPLES.resolve("eu261.yaml")),
            "drl", List.of(EXAMPLES.resolve("drl/eu261")),
            "mixed", List.of(EXAMPLES.resolve("drl/eu261-mixed")));
    /** Facts a case lacks, tested with every operator: false in YAML, and so in DRL (see NullGuards). */
    static final Path ABSENT = Path.of("src", "test", "resources", "absent");
    static final Map<String, List<Path>> ABSENT_FACTS = Map.of(
            "yaml", List.of(ABSENT.resolve("absent-facts.yaml")),
            "drl", List.of(ABSENT.resolve("drl")),
            "mixed", List.of(ABSENT.resolve("mixed")));
    /** The semantics of issue 16: sibling proposals, dual approval, outcome-conditional follow-ups, currency. */
    static final Path SCHEMES = Path.of("src", "test", "resources", "schemes");
    static final Map<String, List<Path>> SCHEMES_POLICY = Map.of(
            "yaml", List.of(SCHEMES.resolve("schemes.yaml")),
            "drl", List.of(SCHEMES.resolve("drl")),
            "mixed", List.of(SCHEMES.resolve("mixed")));
    /** Case totals of issue 33: rules on the running total and count of a remedy over a case's proposals. */
    static final Path TOTALS = Path.of("src", "test", "resources", "totals");
    static final Map<String, List<Path>> TOTALS_POLICY = Map.of(
            "yaml", List.of(TOTALS.resolve("totals.yaml")),
            "drl", List.of(TOTALS.resolve("drl")),
            "mixed", List.of(TOTALS.resolve("mixed")));
    /** Issue 33: calendar windows, a time zone and holiday calendars chosen by the case's state. */
    static final Path CALENDARS = Path.of("src", "test", "resources", "calendars");
    static final Map<String, List<Path>> CALENDARS_POLICY = Map.of(
            "yaml", List.of(CALENDARS.resolve("calendars.yaml")),
            "drl", List.of(CALENDARS.resolve("drl")),
            "mixed", List.of(CALENDARS.resolve("mixed")));
    /** The severity scale of issue 35: declared in YAML, in a DRL-only policy's header, and beside DRL rules. */
    static final Path SEVERITY = Path.of("src", "test", "resources", "severity");
    static final Map<String, List<Path>> SEVERITY_POLICY = Map.of(
            "yaml", List.of(SEVERITY.resolve("severity.yaml")),
            "drl", List.of(SEVERITY.resolve("drl")),
            "mixed", List.of(SEVERITY.resolve("mixed")));
    static final Map<String, Map<String, List<Path>>> VARIANTS = Map.of("coffee-shop", COFFEE, "online-retailer", RETAILER,
            "absent-facts", ABSENT_FACTS, "eu261", EU261, "schemes", SCHEMES_POLICY, "totals", TOTALS_POLICY,
            "calendars", CALENDARS_POLICY, "delays", SEVERITY_POLICY);
    static final List<Path> CORPUS = List.of(EXAMPLES.resolve("coffee-shop.test.yaml"),
            EXAMPLES.resolve("online-retailer.test.yaml"), EXAMPLES.resolve("corpus/coffee-shop-corpus.test.yaml"),
            EXAMPLES.resolve("corpus/online-retailer-corpus.test.yaml"), ABSENT.resolve("absent-facts.test.yaml"),
            EXAMPLES.resolve("eu261.test.yaml"), SCHEMES.resolve("schemes.test.yaml"), TOTALS.resolve("totals.test.yaml"),
            CALENDARS.resolve("calendars.test.yaml"), SEVERITY.resolve("severity.test.yaml"));

    @TestFactory
    Stream<DynamicTest> every_scenario_gets_the_same_decision_from_every_source() {
        Map<String, Map<String, Policy>> policies = new java.util.HashMap<>();
        VARIANTS.forEach((policy, variants) -> {
            Map<String, Policy> loaded = new java.util.TreeMap<>();
            variants.forEach((name, paths) -> loaded.put(name, Policies.load(paths)));
            policies.put(policy, loaded);
        });
        List<Scenario> scenarios = new ArrayList<>();
        List<String> ofPolicy = new ArrayList<>();
        for (Path file : CORPUS) {
            org.resolutionpolicy.test.ScenarioFile f = ScenarioRunner.read(file);
            String id = Policies.load(f.policies()).id();
            for (Scenario s : f.scenarios()) {
                scenarios.add(s);
                ofPolicy.add(id);
            }
        }
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(67);
        return java.util.stream.IntStream.range(0, scenarios.size()).mapToObj(i -> {
            Scenario s = scenarios.get(i);
            Map<String, Policy> variants = policies.get(ofPolicy.get(i));
            return DynamicTest.dynamicTest(s.name(), () -> check(s, variants));
        });
    }

    private static Decision withoutRevision(Decision d) {
        return new Decision(d.policyId(), d.policyVersion(), d.caseId(), d.employeeRole(), d.swat(), d.proposals(),
                d.latitude(), d.followUps(), null, null, d.severity());
    }

    private static void check(Scenario s, Map<String, Policy> policies) {
        {
            Decision reference = null;
            for (Map.Entry<String, Policy> p : policies.entrySet()) {
                ScenarioResult r = ScenarioRunner.run(p.getValue(), s);
                assertThat(r.mismatches()).as("%s from the %s policy:%n%s", s.name(), p.getKey(), r.report()).isEmpty();
                // each source has its own revision (its own files); every other part of the decision must agree
                assertThat(r.decision().revision()).startsWith(r.decision().policyVersion() + "@");
                Decision d = withoutRevision(r.decision());
                if (reference == null) {
                    reference = d;
                } else {
                    assertThat(d).as("%s from the %s policy", s.name(), p.getKey()).isEqualTo(reference);
                }
            }
        }
    }

    @Test
    void the_drl_only_policy_declares_what_the_yaml_header_does() {
        Policy yaml = Policies.load(COFFEE.get("yaml"));
        Policy drl = Policies.load(COFFEE.get("drl"));

        assertThat(drl.id()).isEqualTo(yaml.id());
        assertThat(drl.version()).isEqualTo(yaml.version());
        assertThat(drl.roles()).isEqualTo(yaml.roles());
        assertThat(drl.severities()).isEqualTo(yaml.severities());
        assertThat(drl.remedies()).isEqualTo(yaml.remedies());
        assertThat(drl.attributes()).isEqualTo(yaml.attributes());
        assertThat(drl.ruleIds()).containsExactlyInAnyOrderElementsOf(yaml.ruleIds());
    }

    @Test
    void the_drl_only_policy_declares_the_severity_scale_the_yaml_one_does() {
        org.resolutionpolicy.model.SeverityScale yaml = org.resolutionpolicy.model.ModelledPolicy
                .of(Policies.load(SEVERITY_POLICY.get("yaml"))).model().severityScale();
        org.resolutionpolicy.model.SeverityScale drl = org.resolutionpolicy.model.ModelledPolicy
                .of(Policies.load(SEVERITY_POLICY.get("drl"))).model().severityScale();

        assertThat(drl.entries()).extracting(e -> e.id() + " " + e.severity() + " " + e.because())
                .containsExactly("safety-is-critical CRITICAL Anything touching safety is critical",
                        "a-lost-holiday-is-high HIGH ", "out-of-pocket-is-medium MEDIUM ")
                .isEqualTo(yaml.entries().stream().map(e -> e.id() + " " + e.severity() + " " + e.because()).toList());
    }

    @Test
    void a_mistake_in_a_drl_severity_scale_is_reported_at_its_place_in_the_drl() {
        String drl = """
                package x;
                declare Policy
                    @policy("delays") @version("1")
                    @roles("agent")
                    @remedies("voucher: money")
                    @severityScale("[ { id: holidays, when: { impact.safetyIssue: true }, severity: HIHG } ]")
                end
                """;

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Policies.compile(List.of(
                        org.resolutionpolicy.api.PolicySource.of("delays.drl", drl))))
                .isInstanceOf(org.resolutionpolicy.api.PolicyLoadException.class)
                .satisfies(e -> assertThat(((org.resolutionpolicy.api.PolicyLoadException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.source()).isEqualTo("delays.drl");
                            assertThat(p.line()).isEqualTo(6);
                            assertThat(p.message()).isEqualTo("unknown severity [HIHG] in severityScale entry [holidays]");
                            assertThat(p.hint()).isEqualTo("did you mean [HIGH]?");
                        }));
    }
}
