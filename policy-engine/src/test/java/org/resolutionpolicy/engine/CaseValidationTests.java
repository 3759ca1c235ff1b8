package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Proposal;

/** A case that does not fit the policy is rejected with every problem named by its field; nothing is guessed. */
class CaseValidationTests {

    static final Policy POLICY = Policies.parse("""
            policy: cases
            version: "1"
            roles: [agent, supervisor]
            attributes: { delayHours: number, store: string, vip: boolean, deliveredAt: date }
            remedies:
              refund: { unit: money }
              discount: { unit: percent }
              free-drink: { unit: count }
              apology: { unit: none }
            authority: { agent: { refund: 50, discount: 10, free-drink: 2, apology: unlimited } }
            """);

    static CustomerCase.Builder valid() {
        return CustomerCase.builder().id("C-7").severity("HIGH").employee("agent");
    }

    static InvalidCaseException rejection(CustomerCase c) {
        try {
            POLICY.decide(c);
        } catch (InvalidCaseException e) {
            return e;
        }
        throw new AssertionError("case was decided, but should have been rejected: " + c);
    }

    @Nested
    @DisplayName("against the policy")
    class AgainstThePolicy {

        @Test
        void reports_every_problem_at_once_naming_each_field() {
            CustomerCase bad = CustomerCase.builder().id("C-9").severity("HIHG").employee("agnet")
                    .attribute("delayHour", 2).attribute("store", 12)
                    .customer(Customer.builder().history(new HistoryEntry("refnd", BigDecimal.ONE, null)).build())
                    .impact(Impact.builder().outOfPocket(-1).build())
                    .propose("refund").propose("discount", 120).propose("free-drink", 1.5).propose("apology", 1)
                    .propose("refund", -5).propose("voucher", 5)
                    .build();

            InvalidCaseException e = rejection(bad);

            assertThat(e.problems()).extracting(CaseProblem::field).containsExactly(
                    "severity", "employee.role", "attributes.delayHour", "attributes.store",
                    "proposals[0].amount", "proposals[1].amount", "proposals[2].amount", "proposals[3].amount",
                    "proposals[4].amount", "proposals[5].remedy",
                    "customer.history[0].remedy", "customer.history[0].at", "impact.outOfPocket");
            assertThat(e.getMessage()).startsWith("invalid case [C-9]: 13 problems")
                    .contains("severity: unknown severity [HIHG] (did you mean [HIGH]?)")
                    .contains("employee.role: unknown role [agnet] (did you mean [agent]?)")
                    .contains("attributes.delayHour: unknown attribute [delayHour]")
                    .contains("(did you mean [delayHours]?)")
                    .contains("attributes.store: must be a string, not [12]")
                    .contains("proposals[0].amount: missing; [refund] is a money remedy and needs an amount")
                    .contains("proposals[1].amount: a percentage must be within 0..100, was [120]")
                    .contains("proposals[2].amount: a count must be a whole number, was [1.5]")
                    .contains("proposals[3].amount: [apology] has unit none and takes no amount, was [1]")
                    .contains("proposals[4].amount: must not be negative, was [-5]")
                    .contains("proposals[5].remedy: unknown remedy [voucher]")
                    .contains("customer.history[0].remedy: unknown remedy [refnd] (did you mean [refund]?)")
                    .contains("customer.history[0].at: missing")
                    .contains("impact.outOfPocket: must not be negative, was [-1]");
        }

        @Test
        void a_missing_severity_or_role_is_named_with_what_is_allowed() {
            InvalidCaseException e = rejection(CustomerCase.builder().propose("apology").build());

            assertThat(e.problems()).containsExactly(
                    new CaseProblem("severity", "missing; expected one of [LOW, MEDIUM, HIGH, CRITICAL]"),
                    new CaseProblem("employee.role", "missing; expected one of [agent, supervisor]"));
        }

        @Test
        void a_count_without_amount_means_one_and_a_date_attribute_accepts_iso_text() {
            CustomerCase c = valid().propose("free-drink").attribute("deliveredAt", "2026-11-01T10:00:00Z").build();

            assertThat(POLICY.decide(c).proposal("free-drink").proposal()).isEqualTo(Proposal.of("free-drink", 1));
        }

        @Test
        void an_attribute_of_the_wrong_type_is_refused_not_converted() {
            assertThat(rejection(valid().attribute("vip", "yes").build()).problems())
                    .containsExactly(new CaseProblem("attributes.vip", "must be a boolean, not the text [\"yes\"]"));
            assertThat(rejection(valid().attribute("vip", "true").build()).problems())
                    .containsExactly(new CaseProblem("attributes.vip",
                            "must be a boolean, not the text [\"true\"]; write true or false without quotes"));
            assertThat(rejection(valid().attribute("delayHours", "2").build()).problems())
                    .containsExactly(new CaseProblem("attributes.delayHours",
                            "must be a number, not the text [\"2\"]; write the number without quotes"));
            assertThat(rejection(valid().attribute("delayHours", "two").build()).problems())
                    .containsExactly(new CaseProblem("attributes.delayHours", "must be a number, not the text [\"two\"]"));
            assertThat(rejection(valid().attribute("deliveredAt", "last week").build()).problems())
                    .containsExactly(new CaseProblem("attributes.deliveredAt", "must be a date-time, not [last week]"));
        }

