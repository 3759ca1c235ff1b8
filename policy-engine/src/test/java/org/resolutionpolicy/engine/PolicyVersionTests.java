package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
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

/** Validity in time: versions of one policy decide the cases opened while each is in force; rules may expire. */
class PolicyVersionTests {

    static String version(String version, String validity, int agentLimit) {
        return """
                policy: uprated
                version: "%s"
                %s
                roles: [agent, supervisor]
                remedies: { compensation: { unit: money } }
                authority: { agent: { compensation: %d }, supervisor: { compensation: 1000 } }
                """.formatted(version, validity, agentLimit);
    }

    static final String RULES = """
            rules:
              - id: no-compensation-for-tests
                when: { category: test }
                deny: true
                because: Test cases get nothing
            """;

    static Policy versions(String... headers) {
        List<PolicySource> sources = new java.util.ArrayList<>();
        for (int i = 0; i < headers.length; i++) {
            sources.add(PolicySource.of("v" + (i + 1) + ".yaml", headers[i]));
        }
        sources.add(PolicySource.of("rules.yaml", RULES));
        return Policies.compile(sources);
    }

    static CustomerCase opened(String at, double amount) {
        return CustomerCase.builder().id("C-1").severity("LOW").employee("agent").openedAt(Instant.parse(at))
                .propose("compensation", amount).build();
    }

