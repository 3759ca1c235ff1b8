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

    /** The cafe with a scale of its own: a safety issue is CRITICAL, a customer out of pocket above 50 HIGH. */
    static final String SCALED_CAFE = readString(CAFE_FILE).replace("rules:", """
            severityScale:
              - id: safety-is-critical
                when: { impact.safetyIssue: true }
                severity: CRITICAL
              - id: out-of-pocket-is-high
                when: { impact.outOfPocket: { above: 50 } }
                severity: HIGH
            rules:""");

    static String readString(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<net.jqwik.api.Tuple.Tuple2<String, CustomerCase>> aScaleEntryAndACase() {
        Policy scaled = Policies.parse(SCALED_CAFE);
        return net.jqwik.api.Combinators.combine(PolicyArbitraries.forPolicy(scaled).categories("general", "gift-card")
                .severityScaleEntries(), PolicyArbitraries.forPolicy(scaled).categories("general", "gift-card").cases())
                .as(net.jqwik.api.Tuple::of);
    }

    @Property(tries = 100)
    void adding_a_scale_entry_never_lowers_a_severity_or_loosens_an_outcome(
            @ForAll("aScaleEntryAndACase") net.jqwik.api.Tuple.Tuple2<String, CustomerCase> entryAndCase) {
        Policy without = Policies.parse(SCALED_CAFE);
        String entry = entryAndCase.get1().indent(2);
        Policy with = Policies.parse(SCALED_CAFE.replace("\nrules:", "\n" + entry + "rules:"));

        assertThat(org.resolutionpolicy.model.ModelledPolicy.of(with).model().severityScale().entries()).hasSize(3);
        PolicyProperties.addingAScaleEntryNeverLoosens(without, with, entryAndCase.get2());
    }

    @Example
    void a_scale_change_that_lowers_a_case_fails_the_property() {
        Policy without = Policies.parse(SCALED_CAFE);
        Policy lowering = Policies.parse(SCALED_CAFE.replace("{ impact.outOfPocket: { above: 50 } }",
                "{ impact.outOfPocket: { above: 5000 } }"));
        CustomerCase c = CustomerCase.builder().id("C-1").employee("barista")
                .impact(org.resolutionpolicy.api.Impact.builder().outOfPocket(60).build()).propose("refund", 8).build();

        // the other way round a scale entry is taken away: the case falls from HIGH to LOW, the refund is looser
        assertThatThrownBy(() -> PolicyProperties.addingAScaleEntryNeverLoosens(without, lowering, c))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lowered the severity of the case from HIGH to LOW");
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
