package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;

/** Calendar windows, the policy's time zone and regional calendars, in the format's words. */
class CalendarAndZoneTests {

    static CustomerCase.Builder aCase(String openedAt, HistoryEntry... history) {
        return CustomerCase.builder().id("C-1").severity("LOW").employee("agent").openedAt(Instant.parse(openedAt))
                .customer(new Customer("K-1", null, null, List.of(history)));
    }

    static HistoryEntry paid(String remedy, String at) {
        return new HistoryEntry(remedy, new BigDecimal("50"), Instant.parse(at));
    }

    @Nested
    @DisplayName("calendar windows")
    class CalendarWindows {
        final Policy policy = Policies.parse("""
                policy: guaranteed-standards
                version: "1"
                roles: [agent, supervisor]
                remedies:
                  payment: { unit: money }
                  rolling: { unit: money }
                  monthly: { unit: money }
                  weekly: { unit: money }
                authority:
                  agent:
                    payment: { perGrant: 100, perCustomer: { count: 1, window: calendar year from 1 April } }
                    rolling: { perGrant: 100, perCustomer: { count: 1, window: P1Y } }
                    monthly: { perGrant: 100, perCustomer: { max: 60, window: calendar month } }
                    weekly: { perGrant: 100, perCustomer: { count: 1, window: calendar week from Monday } }
                  supervisor: { payment: 1000, rolling: 1000, monthly: 1000, weekly: 1000 }
                """);

