package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** What the guide's sections on rounding, choosing and dates, case totals and missing facts claim holds. */
class Issue33GuideTests {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    static Policy guidePolicy(String id) throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("..", "docs", "policy-format.md")));
        while (m.find()) {
            if (m.group(1).startsWith("policy: " + id + "\n")) {
                return Policies.parse(m.group(1));
            }
        }
        throw new AssertionError("the guide has no policy [" + id + "]");
    }

    static CustomerCase.Builder agent() {
        return CustomerCase.builder().id("C-33").severity("LOW").employee("agent");
    }

    @Test
    void the_shaped_example_rounds_chooses_and_moves_dates_as_the_guide_says() throws IOException {
        Policy p = guidePolicy("shaped-example");

        // a non-VIP agent refunds up to floor(paid / 2): 50 of 101; a VIP up to all of it
        assertThat(p.decide(agent().attribute("paid", 101).propose("refund", 50).build()).proposal("refund").outcome())
                .isEqualTo(Outcome.alone());
        assertThat(p.decide(agent().attribute("paid", 101).propose("refund", 50.5).build()).proposal("refund")
                .outcome()).isEqualTo(Outcome.escalate("supervisor"));
        assertThat(p.decide(agent().attribute("paid", 101).attribute("vip", true).propose("refund", 101).build())
                .proposal("refund").outcome()).isEqualTo(Outcome.alone());
        // 12.50 for each started week: 8 days late are two weeks, 25
        Decision late = p.decide(agent().attribute("daysLate", 8).propose("compensation", 25).build());
        assertThat(late.proposal("compensation").entitlement().amount()).isEqualByComparingTo("25");
        assertThat(late.proposal("compensation").entitlement().working())
                .isEqualTo("named.perDay * ceil(attributes.daysLate / 7) = 12.5 * ceil(8 / 7) = 25");
        // a repair on 28 February of a fault reported on 31 January is within the month; on 1 March it is not
        assertThat(p.decide(agent().attribute("reportedAt", "2027-01-31T10:00:00Z")
                .attribute("repairedAt", "2027-02-28T10:00:00Z").propose("compensation", 5).build())
                .proposal("compensation").outcome()).isEqualTo(Outcome.alone());
        assertThat(p.decide(agent().attribute("reportedAt", "2027-01-31T10:00:00Z")
                .attribute("repairedAt", "2027-03-01T10:00:00Z").propose("compensation", 5).build())
                .proposal("compensation").outcome()).isEqualTo(Outcome.escalate("supervisor"));
    }

    @Test
    void a_limit_that_needs_a_missing_fact_makes_the_case_invalid_as_the_guide_says() throws IOException {
        Policy p = guidePolicy("shaped-example");

        assertThatThrownBy(() -> p.decide(agent().propose("refund", 10).build()))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("attributes.paid: missing: the limit [attributes.vip ? attributes.paid : "
                        + "floor(attributes.paid / 2)] needs it");
    }

    @Test
    void two_payments_of_60_are_an_award_of_120_as_the_guide_says() throws IOException {
        Policy p = guidePolicy("totals-example");

        Decision split = p.decide(agent().propose("compensation", 60).propose("compensation", 60).build());
        assertThat(split.proposals().get(0).outcome()).isEqualTo(Outcome.alone());
        assertThat(split.proposals().get(1).outcome()).isEqualTo(Outcome.escalate("supervisor"));
        assertThat(p.decide(agent().propose("compensation", 120).build()).proposals().get(0).outcome())
                .isEqualTo(Outcome.escalate("supervisor"));
        assertThat(p.explain(agent().propose("compensation", 30).propose("compensation", 30).build()).proposals().get(1)
                .rule("above-the-band").failures().toString()).contains("60 (30 + 30 of earlier proposals [0])");
    }

    @Test
    void the_failure_date_chooses_the_version_as_the_guide_says() throws IOException {
        Policy p = guidePolicy("water-standards");
        CustomerCase.Builder opened = agent().openedAt(java.time.Instant.parse("2026-04-02T09:00:00Z"))
                .propose("payment", 30);

        assertThatThrownBy(() -> p.decide(opened.attribute("failedAt", "2026-03-30T08:00:00Z").build()))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("attributes.failedAt: no version of "
                        + "policy [water-standards] is in force at [2026-03-30T08:00:00Z]");
        assertThat(p.decide(agent().openedAt(java.time.Instant.parse("2026-03-02T09:00:00Z"))
                .attribute("failedAt", "2026-04-01T00:00:00Z").propose("payment", 30).build()).policyVersion())
                .isEqualTo("2026.04");
        assertThatThrownBy(() -> p.decide(agent().propose("payment", 30).build()))
                .hasMessageContaining("attributes.failedAt: missing: the policy's version is chosen by "
                        + "[attributes.failedAt] (versionBy)");
    }
}
