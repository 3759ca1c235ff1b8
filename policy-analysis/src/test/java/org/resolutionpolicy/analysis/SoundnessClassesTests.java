package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * The classes of false proof issue 29 found, each with a policy built to probe it: the analysis now proves only what
 * the engine decides, and every case it shows is decided by the engine as it says.
 */
class SoundnessClassesTests {

    static Guarantee guarantee(Map<String, Object> when, boolean always, Outcome.Kind... kinds) {
        return new Guarantee("g", "test", when, new Guarantee.Expectation(always, Set.of(kinds), null));
    }

    /** Class 1: a dual approval is modelled with every sign-off, so a co-signer is neither unreachable nor ignored. */
    @Nested
    class DualApproval {

        static final String POLICY = """
                policy: dual
                version: "1"
                roles: [agent, manager, finance, director]
                remedies:
                  goodwill: { unit: money }
                authority:
                  agent: { goodwill: 100 }
                  manager: { goodwill: 1000 }
                  director: { goodwill: unlimited }
                rules:
                  - id: large-goodwill
                    when: { amount: { above: 500 } }
                    remedies: [goodwill]
                    require: %s
                    because: Goodwill above 500 is signed off by a director and by finance
                """;

        final Policy dual = Policies.parse(POLICY.formatted("[director, finance]"));

        @Test
        void a_director_settling_large_goodwill_alone_is_refuted_by_a_case_the_engine_escalates_to_finance() {
            GuaranteeResult r = Analysis.of(dual).prove(List.of(guarantee(Map.of("employee.role", "director",
                    "remedy", "goodwill"), true, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            Outcome o = dual.decide(Cases.parse(r.counterexampleJson())).proposals().get(0).outcome();
            assertThat(o.kind()).isEqualTo(Outcome.Kind.ESCALATE);
            assertThat(o.approver()).isEqualTo("finance");
        }

        @Test
        void a_dual_approval_always_escalates_is_proven() {
            GuaranteeResult r = Analysis.of(dual).prove(List.of(guarantee(Map.of("remedy", "goodwill",
                    "amount", Map.of("above", 500)), true, Outcome.Kind.ESCALATE))).get(0);

            assertThat(r.status()).isEqualTo(GuaranteeResult.Status.PROVEN);
        }

        @Test
        void a_role_that_only_co_signs_is_not_unreachable_and_nothing_is_an_internal_error() {
            Report report = Analysis.of(dual).findings();

            assertThat(report.of(Finding.Kind.UNREACHABLE_ROLE)).extracting(Finding::subject).doesNotContain("finance");
            assertThat(report.hasInternalErrors()).isFalse();
        }

        @Test
        void adding_a_co_signer_is_a_stricter_change_with_a_case_the_engines_confirm() {
            Analysis single = Analysis.of(Policies.parse(POLICY.formatted("director")));

            ChangeProof proof = Analysis.of(dual).against(single);

            ChangeProof.Change agent = proof.changes().stream().filter(c -> c.role().equals("agent")).findFirst()
                    .orElseThrow();
            assertThat(agent.verdict()).isEqualTo(ChangeProof.Verdict.ONLY_STRICTER);
            assertThat(agent.detail()).contains("ESCALATE to director and finance");
        }
    }

    /** Class 6: text tests are searched over one text for every way they can answer together. */
    @Nested
    class TextHelpers {

        static final String POLICY = """
                policy: channels
                version: "1"
                roles: [agent, manager]
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: 50 }
                  manager: { refund: unlimited }
                rules:
                  - id: web-apps
                    when: "category.startsWith('web') && category.endsWith('app') && !category.contains('mobile')"
                    deny: true
                    because: Refunds of web apps go through the store
                  - id: mobile
                    when: "category.contains('mobile')"
                    require: manager
                    because: Mobile refunds are checked
                """;

        final Policy policy = Policies.parse(POLICY);

        @Test
        void a_rule_that_matches_a_web_app_is_not_reported_never_matching() {
            Report report = Analysis.of(policy).findings();

            assertThat(report.of(Finding.Kind.NEVER_MATCHES)).isEmpty();
            assertThat(report.hasInternalErrors()).isFalse();
        }

        @Test
        void a_guarantee_the_web_app_rule_breaks_is_violated_by_a_case_the_engine_denies() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("remedy", "refund"), false,
                    Outcome.Kind.DENIED))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            assertThat(policy.decide(Cases.parse(r.counterexampleJson())).proposals().get(0).outcome().kind())
                    .isEqualTo(Outcome.Kind.DENIED);
        }

