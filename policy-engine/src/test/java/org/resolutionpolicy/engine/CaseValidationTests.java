package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
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
                    .containsExactly(new CaseProblem("attributes.vip", "must be a boolean, not [yes]"));
            assertThat(rejection(valid().attribute("delayHours", "2").build()).problems())
                    .containsExactly(new CaseProblem("attributes.delayHours", "must be a number, not [2]"));
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
        void reports_broken_yaml_with_its_place() {
            assertThatThrownBy(() -> Cases.parse("id: C-1\nproposals: [ { remedy: refund\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("<string>:3:1: error: invalid YAML");
        }

        @Test
        void refuses_duplicate_keys() {
            assertThatThrownBy(() -> Cases.parse("severity: LOW\nseverity: HIGH\n"))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("severity: duplicate key (line 2)");
        }
    }
}
