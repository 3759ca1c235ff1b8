package org.resolutionpolicy.examples;

import java.math.BigDecimal;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.test.PolicyArbitraries;
import org.resolutionpolicy.test.PolicyProperties;

/** The ready-made properties of the test kit, applied to both example policies. */
class ExamplePolicyProperties {

    static final Path COFFEE_FILE = Path.of("policies", "coffee-shop.yaml");
    static final Path RETAILER_FILE = Path.of("policies", "online-retailer.yaml");
    static final Policy COFFEE = Policies.load(COFFEE_FILE);
    static final Policy RETAILER = Policies.load(RETAILER_FILE);

    @Provide
    Arbitrary<CustomerCase> coffeeCases() {
        return PolicyArbitraries.forPolicy(COFFEE).tiers("GOLD", "PLATINUM", "SILVER")
                .categories("late-order", "gift-card", "spill", "promotion").texts("Main St").cases();
    }

    @Provide
    Arbitrary<CustomerCase> retailerCases() {
        return PolicyArbitraries.forPolicy(RETAILER).tiers("PLATINUM", "GOLD").maxAmount(3000).cases();
    }

    @Property(tries = 300)
    void coffee_severity_never_lowers_the_approver(@ForAll("coffeeCases") CustomerCase c) {
        PolicyProperties.raisingSeverityNeverLowersTheApprover(COFFEE, c);
    }

    @Property(tries = 300)
    void coffee_amounts_never_lower_the_approver(@ForAll("coffeeCases") CustomerCase c) {
        PolicyProperties.raisingAnAmountNeverLowersTheApprover(COFFEE, c, BigDecimal.valueOf(7));
    }

    @Property(tries = 300)
    void coffee_higher_roles_are_never_stricter(@ForAll("coffeeCases") CustomerCase c) {
        PolicyProperties.aHigherRoleNeverGetsAStricterOutcome(COFFEE, c);
    }

    @Property(tries = 60)
    void coffee_rule_order_does_not_matter(@ForAll("coffeeCases") CustomerCase c, @ForAll long seed) {
        PolicyProperties.ruleOrderDoesNotMatter(COFFEE_FILE, c, seed);
    }

    @Property(tries = 300)
    void retailer_severity_never_lowers_the_approver(@ForAll("retailerCases") CustomerCase c) {
        PolicyProperties.raisingSeverityNeverLowersTheApprover(RETAILER, c);
    }

    @Property(tries = 300)
    void retailer_higher_roles_are_never_stricter(@ForAll("retailerCases") CustomerCase c) {
        PolicyProperties.aHigherRoleNeverGetsAStricterOutcome(RETAILER, c);
    }

    @Property(tries = 60)
    void retailer_rule_order_does_not_matter(@ForAll("retailerCases") CustomerCase c, @ForAll long seed) {
        PolicyProperties.ruleOrderDoesNotMatter(RETAILER_FILE, c, seed);
    }
}
