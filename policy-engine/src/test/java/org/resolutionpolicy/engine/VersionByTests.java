package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/** {@code versionBy:} chooses the version by a date of the case, such as the date of the failure (issue 33). */
class VersionByTests {

    static String version(String version, String validity, String by, int agentLimit) {
        return """
                policy: water
                version: "%s"
                %s
                %s
                roles: [agent, supervisor]
                attributes: { failedAt: date, paid: number }
                remedies: { compensation: { unit: money } }
                authority: { agent: { compensation: %d }, supervisor: { compensation: 1000 } }
                """.formatted(version, validity, by, agentLimit);
    }

    static Policy versions(String... headers) {
        List<PolicySource> sources = new java.util.ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            sources.add(PolicySource.of("v" + (i + 1) + ".yaml", headers[i]));
        }
        return Policies.compile(sources);
    }

    static final Policy BY_FAILURE = versions(
            version("2025", "validFrom: 2025-04-01\nvalidUntil: 2026-04-01", "versionBy: attributes.failedAt", 30),
            version("2026", "validFrom: 2026-04-01", "versionBy: attributes.failedAt", 40));

    static CustomerCase failed(String failedAt, String openedAt) {
        CustomerCase.Builder b = CustomerCase.builder().id("C-9").severity("LOW").employee("agent")
                .openedAt(Instant.parse(openedAt)).propose("compensation", 35);
        return failedAt == null ? b.build() : b.attribute("failedAt", failedAt).build();
    }

    static List<Problem> problems(String... headers) {
        try {
            versions(headers);
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("loaded, but should not have");
    }

    @Test
    void a_failure_before_the_uprating_is_decided_by_the_old_version_though_the_case_is_opened_after() {
        Decision d = BY_FAILURE.decide(failed("2026-03-30T08:00:00Z", "2026-04-02T09:00:00Z"));

        assertThat(d.policyVersion()).isEqualTo("2025");
        assertThat(d.proposal("compensation").outcome()).isEqualTo(Outcome.escalate("supervisor"));
        assertThat(BY_FAILURE.decide(failed("2026-04-01T00:00:00Z", "2026-04-02T09:00:00Z")).policyVersion())
                .isEqualTo("2026");
    }

    @Test
    void a_case_without_the_fact_is_invalid_and_names_it() {
        assertThatThrownBy(() -> BY_FAILURE.decide(failed(null, "2026-04-02T09:00:00Z")))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("attributes.failedAt: missing: the policy's version is chosen by "
                        + "[attributes.failedAt] (versionBy)");
        assertThatThrownBy(() -> BY_FAILURE.decide(failed("2020-01-01T00:00:00Z", "2026-04-02T09:00:00Z")))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("attributes.failedAt: no version of policy [water] is in force at [2020-01-01]");
    }

    @Test
    void a_single_version_judges_its_validity_by_the_fact_too() {
        Policy one = Policies.parse(version("2026", "validFrom: 2026-04-01", "versionBy: attributes.failedAt", 40));

        assertThatThrownBy(() -> one.decide(failed("2026-03-30T08:00:00Z", "2026-04-02T09:00:00Z")))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("attributes.failedAt: no version");
        assertThat(one.decide(failed("2026-04-30T08:00:00Z", "2026-03-02T09:00:00Z")).policyVersion())
                .isEqualTo("2026");
    }

    @Test
    void refuses_a_fact_that_is_no_date_of_the_case_with_its_place_and_a_hint() {
        assertThatThrownBy(() -> Policies.parse(version("1", "validFrom: 2026-04-01", "versionBy: attributes.failedOn", 4)))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("versionBy: unknown fact [attributes.failedOn]")
                .hasMessageContaining(":4:")
                .hasMessageContaining("attributes.failedAt");
        assertThatThrownBy(() -> Policies.parse(version("1", "validFrom: 2026-04-01", "versionBy: attributes.paid", 4)))
                .hasMessageContaining("[attributes.paid] is a number, not a date");
        assertThatThrownBy(() -> Policies.parse(version("1", "", "versionBy: attributes.failedAt", 4)))
                .hasMessageContaining("the policy has no validFrom or validUntil");
    }

    @Test
    void versions_must_be_chosen_by_the_same_fact() {
        assertThat(problems(
                version("2025", "validFrom: 2025-04-01\nvalidUntil: 2026-04-01", "versionBy: attributes.failedAt", 30),
                version("2026", "validFrom: 2026-04-01", "", 40)))
                .extracting(Problem::message).anyMatch(m -> m.contains("is chosen by [openedAt] but version [2025] by "
                        + "[attributes.failedAt]"));
    }
}
