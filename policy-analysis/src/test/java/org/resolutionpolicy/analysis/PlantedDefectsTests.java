package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

class PlantedDefectsTests {

    static final Path PLANTED = Path.of("src/test/resources/planted/planted.yaml");

    @Nested
    @DisplayName("findings")
    class Findings {

        final Report report = Analysis.of(PLANTED).findings();

        @Test
        void finds_exactly_the_planted_defects() {
            assertThat(report.findings()).extracting(Finding::kind, Finding::subject).containsExactlyInAnyOrder(
                    tuple(Finding.Kind.NEVER_MATCHES, "dead-rule"),
                    tuple(Finding.Kind.MASKED, "masked-rule"),
                    tuple(Finding.Kind.USELESS_GRANT, "useless-grant"),
                    tuple(Finding.Kind.GAP, "gift"),
                    tuple(Finding.Kind.SHRINKING_AUTHORITY, "supervisor"),
                    tuple(Finding.Kind.UNREACHABLE_ROLE, "director"));
            assertThat(report.leftOut()).isEmpty();
        }

        @Test
        void places_each_finding_where_it_is_written() {
            assertThat(report.findings()).extracting(Finding::subject, Finding::place).contains(
                    tuple("dead-rule", PLANTED + ":15:5"),
                    tuple("gift", PLANTED + ":9:3"),
                    tuple("supervisor", PLANTED + ":12:17"),
                    tuple("director", PLANTED + ":4:37"));
        }

        @Test
        void places_the_findings_the_same_when_given_a_loaded_or_a_live_policy() {
            List<Finding> loaded = Analysis.of(Policies.load(PLANTED)).findings().findings();
            List<Finding> live;
            try (LivePolicy policy = Policies.watch(PLANTED).start()) {
                live = Analysis.of(policy).findings().findings();
            }

            assertThat(loaded).extracting(Finding::subject, Finding::place)
                    .containsExactlyInAnyOrderElementsOf(report.findings().stream()
                            .map(f -> tuple(f.subject(), f.place())).toList());
            assertThat(live).extracting(Finding::subject, Finding::place)
                    .containsExactlyInAnyOrderElementsOf(report.findings().stream()
                            .map(f -> tuple(f.subject(), f.place())).toList());
        }

        @Test
        void every_witness_is_a_case_the_engine_decides_as_the_finding_says() {
            Policy policy = Policies.load(PLANTED);
            Finding masked = report.of(Finding.Kind.MASKED).get(0);
            assertThat(policy.decide(Cases.parse(masked.witnessJson())).proposals().get(0).outcome())
                    .isEqualTo(Outcome.escalate("manager"));
            Finding gap = report.of(Finding.Kind.GAP).get(0);
            assertThat(gap.message()).contains("at any severity");
            assertThat(policy.decide(Cases.parse(gap.witnessJson())).proposals().get(0).outcome())
                    .isEqualTo(Outcome.denied());
            Finding shrinking = report.of(Finding.Kind.SHRINKING_AUTHORITY).get(0);
            assertThat(shrinking.message()).contains("[supervisor]'s own limit for [refund] is [30], below [agent]'s [50]");
            assertThat(policy.decide(Cases.parse(shrinking.witnessJson())).proposals().get(0).outcome())
                    .isEqualTo(Outcome.alone());
        }
    }

    @Test
    void a_computed_limit_above_a_fixed_one_is_not_a_ladder_that_shrinks_to_zero() {
        Policy policy = Policies.parse("""
                policy: computed-ladder
                version: "1"
                roles: [agent, supervisor]
                attributes: { paid: number }
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: 50 }
                  supervisor: { refund: "attributes.paid" }
                """);

        assertThat(Analysis.of(policy).findings().of(Finding.Kind.SHRINKING_AUTHORITY)).isEmpty();
    }

    @Nested
    @DisplayName("guarantees")
    class Proofs {

        final GuaranteeFile file = GuaranteeFile.read(Path.of("src/test/resources/planted/planted.guarantees.yaml"));
        final List<GuaranteeResult> results = Analysis.of(file.policies()).prove(file.guarantees());

        @Test
        void proves_the_holding_guarantees_and_refutes_the_violated_one() {
            assertThat(results).extracting(r -> r.guarantee().name(), GuaranteeResult::status).containsExactly(
                    tuple("an agent never refunds more than 50 alone", GuaranteeResult.Status.PROVEN),
                    tuple("a legal threat always goes to SWAT", GuaranteeResult.Status.PROVEN),
                    tuple("a GOLD customer is never denied a voucher", GuaranteeResult.Status.VIOLATED),
                    tuple("refunds above 100 are approved by a manager or above", GuaranteeResult.Status.PROVEN));
        }

        @Test
        void the_counterexample_is_a_gold_customer_denied_a_voucher_by_the_engine() {
            GuaranteeResult violated = results.get(2);
            var c = Cases.parse(violated.counterexampleJson());
            assertThat(c.customer().tier()).isEqualTo("GOLD");
            assertThat(Policies.load(PLANTED).decide(c).proposal("voucher").outcome()).isEqualTo(Outcome.denied());
            assertThat(violated.detail()).contains("DENIED");
        }

        @Test
        void a_guarantee_on_an_unknown_fact_is_refused_with_its_place() {
            GuaranteeFile bad = GuaranteeFile.parse(Path.of("src/test/resources/planted/bad.guarantees.yaml"),
                    "policy: planted.yaml\nguarantees:\n  - name: typo\n    when: { customer.tierr: GOLD }\n    never: DENIED\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Analysis.of(bad.policies()).prove(bad.guarantees()))
                    .isInstanceOf(GuaranteeException.class)
                    .hasMessageContaining("bad.guarantees.yaml:3:5: guarantee [typo]")
                    .hasMessageContaining("customer.tierr");
        }
    }
}
