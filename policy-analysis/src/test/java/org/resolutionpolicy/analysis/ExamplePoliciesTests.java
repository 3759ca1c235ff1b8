package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExamplePoliciesTests {

    static final Path POLICIES = Path.of("../examples/policies");

    @Test
    void coffee_shop_has_one_masked_rule_and_nothing_else() {
        Report r = Analysis.of(POLICIES.resolve("coffee-shop.yaml")).findings();
        assertThat(r.findings()).extracting(Finding::kind, Finding::subject)
                .containsExactly(tuple(Finding.Kind.MASKED, "high-severity-refunds-need-a-manager"));
        assertThat(r.leftOut()).isEmpty();
    }

    @Test
    void online_retailer_has_no_findings() {
        Report r = Analysis.of(POLICIES.resolve("online-retailer.yaml")).findings();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void drl_rules_are_left_out_and_said_so() {
        Report r = Analysis.of(POLICIES.resolve("drl/coffee-shop-mixed")).findings();
        assertThat(r.leftOut()).isNotEmpty().allMatch(s -> s.startsWith("DRL rule ["));
        assertThat(r.hasInternalErrors()).isFalse();
    }

    @Test
    void a_guarantee_the_yaml_rules_keep_but_a_drl_rule_breaks_is_unknown_never_proven() {
        // the YAML lets a barista give 2 drinks alone; the DRL rule long-waits-earn-a-drink lets them give 3
        Guarantee twoAtMost = new Guarantee("a barista never gives more than 2 drinks alone", "test",
                java.util.Map.of("employee.role", "barista", "remedy", "free-drink", "amount",
                        java.util.Map.of("above", 2)),
                new Guarantee.Expectation(false, java.util.Set.of(org.resolutionpolicy.api.Outcome.Kind.ALONE), null));

        GuaranteeResult result = Analysis.of(POLICIES.resolve("drl/coffee-shop-mixed")).prove(java.util.List.of(twoAtMost))
                .get(0);

        assertThat(result.status()).isEqualTo(GuaranteeResult.Status.UNKNOWN);
        assertThat(result.detail()).contains("DRL rules [").contains("are not modelled");
    }

    @Test
    void an_edit_beside_drl_rules_is_never_proven_unchanged() {
        Analysis mixed = Analysis.of(POLICIES.resolve("drl/coffee-shop-mixed"));

        ChangeProof proof = mixed.against(Analysis.of(POLICIES.resolve("drl/coffee-shop-mixed")));

        assertThat(proof.changes()).isNotEmpty().extracting(ChangeProof.Change::verdict)
                .doesNotContain(ChangeProof.Verdict.EQUIVALENT, ChangeProof.Verdict.ONLY_STRICTER,
                        ChangeProof.Verdict.ONLY_LOOSER);
    }

    @Test
    void a_role_only_a_drl_rule_may_require_is_not_reported_unreachable() {
        Report r = Analysis.of(POLICIES.resolve("drl/coffee-shop-mixed")).findings();

        assertThat(r.findings()).extracting(Finding::kind).doesNotContain(Finding.Kind.UNREACHABLE_ROLE);
    }

    @Test
    void eu261_a_versioned_policy_with_tables_definitions_and_entitlements_is_analysed_whole() {
        Report r = Analysis.of(POLICIES.resolve("eu261.yaml")).findings();

        assertThat(r.hasInternalErrors()).isFalse();
        assertThat(r.leftOut()).isEmpty();
        assertThat(r.findings()).isEmpty();
    }
}
