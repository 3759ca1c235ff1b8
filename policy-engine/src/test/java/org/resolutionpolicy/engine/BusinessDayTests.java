package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;

/** Date differences, min/max and business days on a policy's calendar, in conditions, amounts, windows and follow-ups. */
class BusinessDayTests {

    static final String HEADER = """
            policy: outages
            version: "1"
            roles: [agent, supervisor]
            calendar:
              weekdays: [MON, TUE, WED, THU, FRI]
              holidays: [2026-12-25, 2026-12-28]
            attributes: { reportedAt: date, restoredAt: date }
            remedies:
              credit: { unit: money }
              voucher: { unit: money }
            authority:
              agent: { voucher: { perGrant: 10, perCustomer: { count: 1, window: P5BD } } }
              supervisor: { credit: 1000, voucher: 100 }
            rules:
            """;

    static Policy withRules(String rules) {
        return Policies.parse(HEADER + rules.indent(2));
    }

    /** Thursday 24 December 2026, the day before two holidays and a weekend. */
    static final Instant THURSDAY = Instant.parse("2026-12-24T10:00:00Z");

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().id("C-1").severity("LOW").employee("agent").openedAt(THURSDAY);
    }

    @Nested
    @DisplayName("date differences")
    class Differences {
        final Policy policy = withRules("""
                - id: long-outage
                  when: "hoursBetween(attributes.reportedAt, attributes.restoredAt) > 48"
                  remedies: [credit]
                  require: supervisor
                  because: Outages over two days are reviewed
                - id: per-business-day
                  remedies: [credit]
                  entitled: "9.76 * max(businessDaysBetween(attributes.reportedAt, attributes.restoredAt) - 2, 0)"
                  because: 9.76 for each business day after the first two
                """);

        @Test
        void compares_hours_between_two_dates_in_a_condition() {
            ProposalDecision d = policy.decide(aCase().attribute("reportedAt", "2026-12-21T09:00:00Z")
                    .attribute("restoredAt", "2026-12-23T09:30:00Z").propose("credit", 1).build()).proposal("credit");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(d.ruleIds()).contains("long-outage");
        }

        @Test
        void counts_business_days_over_the_calendar_holidays_and_weekend_exactly() {
            // after Wed 23 Dec up to Tue 29 Dec: Thu 24, Tue 29 (25 and 28 are holidays, 26-27 the weekend)
            ProposalDecision d = policy.decide(aCase().attribute("reportedAt", "2026-12-23T08:00:00Z")
                    .attribute("restoredAt", "2026-12-31T08:00:00Z").propose("credit", 19.52).build()).proposal("credit");

            assertThat(d.entitlement().amount()).isEqualByComparingTo(new BigDecimal("19.52"));
            assertThat(d.entitlement().working()).isEqualTo("9.76 * max(businessDaysBetween(attributes.reportedAt, "
                    + "attributes.restoredAt) - 2, 0) = 9.76 * max(businessDaysBetween(2026-12-23T08:00:00Z, "
                    + "2026-12-31T08:00:00Z) - 2, 0) = 19.52");
        }

        @Test
        void a_comparison_on_an_absent_date_is_false_and_an_entitlement_that_needs_it_names_it() {
            org.resolutionpolicy.api.CustomerCase c = aCase().attribute("reportedAt", "2026-12-21T09:00:00Z")
                    .propose("credit", 0).build();
            Policy defaulted = withRules("""
                    - id: long-outage
                      when: "hoursBetween(attributes.reportedAt, attributes.restoredAt) > 48"
                      remedies: [credit]
                      require: supervisor
                      because: Outages over two days are reviewed
                    - id: per-business-day
                      remedies: [credit]
                      entitled: "attributes.restoredAt == null ? 0 : 9.76 * max(businessDaysBetween(attributes.reportedAt, attributes.restoredAt) - 2, 0)"
                      because: 9.76 for each business day after the first two
                    """);

            // issue 33: an entitlement that needs a fact the case lacks is a missing fact, not "not stated"
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.decide(c))
                    .isInstanceOf(org.resolutionpolicy.api.InvalidCaseException.class)
                    .hasMessageContaining("attributes.restoredAt: missing: the entitlement [9.76 * max(");
            ProposalDecision d = defaulted.decide(c).proposal("credit");
            assertThat(d.ruleIds()).doesNotContain("long-outage");
            assertThat(d.entitlement().amount()).isEqualByComparingTo("0");
        }
    }

    @Nested
    @DisplayName("P7BD periods")
    class Periods {

        @Test
        void a_follow_up_within_business_days_gives_its_deadline_on_the_calendar() {
            Policy policy = withRules("""
                    - id: bill-credit
                      followUp: { action: credit-next-bill, within: P2BD }
                      because: The credit appears on the bill within two business days
                    """);
            FollowUp f = policy.decide(aCase().propose("voucher", 5).build()).followUps().get(0);

            assertThat(f.within()).isInstanceOf(BusinessDays.class).hasToString("P2BD");
            assertThat(ZonedDateTime.ofInstant(THURSDAY, ZoneOffset.UTC).plus(f.within()).toInstant())
                    .isEqualTo(Instant.parse("2026-12-30T10:00:00Z"));
            assertThat(((BusinessDays) f.within()).weekdays()).doesNotContain(DayOfWeek.SATURDAY);
        }

        @Test
        void a_window_of_business_days_reaches_back_over_holidays_and_weekends() {
            Policy policy = withRules("""
                    - id: none
                      followUp: { action: note }
                      because: x
                    """);
            // five business days before Thu 24 Dec: Thu 17 (exclusive start); a grant on Fri 18 counts
            CustomerCase inside = aCase().customer(Customer.builder().history(
                    new HistoryEntry("voucher", new BigDecimal("5"), Instant.parse("2026-12-18T10:00:00Z"))).build())
                    .propose("voucher", 5).build();
            CustomerCase outside = aCase().customer(Customer.builder().history(
                    new HistoryEntry("voucher", new BigDecimal("5"), Instant.parse("2026-12-17T09:00:00Z"))).build())
                    .propose("voucher", 5).build();

            assertThat(policy.decide(inside).proposal("voucher").outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(policy.decide(outside).proposal("voucher").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void history_helpers_take_business_days_too() {
            Policy policy = withRules("""
                    - id: again
                      when: "history.count('voucher', 'P5BD') >= 1"
                      remedies: [credit]
                      require: supervisor
                      because: x
                    """);
            CustomerCase c = aCase().customer(Customer.builder().history(
                    new HistoryEntry("voucher", new BigDecimal("5"), Instant.parse("2026-12-18T10:00:00Z"))).build())
                    .propose("credit", 5).build();

            assertThat(policy.decide(c).proposal("credit").ruleIds()).containsExactly("again");
        }
    }

    @Nested
    @DisplayName("load errors")
    class LoadErrors {

        @Test
        void an_unknown_weekday_is_located_with_a_hint() {
            Problem p = PolicyLoadErrorTests.theError(HEADER.replace("[MON, TUE,", "[MON, TUES,"));

            assertThat(p.message()).isEqualTo("unknown weekday [TUES] in calendar.weekdays");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(19);
            assertThat(p.hint()).contains("TUE");
        }

        @Test
        void a_date_function_given_a_number_says_what_it_needs() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                      - id: wrong
                        when: "hoursBetween(amount, attributes.restoredAt) > 2"
                        require: supervisor
                        because: x
                    """);

            assertThat(p.message()).contains("[hoursBetween] needs a date-time, but [amount] is a number");
            assertThat(p.column()).isEqualTo(25);
        }

        @Test
        void a_period_that_is_not_one_names_business_days_as_an_option() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                      - id: wrong
                        followUp: { action: call, within: P7XD }
                        because: x
                    """);

            assertThat(p.message()).contains("[P7BD]").contains("P7XD");
        }

        @Test
        void a_function_with_one_argument_is_refused_with_an_example() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                      - id: wrong
                        when: "min(attributes.reportedAt) > 2"
                        require: supervisor
                        because: x
                    """);

            assertThat(p.message()).contains("min(..) takes two or more numbers, but has [1] arguments");
            assertThat(p.hint()).contains("min(attributes.paid, 600)");
        }
    }
}