        @Test
        void every_answer_of_the_text_tests_has_a_text() {
            List<String> texts = org.resolutionpolicy.analysis.internal.TextProbe.texts(Set.of("web"), Set.of("app"),
                    Set.of("mobile", "-"));

            assertThat(texts).anyMatch(t -> t.startsWith("web") && t.endsWith("app") && !t.contains("mobile")
                    && !t.contains("-"));
            assertThat(texts).anyMatch(t -> t.startsWith("web") && t.endsWith("app") && !t.contains("mobile")
                    && t.contains("-"));
            assertThat(texts).anyMatch(t -> !t.startsWith("web") && !t.endsWith("app") && t.contains("mobile")
                    && !t.contains("-"));
            // 2^4 answers, all possible for these four texts
            assertThat(texts.stream().map(t -> List.of(t.startsWith("web"), t.endsWith("app"), t.contains("mobile"),
                    t.contains("-"))).distinct()).hasSize(16);
        }
    }

    /** Class 8: a case may hold several proposals of one remedy, which count together. */
    @Nested
    class SeveralProposals {

        static final String POLICY = """
                policy: split
                version: "1"
                roles: [agent, supervisor]
                remedies:
                  refund: { unit: money }
                  credit: { unit: money }
                authority:
                  agent: { refund: 50, credit: { perGrant: 100, perCustomer: { count: 2, window: P30D } } }
                  supervisor: { refund: unlimited, credit: unlimited }
                """;

        final Policy policy = Policies.parse(POLICY);

