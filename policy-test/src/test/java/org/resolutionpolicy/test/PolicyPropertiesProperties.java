package org.resolutionpolicy.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** The ready-made properties hold on a sound policy, catch an unsound one, and the arbitraries make valid cases. */
class PolicyPropertiesProperties {

    static final Path CAFE_FILE = Kit.dir("policies").resolve("cafe.yaml");
    static final Policy CAFE = Policies.load(CAFE_FILE);

    @Provide
    Arbitrary<CustomerCase> cases() {
        return PolicyArbitraries.forPolicy(CAFE).categories("general", "gift-card").channels("phone", "carrier-pigeon").cases();
    }

    @Property(tries = 200)
    void generated_cases_are_valid_for_the_policy(@ForAll("cases") CustomerCase c) {
        assertThat(CAFE.decide(c).proposals()).hasSameSizeAs(c.proposals());
    }

    @Property(tries = 200)
    void generated_latitude_cases_are_valid_too(@ForAll("latitude") CustomerCase c) {
        assertThat(CAFE.decide(c).latitude()).hasSize(CAFE.remedies().size());
    }

    @Provide
    Arbitrary<CustomerCase> latitude() {
        return PolicyArbitraries.forPolicy(CAFE).latitudeCases();
    }

    @Property(tries = 200)
    void severity(@ForAll("cases") CustomerCase c) {
        PolicyProperties.raisingSeverityNeverLowersTheApprover(CAFE, c);
    }

    @Property(tries = 200)
    void amount(@ForAll("cases") CustomerCase c) {
        PolicyProperties.raisingAnAmountNeverLowersTheApprover(CAFE, c, BigDecimal.TEN);
    }

    @Property(tries = 200)
    void role(@ForAll("cases") CustomerCase c) {
        PolicyProperties.aHigherRoleNeverGetsAStricterOutcome(CAFE, c);
    }

    @Property(tries = 50)
    void order(@ForAll("cases") CustomerCase c, @ForAll long seed) {
        PolicyProperties.ruleOrderDoesNotMatter(CAFE_FILE, c, seed);
    }

    @Example
    void a_policy_that_relaxes_with_severity_is_caught() {
        Policy odd = Policies.parse("""
                policy: odd
                version: "1"
                roles: [agent, boss]
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 100 } }
                rules:
                  - id: low-needs-boss
                    when: { severity: LOW }
                    require: boss
                    because: odd on purpose
                """);
        CustomerCase low = CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 5).build();

        assertThatThrownBy(() -> PolicyProperties.raisingSeverityNeverLowersTheApprover(odd, low))
                .isInstanceOf(AssertionError.class)
                .hasMessage("raising severity to MEDIUM made refund 5 more lenient: ESCALATE to boss [low-needs-boss] "
                        + "became ALONE []");
    }
}