        @Test
        void a_null_case_is_an_argument_error() {
            assertThatThrownBy(() -> POLICY.decide(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("case must not be null");
        }
    }

    @Nested
    @DisplayName("read from YAML or JSON")
    class Reading {

        @Test
        void reads_every_part_of_the_case_format() {
            CustomerCase c = Cases.parse("""
                    id: C-1042
                    severity: HIGH
                    category: late-order
                    channel: phone
                    openedAt: 2026-11-20T09:30:00Z
                    employee: { id: E-17, role: barista }
                    customer:
                      id: K-7
                      tier: GOLD
                      lifetimeValue: 5400
                      history:
                        - { remedy: voucher, amount: 10, at: 2026-11-02T10:00:00Z }
                    impact: { outOfPocket: 12.50, affectedCustomers: 1, socialReach: 0, legalThreat: false,
                              safetyIssue: true, regulatorInvolved: false }
                    attributes: { delayHours: 1.5, store: "Main St", vip: true }
                    proposals:
                      - { remedy: voucher, amount: 15 }
                      - { remedy: apology }
                    """);

            assertThat(c.openedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
            assertThat(c.customer().history()).containsExactly(
                    new HistoryEntry("voucher", BigDecimal.TEN, Instant.parse("2026-11-02T10:00:00Z")));
            assertThat(c.impact()).isEqualTo(new Impact(new BigDecimal("12.5"), 1L, 0L, false, true, false));
            assertThat(c.attributes()).containsEntry("delayHours", new BigDecimal("1.5"))
                    .containsEntry("store", "Main St").containsEntry("vip", true);
            assertThat(c.proposals()).containsExactly(Proposal.of("voucher", 15), Proposal.of("apology"));
        }

        @Test
        void reads_json_too() {
            CustomerCase c = Cases.parse("{\"severity\": \"LOW\", \"employee\": {\"role\": \"agent\"}, "
                    + "\"proposals\": [{\"remedy\": \"refund\", \"amount\": 12.5}]}");

            assertThat(c.proposals()).containsExactly(Proposal.of("refund", 12.5));
        }

        @Test
        void names_unknown_fields_with_a_hint_and_wrong_types_with_their_path() {
            assertThatThrownBy(() -> Cases.parse("""
                    id: C-3
                    severty: HIGH
                    employee: { role: agent, name: Ann }
                    customer: { lifetimeValue: lots, history: [ { remedy: refund, amount: 5 } ] }
                    impact: { legalThreat: maybe, affectedCustomers: 2.5 }
                    openedAt: yesterday
                    proposals: [ { remedy: refund, amount: ten } ]
                    """))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("severty", "employee.name", "customer.lifetimeValue",
                                    "customer.history[0].at", "impact.legalThreat", "impact.affectedCustomers",
                                    "openedAt", "proposals[0].amount"))
                    .hasMessageContaining("severty: unknown field (did you mean [severity]?)")
                    .hasMessageContaining("openedAt: must be an ISO-8601 date-time");
        }

        @Test
        void an_empty_proposal_list_is_refused_not_read_as_a_latitude_question() {
            assertThatThrownBy(() -> Cases.parse("{\"severity\": \"LOW\", \"employee\": {\"role\": \"agent\"}, \"proposals\": []}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).containsExactly(
                            new CaseProblem("proposals", "empty: leave the field out to ask for latitude")));
        }

        @Test
        void a_case_without_proposals_still_asks_for_latitude() {
            CustomerCase c = Cases.parse("severity: LOW\nemployee: { role: agent }\n");

            assertThat(c.proposals()).isEmpty();
            assertThat(POLICY.decide(c).latitude("refund")).isPresent();
        }

        @Test
        void an_amount_written_as_text_is_called_text() {
            assertThatThrownBy(() -> Cases.parse("{\"severity\": \"LOW\", \"employee\": {\"role\": \"agent\"}, "
                    + "\"proposals\": [{\"remedy\": \"refund\", \"amount\": \"5\"}, {\"remedy\": \"refund\", \"amount\": \"five\"}]}"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).containsExactly(
                            new CaseProblem("proposals[0].amount",
                                    "must be a number, not the text [\"5\"]; write the number without quotes"),
                            new CaseProblem("proposals[1].amount", "must be a number, not the text [\"five\"]")));
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nemployee: { role: agent }\n"
                    + "proposals: [ { remedy: refund, amount: '12.5' }, { remedy: refund, amount: ten } ]\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).containsExactly(
                            new CaseProblem("proposals[0].amount",
                                    "must be a number, not the text [\"12.5\"]; write the number without quotes"),
                            new CaseProblem("proposals[1].amount", "must be a number, not the text [ten]")));
        }