        @Test
        void refunds_of_at_most_fifty_are_not_proven_alone_since_two_in_one_case_are_eighty() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "agent",
                    "remedy", "refund", "amount", Map.of("atMost", 50)), true, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            var c = Cases.parse(r.counterexampleJson());
            assertThat(c.proposals()).hasSizeGreaterThan(1);
            assertThat(policy.decide(c).proposals().get(c.proposals().size() - 1).outcome().kind())
                    .isEqualTo(Outcome.Kind.ESCALATE);
        }

        @Test
        void what_holds_however_a_case_is_split_is_still_proven() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "supervisor",
                    "remedy", "refund"), true, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).isEqualTo(GuaranteeResult.Status.PROVEN);
            assertThat(r.detail()).contains("earlier proposals");
        }
    }

    /** Class 9: every dated version is analysed over the cases it decides, not only the one in force now. */
    @Nested
    class Versions {

        static final String VERSION = """
                policy: compensation
                version: "%s"
                validFrom: %s
                %s
                roles: [agent, supervisor]
                remedies:
                  compensation: { unit: money }
                authority:
                  agent: { compensation: %s }
                  supervisor: { compensation: unlimited }
                """;

        static Policy policy(String oldLimit) {
            return Policies.compile(List.of(
                    org.resolutionpolicy.api.PolicySource.of("2020.yaml",
                            VERSION.formatted("2020", "2020-01-01", "validUntil: 2026-01-01", oldLimit)),
                    org.resolutionpolicy.api.PolicySource.of("2026.yaml",
                            VERSION.formatted("2026", "2026-01-01", "", "40"))));
        }

        final Policy policy = policy("60");

        @Test
        void a_guarantee_the_current_version_keeps_and_an_earlier_one_breaks_is_violated_in_that_version() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "agent",
                    "remedy", "compensation", "amount", Map.of("above", 50)), false, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            assertThat(r.detail()).contains("version 2020");
            var c = Cases.parse(r.counterexampleJson());
            assertThat(c.openedAt()).isBefore(java.time.Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(policy.decide(c).proposals().get(0).outcome().kind()).isEqualTo(Outcome.Kind.ALONE);
        }

        @Test
        void a_counterexample_of_the_version_in_force_now_is_dated_so_that_it_still_decides_so_next_year() {
            // the 2020 version keeps the guarantee (agents alone up to 20), the 2026 one breaks it (up to 40)
            Policy policy = policy("20");
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "agent",
                    "remedy", "compensation", "amount", Map.of("above", 30)), false, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            assertThat(r.detail()).contains("version 2026");
            var c = Cases.parse(r.counterexampleJson());
            // undated, it would be decided by whichever version is in force on the day it is run again
            assertThat(c.openedAt()).as(r.counterexampleJson()).isNotNull();
            assertThat(policy.decide(c).proposals().get(0).outcome().kind()).isEqualTo(Outcome.Kind.ALONE);
        }

        @Test
        void a_guarantee_every_version_keeps_is_proven_naming_them() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "agent",
                    "remedy", "compensation", "amount", Map.of("above", 60)), false, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).isEqualTo(GuaranteeResult.Status.PROVEN);
            assertThat(r.detail()).contains("version 2020", "version 2026");
        }

        @Test
        void an_edit_of_the_earlier_version_is_a_change_in_its_period_only() {
            ChangeProof proof = Analysis.of(policy("70")).against(Analysis.of(policy));

            assertThat(proof.differences()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.period()).isEqualTo("from 2020-01-01 until 2026-01-01");
                assertThat(c.verdict()).isEqualTo(ChangeProof.Verdict.ONLY_LOOSER);
            });
        }

        @Test
        void findings_name_the_version_they_are_about() {
            Report report = Analysis.of(policy).findings();

            assertThat(report.version()).isEqualTo("2020, 2026");
            assertThat(report.hasInternalErrors()).isFalse();
        }
    }

    /** Class 2: every date a case may hold is searched, not only 2000 to 2100. */
    @Nested
    class Dates {

        final Policy policy = Policies.parse("""
                policy: seniors
                version: "1"
                roles: [agent, supervisor]
                attributes: { birthDate: date }
                remedies:
                  voucher: { unit: money }
                authority:
                  agent: { voucher: 20 }
                  supervisor: { voucher: unlimited }
                rules:
                  - id: born-before-1960
                    when: { attributes.birthDate: { below: 1960-01-01 } }
                    remedies: [voucher]
                    grant: { role: agent, upTo: 50 }
                    because: Seniors get more
                """);

        @Test
        void a_grant_for_customers_born_before_1960_matches_and_breaks_a_guarantee_the_engine_confirms() {
            assertThat(Analysis.of(policy).findings().of(Finding.Kind.NEVER_MATCHES)).isEmpty();
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "agent",
                    "amount", Map.of("above", 20)), false, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            assertThat(policy.decide(Cases.parse(r.counterexampleJson())).proposals().get(0).outcome().kind())
                    .isEqualTo(Outcome.Kind.ALONE);
        }
    }

    /** Class 3: every number a case may hold is searched, up to 18 digits, not only up to a billion. */
    @Nested
    class LargeNumbers {

        final Policy policy = Policies.parse("""
                policy: big
                version: "1"
                roles: [agent, manager, director]
                remedies:
                  credit: { unit: money }
                authority:
                  agent: { credit: 1000000000 }
                  manager: { credit: 10000000000000 }
                  director: { credit: unlimited }
                rules:
                  - id: huge
                    when: { amount: { above: 50000000000000 } }
                    remedies: [credit]
                    deny: true
                    because: Beyond what the bank may credit
                """);

        @Test
        void limits_in_the_trillions_reach_their_roles_and_a_deny_above_them_matches() {
            Report report = Analysis.of(policy).findings();

            assertThat(report.of(Finding.Kind.NEVER_MATCHES)).isEmpty();
            assertThat(report.of(Finding.Kind.UNREACHABLE_ROLE)).isEmpty();
        }

        @Test
        void a_guarantee_a_credit_of_sixty_trillion_breaks_is_violated() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("remedy", "credit"), false,
                    Outcome.Kind.DENIED))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            assertThat(policy.decide(Cases.parse(r.counterexampleJson())).proposals().get(0).outcome().kind())
                    .isEqualTo(Outcome.Kind.DENIED);
        }
    }

    /** Class 5: a window may hold any number of earlier grants, not at most 60. */
    @Nested
    class ManyGrants {

        final Policy policy = Policies.parse("""
                policy: drinks
                version: "1"
                roles: [barista, manager]
                remedies:
                  drink: { unit: count }
                authority:
                  barista: { drink: { perGrant: 1, perCustomer: { count: 100, window: P1Y } } }
                  manager: { drink: unlimited }
                """);

        @Test
        void a_yearly_cap_of_a_hundred_drinks_escalates_the_hundred_and_first() {
            GuaranteeResult r = Analysis.of(policy).prove(List.of(guarantee(Map.of("employee.role", "barista",
                    "amount", Map.of("atMost", 1)), true, Outcome.Kind.ALONE))).get(0);

            assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.VIOLATED);
            assertThat(policy.decide(Cases.parse(r.counterexampleJson())).proposals()).last()
                    .satisfies(d -> assertThat(d.outcome().kind()).isEqualTo(Outcome.Kind.ESCALATE));
        }
    }

    /** Item 4 of issue 29: a rule written twice is one duplicate, not two masked rules. */
    @Nested
    class Duplicates {

        @Test
        void a_rule_written_twice_is_reported_once_as_a_duplicate_of_the_first() {
            Policy policy = Policies.parse("""
                    policy: twice
                    version: "1"
                    roles: [agent, manager]
                    remedies:
                      refund: { unit: money }
                    authority:
                      agent: { refund: 500 }
                      manager: { refund: unlimited }
                    rules:
                      - id: big-refunds
                        when: { amount: { above: 100 } }
                        require: manager
                        because: Big refunds are checked
                      - id: large-refunds
                        when: "amount > 100"
                        require: manager
                        because: Large refunds are checked
                    """);

            Report report = Analysis.of(policy).findings();

            assertThat(report.findings()).extracting(Finding::kind, Finding::subject)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.DUPLICATE, "large-refunds"));
            assertThat(report.findings().get(0).message()).contains("duplicates rule [big-refunds]");
        }
    }
}