    static List<Problem> problems(String... headers) {
        try {
            versions(headers);
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("loaded, but should not have");
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {
        final Policy policy = versions(version("2025", "validFrom: 2025-04-01\nvalidUntil: 2026-04-01", 30),
                version("2026", "validFrom: 2026-04-01", 40));

        @Test
        void decides_each_case_by_the_version_in_force_at_its_opened_at() {
            Decision before = policy.decide(opened("2026-03-31T23:59:59Z", 35));
            Decision after = policy.decide(opened("2026-04-01T00:00:00Z", 35));

            assertThat(before.policyVersion()).isEqualTo("2025");
            assertThat(before.proposal("compensation").outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(after.policyVersion()).isEqualTo("2026");
            assertThat(after.proposal("compensation").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void shares_the_rule_files_between_versions_and_names_them_all() {
            assertThat(policy.id()).isEqualTo("uprated");
            assertThat(policy.version()).isEqualTo("2025+2026");
            assertThat(policy.revision()).startsWith("2025+2026@");
            assertThat(policy.decide(CustomerCase.builder().severity("LOW").employee("agent").category("test")
                    .openedAt(Instant.parse("2025-06-01T00:00:00Z")).propose("compensation", 1).build())
                    .proposal("compensation").kind()).isEqualTo(Outcome.Kind.DENIED);
            assertThat(policy.explain(opened("2025-06-01T00:00:00Z", 1)).decision().policyVersion()).isEqualTo("2025");
        }

        @Test
        void refuses_a_case_that_no_version_covers() {
            assertThatThrownBy(() -> policy.decide(opened("2025-01-01T00:00:00Z", 1)))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("no version of policy [uprated] is in force at [2025-01-01]")
                    .hasMessageContaining("[2025] from 2025-04-01 until 2026-04-01, [2026] from 2026-04-01");
        }

        @Test
        void describes_its_authority_by_the_version_in_force_now_or_the_latest() {
            // the clock is the system's: the 2026 version is in force from 2026-04-01 on, and is the latest
            assertThat(policy.authority().remedy("compensation").orElseThrow().role("agent").perGrant())
                    .isEqualTo(org.resolutionpolicy.api.Limit.of(40));
            Policy expired = versions(version("2000", "validFrom: 2000-04-01\nvalidUntil: 2001-04-01", 20),
                    version("2001", "validFrom: 2001-04-01\nvalidUntil: 2002-04-01", 25));
            assertThat(expired.authority().remedy("compensation").orElseThrow().role("agent").perGrant())
                    .isEqualTo(org.resolutionpolicy.api.Limit.of(25));
        }

        @Test
        void a_single_version_refuses_cases_outside_its_validity_too() {
            Policy one = Policies.parse(version("2026", "validFrom: 2026-04-01", 40));

            assertThat(one.decide(opened("2026-05-01T00:00:00Z", 1)).policyVersion()).isEqualTo("2026");
            assertThatThrownBy(() -> one.decide(opened("2026-03-01T00:00:00Z", 1)))
                    .isInstanceOf(InvalidCaseException.class);
        }
    }

    @Nested
    @DisplayName("a rule's validity")
    class RuleValidity {
        @Test
        void a_rule_applies_only_while_it_is_in_force_and_explain_says_why_not() {
            Policy policy = Policies.parse(version("1", "", 40) + """
                    rules:
                      - id: winter-promo
                        validFrom: 2026-12-01
                        validUntil: 2027-01-01
                        remedies: [compensation]
                        grant: { role: agent, upTo: 100 }
                        because: Winter promotion
                    """);

            assertThat(policy.decide(opened("2026-12-15T10:00:00Z", 90)).proposal("compensation").outcome())
                    .isEqualTo(Outcome.alone());
            assertThat(policy.decide(opened("2027-01-01T00:00:00Z", 90)).proposal("compensation").outcome())
                    .isEqualTo(Outcome.escalate("supervisor"));
            assertThat(policy.explain(opened("2027-01-01T00:00:00Z", 90)).proposals().get(0).rules().toString())
                    .contains("valid from 2026-12-01 until 2027-01-01");
        }
    }

    @Nested
    @DisplayName("validate")
    class Validate {
        @Test
        void reports_overlapping_versions_at_the_later_validity() {
            List<Problem> problems = problems(version("2025", "validFrom: 2025-04-01\nvalidUntil: 2026-05-01", 30),
                    version("2026", "validFrom: 2026-04-01", 40));

            assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
                assertThat(p.message()).isEqualTo("version [2026] (from 2026-04-01) overlaps version [2025] "
                        + "(from 2025-04-01 until 2026-05-01) of policy [uprated]");
                assertThat(p.source()).isEqualTo("v2.yaml");
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.column()).isEqualTo(12);
                assertThat(p.hint()).contains("validUntil");
            });
        }

        @Test
        void warns_of_a_gap_between_versions() {
            Policy policy = versions(version("2025", "validFrom: 2025-04-01\nvalidUntil: 2026-03-01", 30),
                    version("2026", "validFrom: 2026-04-01", 40));

            assertThat(policy.warnings()).anySatisfy(p -> {
                assertThat(p.message()).isEqualTo("a gap between versions of policy [uprated]: cases opened from "
                        + "[2026-03-01] until [2026-04-01] are in no version");
                assertThat(p.source()).isEqualTo("v2.yaml");
            });
        }

        @Test
        void refuses_versions_without_validity_and_versions_of_two_policies() {
            assertThat(problems(version("a", "", 30), version("b", "validFrom: 2026-04-01", 40)))
                    .filteredOn(Problem::isError).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("version [a] of policy [uprated] does not say when"));
            assertThat(problems(version("a", "validUntil: 2026-04-01", 30),
                    version("b", "validFrom: 2026-04-01", 40).replace("policy: uprated", "policy: other")))
                    .filteredOn(Problem::isError).singleElement()
                    .satisfies(p -> {
                        // two ids are two policies, said as every load says it (the registry loads several)
                        assertThat(p.message()).startsWith("a second policy header: [").endsWith("] already declares the policy");
                        assertThat(p.hint()).contains("Policies.registry(directory)", "versions of one policy share its id");
                    });
        }

        @Test
        void refuses_a_validity_that_ends_before_it_starts() {
            List<Problem> problems = problems(version("a", "validFrom: 2026-04-01\nvalidUntil: 2026-04-01", 30),
                    version("b", "validFrom: 2027-04-01", 40));

            assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("validUntil of the policy [2026-04-01] is not after its validFrom");
                assertThat(p.line()).isEqualTo(4);
            });
        }
    }
}
