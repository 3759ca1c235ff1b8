package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * For generated policies and guarantees: a guarantee proven is never violated by generated cases, and every
 * counterexample is a case the engine decides as a violation.
 */
class GuaranteeProperties {

    static final List<String> ROLES = List.of("agent", "lead", "manager");
    static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final List<String> TIERS = List.of("GOLD", "SILVER");

    /** One generated guarantee: refunds of this role above an amount are never (or always) of one outcome kind. */
    record Spec(String role, int above, boolean always, Outcome.Kind kind) {
        Guarantee guarantee() {
            return new Guarantee("g", "generated", Map.of("employee.role", role, "remedy", "refund",
                    "amount", Map.of("above", above)), new Guarantee.Expectation(always, Set.of(kind), null));
        }

        boolean about(CustomerCase c) {
            // the proposal decided last: a counterexample may have earlier proposals of the remedy before it
            return c.employee().role().equals(role)
                    && c.proposals().get(c.proposals().size() - 1).amount().compareTo(BigDecimal.valueOf(above)) > 0;
        }

        boolean holds(Outcome o) {
            // a refused case (null) has no outcome, and breaks no guarantee
            return o == null || always == (o.kind() == kind);
        }
    }

    @Provide
    Arbitrary<String> policies() {
        Arbitrary<String> rule = Combinators.combine(
                Arbitraries.of("{ severity: { atLeast: HIGH } }", "{ customer.tier: GOLD }", "{ amount: { above: 75 } }",
                        "{ impact.legalThreat: true }", "\"amount > 20 && severity.rank >= 1\"",
                        "{ customer.tier: [GOLD, SILVER], amount: { below: 40 } }", "{ named.loyal: true }",
                        "\"tables.cap > 70 && amount <= named.credit * 10\"", "{ tables.cap: { atMost: 80 } }"),
                Arbitraries.of("deny: true", "route: swat", "require: lead", "require: manager",
                        "grant: { role: agent, upTo: 60 }", "grant: { role: lead, upTo: 300 }",
                        "grant: { role: agent, upTo: \"tables.cap\" }", "entitled: \"named.credit + 5\""))
                .as((when, effect) -> "    when: " + when + "\n    remedies: [refund]\n    " + effect + "\n");
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.integers().between(20, 150),
                rule.list().ofMaxSize(4)).as((agent, lead, rules) -> {
                    StringBuilder yaml = new StringBuilder("policy: generated\nversion: \"1\"\nroles: [agent, lead, manager]\n"
                            + "swat: { team: swat }\nattributes: { points: number }\nremedies: { refund: { unit: money } }\n"
                            + DEFINED + "authority:\n"
                            + "  agent: { refund: " + agent + " }\n  lead: { refund: " + lead + " }\n"
                            + "  manager: { refund: 500 }\nrules:\n" + (rules.isEmpty() ? "  []\n" : ""));
                    for (int i = 0; i < rules.size(); i++) {
                        yaml.append("  - id: r").append(i).append('\n').append(rules.get(i))
                                .append("    because: generated\n");
                    }
                    return yaml.toString();
                });
    }

    /** Facts the generated policies define: a named condition and number, and a table with a computed row. */
    static final String DEFINED = """
            definitions:
              loyal: "attributes.points >= 100"
              credit: "attributes.points / 10"
            tables:
              cap:
                inputs: [customer.tier, attributes.points]
                hit: first
                rows:
                  - [GOLD, { atLeast: 100 }, 120]
                  - [GOLD, any, 80]
                  - [any, { above: 200 }, "attributes.points / 4"]
            """;

    @Provide
    Arbitrary<Spec> guarantees() {
        return Combinators.combine(Arbitraries.of(ROLES), Arbitraries.integers().between(0, 600), Arbitraries.of(true, false),
                Arbitraries.of(Outcome.Kind.class)).as(Spec::new);
    }

    @Provide
    Arbitrary<List<CustomerCase>> cases() {
        Arbitrary<CustomerCase> one = Combinators.combine(Arbitraries.of(SEVERITIES), Arbitraries.of(ROLES),
                Arbitraries.of(TIERS), Arbitraries.of(true, false), Arbitraries.integers().between(0, 700),
                Arbitraries.integers().between(-1, 300))
                .as((severity, role, tier, legal, amount, points) -> Cases.parse("{\"id\": \"c\", \"severity\": \""
                        + severity + "\", \"employee\": {\"role\": \"" + role + "\"}, \"customer\": {\"tier\": \""
                        + tier + "\"}, \"impact\": {\"legalThreat\": " + legal + "}"
                        + (points < 0 ? "" : ", \"attributes\": {\"points\": " + points + "}")
                        + ", \"proposals\": [{\"remedy\": \"refund\", \"amount\": " + amount + "}]}"));
        return one.list().ofSize(60);
    }

    @Property(tries = 50)
    void proven_guarantees_hold_for_generated_cases_and_counterexamples_agree_with_the_engine(
            @ForAll("policies") String yaml, @ForAll("guarantees") Spec spec, @ForAll("cases") List<CustomerCase> cases) {
        Policy policy = Policies.parse(yaml);
        GuaranteeResult result = Analysis.of(policy).prove(List.of(spec.guarantee())).get(0);
        assertThat(result.status()).isIn(GuaranteeResult.Status.PROVEN, GuaranteeResult.Status.VIOLATED);
        if (result.status() == GuaranteeResult.Status.PROVEN) {
            List<CustomerCase> violating = new ArrayList<>();
            for (CustomerCase c : cases) {
                if (spec.about(c) && !spec.holds(decided(policy, c))) {
                    violating.add(c);
                }
            }
            assertThat(violating).as("cases violating a proven guarantee").isEmpty();
        } else {
            CustomerCase counterexample = Cases.parse(result.counterexampleJson());
            assertThat(spec.about(counterexample)).isTrue();
            List<org.resolutionpolicy.api.ProposalDecision> decided = policy.decide(counterexample).proposals();
            assertThat(spec.holds(decided.get(decided.size() - 1).outcome())).isFalse();
        }
    }

    /**
     * Returns the outcome of a case's proposal, or null when the engine refuses the case: a case without the points
     * an entitlement or computed limit needs is invalid (issue 33), and has no decision to break a guarantee.
     */
    private static Outcome decided(Policy policy, CustomerCase c) {
        try {
            return policy.decide(c).proposals().get(0).outcome();
        } catch (org.resolutionpolicy.api.InvalidCaseException missingFact) {
            assertThat(missingFact.problems()).extracting(p -> p.field()).containsOnly("attributes.points");
            return null;
        }
    }

    @Property(tries = 20)
    void a_policy_is_equivalent_to_itself_and_no_finding_is_an_internal_error(@ForAll("policies") String yaml) {
        Policy policy = Policies.parse(yaml);
        assertThat(Analysis.of(policy).against(Analysis.of(policy)).differences()).isEmpty();
        assertThat(Analysis.of(policy).findings().hasInternalErrors()).isFalse();
        assertThat(Path.of("src/test/resources/planted")).isDirectory();
    }
}