        @Test
        void reports_broken_yaml_with_its_place() {
            assertThatThrownBy(() -> Cases.parse("id: C-1\nproposals: [ { remedy: refund\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:2:14: error: invalid YAML")
                    .hasMessageContaining("the '{' opened here is not closed");
        }

        @Test
        void names_a_control_character_by_code_point_line_and_column() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nid: \"C-\u00071\"\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:2:8: error: invalid YAML: control character [U+0007] is not allowed");
        }

        @Test
        void refuses_duplicate_keys() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nseverity: HIGH\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("severity: duplicate key (line 2)");
        }
    }

    @Nested
    @DisplayName("each problem alone, named by its field")
    class OneProblemEach {

        @Test
        void a_percentage_of_exactly_100_and_a_money_amount_of_0_are_fine() {
            assertThat(POLICY.decide(valid().propose("discount", 100).propose("refund", 0).build()).proposals())
                    .hasSize(2);
        }

        @Test
        void a_negative_count_is_refused() {
            assertThat(rejection(valid().propose("free-drink", -1).build()).problems())
                    .containsExactly(new CaseProblem("proposals[0].amount", "must not be negative, was [-1]"));
        }

        @Test
        void a_missing_role_alone_is_named() {
            assertThat(rejection(CustomerCase.builder().severity("LOW").propose("apology").build()).problems())
                    .extracting(CaseProblem::field).containsExactly("employee.role");
        }

        @Test
        void negative_impact_counts_and_history_amounts_are_refused() {
            CustomerCase c = valid()
                    .impact(Impact.builder().affectedCustomers(-2).socialReach(-1).build())
                    .customer(Customer.builder().history("refund", -5, Instant.parse("2026-11-01T00:00:00Z")).build())
                    .build();

            assertThat(rejection(c).problems()).extracting(CaseProblem::field).containsExactly(
                    "customer.history[0].amount", "impact.affectedCustomers", "impact.socialReach");
        }

        @Test
        void an_unknown_attribute_lists_what_the_policy_declares() {
            assertThat(rejection(valid().attribute("colour", "red").build()).problems()).singleElement()
                    .satisfies(p -> {
                        assertThat(p.field()).isEqualTo("attributes.colour");
                        assertThat(p.message()).startsWith("unknown attribute [colour]; the policy declares "
                                + "[delayHours, store, vip, deliveredAt]");
                    });
        }

        @Test
        void an_invalid_case_is_never_decided_even_partly() {
            CustomerCase half = valid().propose("refund", 10).propose("refund", -10).build();

            assertThatThrownBy(() -> POLICY.decide(half)).isInstanceOf(InvalidCaseException.class)
                    .hasMessageStartingWith("invalid case [C-7]: 1 problem");
        }

        @Test
        void a_case_at_the_edge_of_time_is_rejected_or_decided_but_never_crashes() {
            // Policy.decide: throws "InvalidCaseException if the case does not fit this policy"; nothing else
            Policy windowed = Policies.parse("""
                    policy: windowed
                    version: "1"
                    roles: [agent, supervisor]
                    remedies: { voucher: { unit: money } }
                    authority: { agent: { voucher: { perGrant: 20, perCustomer: { max: 40, window: P1Y } } }, supervisor: { voucher: 100 } }
                    """);
            String ancient = """
                    severity: LOW
                    openedAt: -999999999-06-01T00:00:00Z
                    employee: { role: agent }
                    proposals: [ { remedy: voucher, amount: 5 } ]
                    """;

            // since issue 19 the case is rejected when read: its date is outside the supported dates
            Throwable thrown = catchThrowable(() -> windowed.decide(Cases.parse(ancient)));

            assertThat(thrown).as("decide threw %s", thrown).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(InvalidCaseException.class).hasMessageContaining("openedAt"));
        }
    }

    @Nested
    @DisplayName("never guessed")
    class NeverGuessed {

        @Test
        void a_yes_for_a_flag_is_refused_or_read_as_true_never_as_false() {
            // PRODUCT: "a clear error for a bad case, never a guess"; SnakeYAML tags yes/on/off as booleans
            CustomerCase c;
            try {
                c = Cases.parse("severity: LOW\nemployee: { role: agent }\nimpact: { legalThreat: yes }\n");
            } catch (InvalidCaseException e) {
                assertThat(e.problems()).extracting(CaseProblem::field).containsExactly("impact.legalThreat");
                return;
            }
            assertThat(c.impact().legalThreat()).isTrue();
        }

        @Test
        void an_on_for_a_boolean_attribute_is_refused_or_read_as_true_never_as_false() {
            CustomerCase c;
            try {
                c = Cases.parse("severity: LOW\nemployee: { role: agent }\nattributes: { vip: on }\n");
                POLICY.decide(c);
            } catch (InvalidCaseException e) {
                assertThat(e.problems()).extracting(CaseProblem::field).containsExactly("attributes.vip");
                return;
            }
            assertThat(c.attributes()).containsEntry("vip", true);
        }

        @Test
        void a_bool_tag_on_a_value_that_is_no_boolean_is_refused_for_an_attribute_and_an_impact_flag() {
            // issue 19: `!!bool "maybe"` was read as false, ALONE instead of ESCALATE
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nemployee: { role: agent }\n"
                    + "attributes: { vip: !!bool \"maybe\" }\nimpact: { legalThreat: !!bool \"maybe\" }\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).containsExactly(
                            new CaseProblem("attributes.vip", "must be true or false, not [maybe]"),
                            new CaseProblem("impact.legalThreat", "must be true or false, not [maybe]")));
        }

        @Test
        void a_bool_tag_on_no_and_off_reads_false() {
            CustomerCase c = Cases.parse("severity: LOW\nemployee: { role: agent }\n"
                    + "attributes: { vip: !!bool \"off\" }\nimpact: { legalThreat: !!bool \"No\" }\n");

            assertThat(c.attributes()).containsEntry("vip", false);
            assertThat(c.impact().legalThreat()).isFalse();
        }

        @Test
        void a_proposal_with_an_empty_remedy_is_refused_not_dropped() {
            // POLICY-FORMAT: proposals name a remedy; PRODUCT: a bad case gets a clear error, never a guess
            assertThatThrownBy(() -> Cases.parse("""
                    severity: LOW
                    employee: { role: agent }
                    proposals: [ { remedy: ~, amount: 5 } ]
                    """))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("proposals[0].remedy"));
        }

        @Test
        void a_proposal_without_a_remedy_key_is_refused() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nproposals: [ { amount: 5 } ]\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("proposals[0].remedy: missing");
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void an_amount_with_a_huge_exponent_is_read_quickly_or_refused() {
            // QUALITY: malformed cases may only be decided or rejected with a PolicyException; no hang
            try {
                CustomerCase c = Cases.parse("severity: LOW\nemployee: { role: agent }\n"
                        + "proposals: [ { remedy: refund, amount: 1e999999 } ]\n");
                assertThat(POLICY.decide(c).proposal("refund").outcome()).isEqualTo(Outcome.denied());
            } catch (InvalidCaseException e) {
                assertThat(e.problems()).extracting(CaseProblem::field).containsExactly("proposals[0].amount");
            }
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void a_tiny_negative_amount_is_refused_without_printing_a_billion_digits() {
            // refused when the case is read: an exponent that large is no amount at all
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nemployee: { role: agent }\n"
                    + "proposals: [ { remedy: refund, amount: -1e-999999999 } ]\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("proposals[0].amount"))
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
        }
    }

    @Nested
    @DisplayName("read from YAML: shape errors")
    class ShapeErrors {

        @Test
        void a_nested_unknown_field_is_named_with_its_path_and_a_hint() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\ncustomer: { teir: GOLD }\nimpact: { outOfPockt: 3 }\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("customer.teir: unknown field (did you mean [tier]?)")
                    .hasMessageContaining("impact.outOfPockt: unknown field (did you mean [outOfPocket]?)");
        }

        @Test
        void lists_and_maps_in_the_wrong_place_are_named() {
            assertThatThrownBy(() -> Cases.parse("severity: [LOW]\nproposals: { remedy: refund }\nattributes: { store: [a] }\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems()).extracting(CaseProblem::field)
                            .containsExactly("severity", "proposals", "attributes.store"));
        }

        @Test
        void a_history_entry_without_at_is_named_when_read() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\ncustomer: { history: [ { remedy: voucher, amount: 5 } ] }\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems())
                            .containsExactly(new CaseProblem("customer.history[0].at",
                                    "missing; history entries need the date they were granted")));
        }

        @Test
        void a_date_that_does_not_exist_is_refused() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nopenedAt: 2026-02-30T10:00:00Z\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("openedAt: must be an ISO-8601 date-time");
        }

        @Test
        void an_empty_text_is_refused() {
            assertThatThrownBy(() -> Cases.parse(""))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("file is empty");
        }

        @Test
        void a_yaml_syntax_error_names_its_line() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nemployee: { role: agent\nproposals: []\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:2:11:");
        }
    }
}
