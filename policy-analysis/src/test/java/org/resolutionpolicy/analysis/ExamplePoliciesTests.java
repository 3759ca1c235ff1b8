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
    void eu261_a_versioned_policy_with_tables_definitions_and_entitlements_is_analysed_whole() {
        Report r = Analysis.of(POLICIES.resolve("eu261.yaml")).findings();

        assertThat(r.hasInternalErrors()).isFalse();
        assertThat(r.leftOut()).isEmpty();
        assertThat(r.findings()).isEmpty();
    }
}
