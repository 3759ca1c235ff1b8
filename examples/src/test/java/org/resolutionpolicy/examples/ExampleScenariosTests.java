package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.resolutionpolicy.test.Scenarios;

/** The scenario files beside the example policies, one test per scenario, and their rule coverage. */
class ExampleScenariosTests {

    static final Path POLICIES = Path.of("policies");

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return Scenarios.in(POLICIES);
    }

    @Test
    void every_enabled_rule_of_the_example_policies_is_exercised_by_a_scenario() {
        var coverage = Scenarios.coverage(POLICIES);

        assertThat(coverage).containsOnlyKeys("coffee-shop", "online-retailer", "eu261");
        assertThat(coverage.get("online-retailer").unmatched()).isEmpty();
        assertThat(coverage.get("eu261").unmatched()).isEmpty();
        // the promotion rule is switched off (enabled: false), so no scenario can make it match: listed as disabled
        assertThat(coverage.get("coffee-shop").unmatched()).isEmpty();
        assertThat(coverage.get("coffee-shop").disabledRules()).containsExactly("summer-promo-misfire");
        assertThat(coverage.get("coffee-shop").ratio()).isEqualTo(1.0);
    }
}