        @Test
        void a_payment_on_20_march_and_one_on_10_april_are_both_allowed_in_a_financial_year_from_1_april() {
            ProposalDecision d = policy.decide(aCase("2026-04-10T10:00:00Z", paid("payment", "2026-03-20T10:00:00Z"))
                    .propose("payment", 50).build()).proposal("payment");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void a_rolling_year_still_counts_the_march_payment() {
            ProposalDecision d = policy.decide(aCase("2026-04-10T10:00:00Z", paid("rolling", "2026-03-20T10:00:00Z"))
                    .propose("rolling", 50).build()).proposal("rolling");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
        }

        @Test
        void a_second_payment_in_one_financial_year_is_escalated_and_says_when_the_year_began() {
            ProposalDecision d = policy.decide(aCase("2027-03-31T10:00:00Z", paid("payment", "2026-04-01T00:00:00Z"))
                    .propose("payment", 50).build()).proposal("payment");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(d.reasons().get(0).because()).contains("at most 1 per customer in calendar year from 1 April "
                    + "(the period from Wed 2026-04-01 in UTC), and the customer already had 1");
        }

        @Test
        void the_first_instant_of_the_period_counts_and_the_last_of_the_one_before_does_not() {
            ProposalDecision first = policy.decide(aCase("2026-05-10T10:00:00Z", paid("monthly", "2026-05-01T00:00:00Z"))
                    .propose("monthly", 20).build()).proposal("monthly");
            ProposalDecision before = policy.decide(aCase("2026-05-10T10:00:00Z",
                    paid("monthly", "2026-04-30T23:59:59Z")).propose("monthly", 20).build()).proposal("monthly");

            assertThat(first.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(before.outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void a_week_from_monday_starts_again_on_monday() {
            // Sunday 2026-03-01 is in the week before Monday 2026-03-02
            ProposalDecision d = policy.decide(aCase("2026-03-02T09:00:00Z", paid("weekly", "2026-03-01T18:00:00Z"))
                    .propose("weekly", 10).build()).proposal("weekly");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void the_authority_table_shows_the_calendar_period_as_written() {
            assertThat(policy.authority().toString()).contains("calendar year from 1 April");
        }

        @Test
        void history_helpers_count_a_calendar_period_too() {
            Policy p = Policies.parse("""
                    policy: helpers
                    version: "1"
                    roles: [agent, supervisor]
                    remedies: { voucher: { unit: money } }
                    authority: { agent: { voucher: 100 }, supervisor: { voucher: 1000 } }
                    rules:
                      - id: second-this-quarter
                        when: "history.count('voucher', 'calendar quarter from 1 April') >= 1"
                        remedies: [voucher]
                        require: supervisor
                        because: One voucher a quarter
                    """);

            ProposalDecision inQuarter = p.decide(aCase("2026-06-30T10:00:00Z", paid("voucher", "2026-04-01T09:00:00Z"))
                    .propose("voucher", 5).build()).proposal("voucher");
            ProposalDecision nextQuarter = p.decide(aCase("2026-07-01T10:00:00Z", paid("voucher", "2026-06-30T09:00:00Z"))
                    .propose("voucher", 5).build()).proposal("voucher");

            assertThat(inQuarter.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(nextQuarter.outcome()).isEqualTo(Outcome.alone());
        }
    }

    static final String TELECOM = """
            policy: service-guarantee
            version: "1"
            roles: [agent, supervisor]
            timeZone:
              by: attributes.state
              regions: { NSW: Australia/Sydney, WA: Australia/Perth }
              default: Australia/Sydney
            calendar:
              holidays: [2026-01-01]
            calendars:
              by: attributes.state
              regions:
                NSW: { holidays: [2026-01-01, 2026-03-03] }
                ACT: NSW
                WA: { holidays: [2026-01-01, 2026-03-02] }
            attributes: { state: string, reportedAt: date, repairedAt: date }
            remedies:
              credit: { unit: money }
            authority:
              agent: { credit: 100 }
              supervisor: { credit: 1000 }
            rules:
              - id: late-repair
                when: "businessDaysBetween(attributes.reportedAt, attributes.repairedAt) > 1"
                remedies: [credit]
                entitled: "10 * (businessDaysBetween(attributes.reportedAt, attributes.repairedAt) - 1)"
                followUp: { action: confirm-credit, within: P2BD }
                because: A repair later than the 1-day allowance earns 10 a working day
            """;

    @Nested
    @DisplayName("time zone and regional calendars")
    class Zones {

        static final String SYDNEY = """
                policy: sydney
                version: "1"
                roles: [agent, supervisor]
                timeZone: Australia/Sydney
                attributes: { reportedAt: date, repairedAt: date }
                remedies: { credit: { unit: money } }
                authority: { agent: { credit: 100 }, supervisor: { credit: 1000 } }
                rules:
                  - id: late-repair
                    when: "businessDaysBetween(attributes.reportedAt, attributes.repairedAt) > 1"
                    remedies: [credit]
                    entitled: "10 * (businessDaysBetween(attributes.reportedAt, attributes.repairedAt) - 1)"
                    because: A repair later than the 1-day allowance earns 10 a working day
                """;
        final Policy sydney = Policies.parse(SYDNEY);

        /** Monday 2 March 2026, 08:00 in Sydney: Sunday 21:00 UTC. */
        static final String MONDAY_0800_SYDNEY = "2026-03-02T08:00:00+11:00";

        CustomerCase fault(String state, String repaired) {
            CustomerCase.Builder b = aCase("2026-03-04T10:00:00Z").attribute("reportedAt", MONDAY_0800_SYDNEY)
                    .attribute("repairedAt", repaired).propose("credit", 10);
            return (state == null ? b : b.attribute("state", state)).build();
        }

        @Test
        void the_sydney_fault_reported_monday_0800_is_counted_on_monday() {
            // repaired Wednesday 12:00 in Sydney (01:00 UTC): Tuesday and Wednesday, one day after the allowance
            ProposalDecision d = sydney.decide(aCase("2026-03-04T10:00:00Z").attribute("reportedAt", MONDAY_0800_SYDNEY)
                    .attribute("repairedAt", "2026-03-04T12:00:00+11:00").propose("credit", 10).build()).proposal("credit");

            assertThat(d.entitlement().amount()).isEqualByComparingTo("10");
            assertThat(d.entitlement().working()).startsWith("10 * (businessDaysBetween(attributes.reportedAt, "
                    + "attributes.repairedAt) - 1) = 10 * (businessDaysBetween(Mon 2026-03-02 08:00, Wed 2026-03-04 "
                    + "12:00) - 1) = 10; businessDaysBetween(attributes.reportedAt, attributes.repairedAt) = 2 working "
                    + "days after Mon 2026-03-02 08:00 up to Wed 2026-03-04 12:00 in Australia/Sydney: "
                    + "Tue 2026-03-03, Wed 2026-03-04");
        }

        @Test
        void the_same_fault_in_utc_counts_a_sunday_report_and_a_day_more() {
            Policy utc = Policies.parse(SYDNEY.replace("timeZone: Australia/Sydney\n", ""));
            ProposalDecision d = utc.decide(aCase("2026-03-04T10:00:00Z").attribute("reportedAt", MONDAY_0800_SYDNEY)
                    .attribute("repairedAt", "2026-03-04T12:00:00+11:00").propose("credit", 10).build()).proposal("credit");

            assertThat(d.entitlement().amount()).isEqualByComparingTo("20");
        }

        @Test
        void days_between_counts_the_dates_of_the_zone() {
            Policy p = Policies.parse("""
                    policy: days
                    version: "1"
                    roles: [agent]
                    timeZone: America/New_York
                    attributes: { bookedFor: date }
                    remedies: { credit: { unit: money } }
                    authority: { agent: { credit: 100 } }
                    rules:
                      - id: same-day
                        when: "daysBetween(openedAt, attributes.bookedFor) == 0"
                        remedies: [credit]
                        deny: true
                        because: Same-day bookings are not compensated
                    """);
            // 2026-03-03 02:00 UTC is the evening of 2 March in New York; a date alone is that day in the zone
            CustomerCase c = aCase("2026-03-03T02:00:00Z").attribute("bookedFor", "2026-03-02").propose("credit", 5)
                    .build();

            assertThat(p.decide(c).proposal("credit").outcome()).isEqualTo(Outcome.denied());
        }

        @Test
        void a_fact_of_the_case_chooses_the_zone_and_the_calendar() {
            Policy p = Policies.parse(TELECOM);
            // NSW: Tue 3 March is a holiday, so only Wed counts; WA: Mon 2 is the holiday, Tue and Wed count
            BigDecimal nsw = p.decide(fault("NSW", "2026-03-04T12:00:00+11:00")).proposal("credit").entitlement() == null
                    ? BigDecimal.ZERO : BigDecimal.ONE;
            ProposalDecision wa = p.decide(fault("WA", "2026-03-04T12:00:00+08:00")).proposal("credit");

            assertThat(nsw).isZero();
            assertThat(wa.entitlement().amount()).isEqualByComparingTo("10");
            assertThat(wa.entitlement().working()).contains("in Australia/Perth (attributes.state = WA) on calendar WA: "
                    + "Tue 2026-03-03, Wed 2026-03-04");
        }

        @Test
        void a_region_may_share_another_regions_calendar() {
            ProposalDecision act = Policies.parse(TELECOM).decide(fault("ACT", "2026-03-05T12:00:00+11:00"))
                    .proposal("credit");

            // Wed and Thu (Tue is NSW's holiday); ACT has no zone of its own: the default, Sydney
            assertThat(act.entitlement().amount()).isEqualByComparingTo("10");
            assertThat(act.entitlement().working()).contains("Australia/Sydney (attributes.state = ACT, default) on "
                    + "calendar ACT: Wed 2026-03-04, Thu 2026-03-05");
        }

        @Test
        void an_absent_or_unlisted_region_takes_the_default_zone_and_calendar() {
            ProposalDecision absent = Policies.parse(TELECOM).decide(fault(null, "2026-03-04T12:00:00+11:00"))
                    .proposal("credit");
            ProposalDecision unlisted = Policies.parse(TELECOM).decide(fault("TAS", "2026-03-04T12:00:00+11:00"))
                    .proposal("credit");

            assertThat(absent.entitlement().amount()).isEqualByComparingTo("10");
            assertThat(absent.entitlement().working()).contains("(attributes.state absent, default) on calendar default");
            assertThat(unlisted.entitlement().working()).contains("(attributes.state = TAS, default) on calendar default");
        }

        @Test
        void a_follow_up_in_business_days_counts_on_the_regions_calendar() {
            var followUp = Policies.parse(TELECOM).decide(fault("NSW", "2026-03-06T12:00:00+11:00")).followUps().get(0);

            assertThat(followUp.within()).isInstanceOf(BusinessDays.class);
            assertThat(((BusinessDays) followUp.within()).holidays()).contains(LocalDate.parse("2026-03-03"));
        }

        @Test
        void explain_shows_the_dates_the_zone_the_calendar_and_the_days_counted() {
            Policy p = Policies.parse(TELECOM);
            Explanation e = p.explain(fault("NSW", "2026-03-04T12:00:00+11:00"));
            Explanation.Failure failure = e.proposals().get(0).rules().stream()
                    .filter(r -> r.rule().equals("late-repair")).findFirst().orElseThrow().failures().get(0);

            assertThat(failure.values()).anySatisfy(r -> {
                assertThat(r.name()).isEqualTo("businessDaysBetween(attributes.reportedAt, attributes.repairedAt)");
                assertThat(r.value()).isEqualTo("1 working day after Mon 2026-03-02 08:00 up to Wed 2026-03-04 12:00 "
                        + "in Australia/Sydney (attributes.state = NSW) on calendar NSW: Wed 2026-03-04");
            });
        }

        @Test
        void days_late_defined_by_name_shows_its_dates_zone_calendar_and_days() {
            Policy p = Policies.parse(TELECOM.replace("rules:\n", """
                    definitions:
                      daysLate: "businessDaysBetween(attributes.reportedAt, attributes.repairedAt) - 1"
                    rules:
                      - id: days-late
                        when: "named.daysLate > 1"
                        remedies: [credit]
                        require: supervisor
                        because: More than a day late is reviewed
                    """));
            CustomerCase c = fault("NSW", "2026-03-04T12:00:00+11:00");

            Explanation.Failure failure = p.explain(c).proposals().get(0).rules().stream()
                    .filter(r -> r.rule().equals("days-late")).findFirst().orElseThrow().failures().get(0);

            assertThat(failure.values()).extracting(Explanation.Failure.Reading::name, Explanation.Failure.Reading::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("named.daysLate", "0"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "businessDaysBetween(attributes.reportedAt, attributes.repairedAt)",
                                    "1 working day after Mon 2026-03-02 08:00 up to Wed 2026-03-04 12:00 in "
                                            + "Australia/Sydney (attributes.state = NSW) on calendar NSW: Wed 2026-03-04"));
        }

        @Test
        void a_validity_date_is_midnight_in_the_policys_zone() {
            Policy p = Policies.parse("""
                    policy: uprated
                    version: "2026.04"
                    validFrom: 2026-04-01
                    timeZone: Australia/Sydney
                    roles: [agent]
                    remedies: { credit: { unit: money } }
                    authority: { agent: { credit: 100 } }
                    """);
            // 1 April 01:00 in Sydney is 31 March 14:00 UTC
            ProposalDecision d = p.decide(aCase("2026-03-31T14:00:00Z").propose("credit", 5).build()).proposal("credit");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
            assertThatThrownBy(() -> p.decide(aCase("2026-03-31T12:00:00Z").propose("credit", 5).build()))
                    .isInstanceOf(InvalidCaseException.class)
                    .hasMessageContaining("2026-04-01 Australia/Sydney");
        }

        @Test
        void a_calendar_period_counts_from_midnight_in_the_zone() {
            Policy p = Policies.parse("""
                    policy: monthly
                    version: "1"
                    roles: [agent, supervisor]
                    timeZone: Australia/Sydney
                    remedies: { credit: { unit: money } }
                    authority:
                      agent: { credit: { perGrant: 100, perCustomer: { count: 1, window: calendar month } } }
                      supervisor: { credit: 1000 }
                    """);
            // 31 March 14:00 UTC is 1 April 01:00 in Sydney: in April there
            ProposalDecision d = p.decide(aCase("2026-04-10T00:00:00Z", paid("credit", "2026-03-31T14:00:00Z"))
                    .propose("credit", 5).build()).proposal("credit");

            assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(ZonedDateTime.ofInstant(Instant.parse("2026-03-31T14:00:00Z"), ZoneId.of("Australia/Sydney"))
                    .getMonthValue()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("mistakes, located with a hint")
    class Mistakes {

        static List<Problem> problems(String yaml) {
            try {
                Policies.parse(yaml);
            } catch (PolicyLoadException e) {
                return e.problems();
            }
            throw new AssertionError("the policy loaded");
        }

        static final String HEAD = """
                policy: p
                version: "1"
                roles: [agent]
                attributes: { state: string, reportedAt: date }
                remedies: { credit: { unit: money } }
                """;

        @Test
        void an_unknown_zone_id_is_located_with_the_closest_id() {
            Problem p = problems(HEAD + "timeZone: Australia/Sidney\n").get(0);

            assertThat(p.message()).isEqualTo("unknown zone id [Australia/Sidney] in timeZone");
            assertThat(p.hint()).isEqualTo("did you mean [Australia/Sydney]?");
            assertThat(p.line()).isEqualTo(6);
        }

        @Test
        void a_zone_abbreviation_is_refused_with_why() {
            Problem p = problems(HEAD + "timeZone: AEST\n").get(0);

            assertThat(p.message()).isEqualTo("unknown zone id [AEST] in timeZone");
            assertThat(p.hint()).isEqualTo("write a region id such as [Australia/Sydney]: an abbreviation such as "
                    + "[AEST] does not say when daylight saving starts");
        }

        @Test
        void an_unknown_calendar_of_a_region_is_located() {
            Problem p = problems(HEAD + """
                    calendars:
                      by: attributes.state
                      regions:
                        NSW: { holidays: [2026-01-26] }
                        ACT: NWS
                    """).get(0);

            assertThat(p.message()).isEqualTo("unknown calendar [NWS] for region [ACT] in calendars.regions");
            assertThat(p.hint()).startsWith("did you mean [NSW]?");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isEqualTo(10);
        }

        @Test
        void a_region_fact_must_be_a_known_text_fact() {
            assertThat(problems(HEAD + "calendars: { by: attributes.stat, regions: {} }\n").get(0).hint())
                    .isEqualTo("did you mean [attributes.state]?");
            assertThat(problems(HEAD + "timeZone: { by: attributes.reportedAt, regions: {} }\n").get(0).message())
                    .isEqualTo("timeZone.by must be a text fact of the case, such as [attributes.state], not "
                            + "[attributes.reportedAt] (date-time)");
        }

        @Test
        void a_start_of_31_february_is_refused_as_no_date() {
            Problem p = problems(HEAD + """
                    authority:
                      agent: { credit: { perGrant: 10, perCustomer: { count: 1, window: calendar year from 31 February } } }
                    """).get(0);

            assertThat(p.message()).contains("[31 February] is not a date: February has 28 days (29 in a leap year)");
            assertThat(p.hint()).contains("calendar year from 1 April");
            assertThat(p.line()).isEqualTo(7);
        }

        @Test
        void a_start_every_month_does_not_have_is_refused() {
            assertThat(problems(HEAD + """
                    authority:
                      agent: { credit: { perGrant: 10, perCustomer: { count: 1, window: calendar month from day 31 } } }
                    """).get(0).message()).contains("not every month has a day 31");
            assertThat(problems(HEAD + """
                    rules:
                      - id: r
                        when: "history.count('credit', 'calendar fortnight') > 1"
                        deny: true
                        because: x
                    """).get(0).message()).contains("unknown calendar period [fortnight]");
        }
    }
}
