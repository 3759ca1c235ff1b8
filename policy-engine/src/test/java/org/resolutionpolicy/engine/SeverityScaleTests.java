package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseSeverity;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.SeverityScaleCheck;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.format.ExplanationFormat;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.text.DecisionTable;

/** The severity scale: the policy says which facts of a case put it at which severity; the scale only raises. */
class SeverityScaleTests {

    /** An airline's scale: the impact on the passenger, not the length of the delay, sets the severity. */
    static final String AIRLINE = """
            policy: delays
            version: "1"
            roles: [agent, supervisor, duty-manager]
            swat: { team: incident-response }
            attributes: { delayMinutes: number, lostHoliday: boolean }
            remedies:
              voucher: { unit: money }
              refund: { unit: money }
            authority:
              agent: { voucher: 50, refund: 100 }
              supervisor: { voucher: 200, refund: 1000 }
              duty-manager: { voucher: unlimited, refund: unlimited }
            severityScale:
              - id: safety-is-critical
                when: "impact.safetyIssue == true || impact.legalThreat == true"
                severity: CRITICAL
                because: Anything touching safety or the law is critical
              - id: a-lost-holiday-is-high
                when: { attributes.lostHoliday: true }
                severity: HIGH
                because: A holiday lost to a delay is the passenger's year
              - id: out-of-pocket-is-medium
                when: { impact.outOfPocket: { above: 100 } }
                severity: MEDIUM
            rules:
              - id: high-severity-goes-to-a-duty-manager
                when: { severity: { atLeast: HIGH } }
                require: duty-manager
                because: A severe case is handled by the duty manager
              - id: critical-goes-to-the-incident-team
                when: { severity: CRITICAL }
                route: swat
                because: Critical cases go to the incident team
            """;

    final Policy airline = Policies.parse(AIRLINE);

    static CustomerCase.Builder twoHourDelay() {
        return CustomerCase.builder().id("D-1").category("delay").employee("agent").attribute("delayMinutes", 120);
    }

    @Nested
    @DisplayName("the two passengers of a two-hour delay")
    class TwoPassengers {

        final CustomerCase missedMeeting = twoHourDelay().severity("LOW").propose("voucher", 40).build();
        final CustomerCase lostHoliday = twoHourDelay().severity("LOW").attribute("lostHoliday", true)
                .impact(Impact.builder().outOfPocket(900).build()).propose("voucher", 40).build();

        @Test
        void the_passenger_who_missed_a_meeting_stays_at_the_severity_the_agent_gave() {
            Decision d = airline.decide(missedMeeting);

            assertThat(d.severity()).isEqualTo(new CaseSeverity("LOW", "LOW", null));
            assertThat(d.proposal("voucher").outcome()).isEqualTo(Outcome.alone());
        }

        @Test
        void the_passenger_who_lost_a_holiday_is_raised_to_high_and_goes_to_the_duty_manager() {
            Decision d = airline.decide(lostHoliday);

            assertThat(d.severity()).isEqualTo(new CaseSeverity("HIGH", "LOW", "a-lost-holiday-is-high"));
            assertThat(d.severity().text()).isEqualTo("HIGH (raised from LOW by a-lost-holiday-is-high)");
            assertThat(d.proposal("voucher").outcome()).isEqualTo(Outcome.escalate("duty-manager"));
        }

        @Test
        void the_agent_may_leave_the_severity_out_and_the_scale_sets_it() {
            Decision meeting = airline.decide(twoHourDelay().propose("voucher", 40).build());
            Decision holiday = airline.decide(twoHourDelay().attribute("lostHoliday", true)
                    .impact(Impact.builder().outOfPocket(900).build()).propose("voucher", 40).build());

            assertThat(meeting.severity()).isEqualTo(new CaseSeverity("LOW", null, null));
            assertThat(holiday.severity()).isEqualTo(new CaseSeverity("HIGH", null, "a-lost-holiday-is-high"));
            assertThat(holiday.severity().text()).isEqualTo("HIGH (raised by a-lost-holiday-is-high)");
        }
    }

    @Nested
    @DisplayName("the scale only raises")
    class OnlyRaises {

        @Test
        void a_safety_issue_is_raised_to_critical_over_a_given_low() {
            Decision d = airline.decide(twoHourDelay().severity("LOW")
                    .impact(Impact.builder().safetyIssue(true).build()).propose("voucher", 10).build());

            assertThat(d.severity()).isEqualTo(new CaseSeverity("CRITICAL", "LOW", "safety-is-critical"));
            assertThat(d.proposal("voucher").outcome().kind()).isEqualTo(Outcome.Kind.SWAT);
            assertThat(d.swat()).isTrue();
        }

        @Test
        void a_given_severity_above_every_matching_entry_stands() {
            Decision d = airline.decide(twoHourDelay().severity("CRITICAL").attribute("lostHoliday", true)
                    .propose("voucher", 10).build());

            assertThat(d.severity()).isEqualTo(new CaseSeverity("CRITICAL", "CRITICAL", null));
            assertThat(d.severity().text()).isEqualTo("CRITICAL (as given)");
        }

        @Test
        void the_highest_matching_entry_wins_whatever_its_place_in_the_scale() {
            Decision d = airline.decide(twoHourDelay().attribute("lostHoliday", true)
                    .impact(Impact.builder().outOfPocket(900).legalThreat(true).build()).propose("voucher", 10).build());

            assertThat(d.severity()).isEqualTo(new CaseSeverity("CRITICAL", null, "safety-is-critical"));
        }

        @Test
        void latitude_answers_use_the_severity_used() {
            Decision low = airline.decide(twoHourDelay().severity("LOW").build());
            Decision high = airline.decide(twoHourDelay().severity("LOW").attribute("lostHoliday", true).build());

            assertThat(low.latitude("voucher")).map(Latitude::aloneUpTo).contains(Limit.of(50));
            assertThat(high.severity().used()).isEqualTo("HIGH");
            assertThat(high.latitude("voucher")).map(Latitude::aloneUpTo).contains(Limit.of(0));
        }
    }

    @Nested
    @DisplayName("said everywhere")
    class SaidEverywhere {

        final CustomerCase safety = twoHourDelay().severity("LOW").impact(Impact.builder().safetyIssue(true).build())
                .propose("voucher", 10).build();

        @Test
        void the_json_of_the_decision_carries_the_severity_used_and_the_entry_that_raised_it() {
            String json = DecisionJson.write(airline.decide(safety));

            assertThat(json).contains("\"severity\":{\"used\":\"CRITICAL\",\"given\":\"LOW\",\"raisedBy\":\"safety-is-critical\"}");
        }

        @Test
        void the_text_of_the_decision_heads_it_with_the_severity_used() {
            assertThat(DecisionTable.render(safety, airline.decide(safety)))
                    .contains("| CRITICAL (raised from LOW by safety-is-critical) delay |");
        }

        @Test
        void the_decision_log_line_carries_the_severity_used_the_given_one_and_the_entry_that_raised_it() {
            java.io.StringWriter out = new java.io.StringWriter();
            org.resolutionpolicy.api.DecisionLog log = org.resolutionpolicy.api.DecisionLog.jsonLines(out,
                    org.resolutionpolicy.api.DecisionLog.Options.DEFAULTS);
            airline.withListener(log).decide(safety);
            airline.withListener(log).decide(twoHourDelay().severity("MEDIUM").propose("voucher", 10).build());
            log.close();

            List<String> lines = out.toString().lines().toList();
            assertThat(lines.get(0)).contains("\"employeeRole\":\"agent\",\"severity\":\"CRITICAL\","
                    + "\"severityGiven\":\"LOW\",\"severityRaisedBy\":\"safety-is-critical\",\"swat\":true");
            assertThat(lines.get(1)).contains("\"severity\":\"MEDIUM\",\"swat\":false").doesNotContain("severityGiven");
        }

        @Test
        void explain_shows_each_entry_matched_or_not_with_its_values() {
            Explanation e = airline.explain(safety);

            assertThat(e.severityScale()).extracting(SeverityScaleCheck::entry, SeverityScaleCheck::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("safety-is-critical", Explanation.Status.MATCHED),
                            org.assertj.core.groups.Tuple.tuple("a-lost-holiday-is-high", Explanation.Status.NOT_MATCHED),
                            org.assertj.core.groups.Tuple.tuple("out-of-pocket-is-medium", Explanation.Status.NOT_MATCHED));
            assertThat(e.severityScale().get(2).failures()).extracting(Explanation.Failure::text)
                    .containsExactly("impact.outOfPocket was absent, wanted above [100]");
            assertThat(ExplanationFormat.text(safety, e))
                    .contains("severity scale (CRITICAL (raised from LOW by safety-is-critical)):")
                    .contains("matched        safety-is-critical (CRITICAL)");
            assertThat(ExplanationFormat.json(e)).containsKey("severityScale");
        }
    }

    @Nested
    @DisplayName("no scale, no change")
    class WithoutAScale {

        final Policy plain = Policies.parse("""
                policy: plain
                version: "1"
                roles: [agent]
                attributes: { delayMinutes: number }
                remedies: { voucher: { unit: money } }
                authority: { agent: { voucher: 50 } }
                """);

        @Test
        void a_policy_without_a_scale_decides_at_the_given_severity_and_reports_none() {
            Decision d = plain.decide(twoHourDelay().severity("HIGH").propose("voucher", 10).build());

            assertThat(d.severity()).isNull();
            assertThat(DecisionJson.write(d)).doesNotContain("\"severity\"");
            assertThat(plain.explain(twoHourDelay().severity("HIGH").build()).severityScale()).isEmpty();
        }

        @Test
        void a_case_without_severity_is_refused_naming_the_field() {
            assertThatThrownBy(() -> plain.decide(twoHourDelay().propose("voucher", 10).build()))
                    .isInstanceOf(InvalidCaseException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).problems())
                            .anySatisfy(p -> assertThat(p.field()).isEqualTo("severity")));
        }
    }

    @Nested
    @DisplayName("a scale that cannot be read")
    class Validation {

        static String withScale(String scale) {
            return """
                    policy: broken
                    version: "1"
                    roles: [agent]
                    attributes: { lostHoliday: boolean }
                    remedies: { voucher: { unit: money } }
                    severityScale:
                    """ + scale.indent(2);
        }

        static List<String> errors(String yaml) {
            try {
                Policies.parse(yaml);
            } catch (PolicyLoadException e) {
                return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.message()
                        + (p.hint() == null ? "" : " | " + p.hint())).toList();
            }
            throw new AssertionError("the policy loaded");
        }

        @Test
        void names_an_unknown_severity_where_it_is_written_with_the_closest_one() {
            assertThat(errors(withScale("""
                    - id: holidays
                      when: { attributes.lostHoliday: true }
                      severity: HIHG
                    """))).containsExactly("9:15 unknown severity [HIHG] in severityScale entry [holidays] | did you mean [HIGH]?");
        }

        @Test
        void refuses_an_entry_that_reads_the_proposal_or_the_severity_it_sets() {
            assertThat(errors(withScale("""
                    - id: big-vouchers
                      when: { amount: { above: 100 } }
                      severity: HIGH
                    - id: circular
                      when: "severity.atLeast('HIGH')"
                      severity: CRITICAL
                    """))).satisfiesExactly(
                    e -> assertThat(e).startsWith("8:11 severityScale entry [big-vouchers] tests [remedy] or [amount]"),
                    e -> assertThat(e).startsWith("11:11 severityScale entry [circular] tests [severity], which the scale sets"));
        }

        @Test
        void refuses_a_duplicate_id_a_missing_when_and_an_unknown_key() {
            assertThat(errors(withScale("""
                    - id: holidays
                      when: { attributes.lostHoliday: true }
                      severity: HIGH
                    - id: holidays
                      severity: HIGH
                      becuase: typo
                    """))).satisfiesExactlyInAnyOrder(
                    e -> assertThat(e).startsWith("10:9 duplicate severityScale entry id [holidays] | first defined at"),
                    e -> assertThat(e).startsWith("12:5 unknown key [becuase] in an entry of severityScale | did you mean [because]?"),
                    e -> assertThat(e).startsWith("10:5 missing key [when] in an entry of severityScale"));
        }
    }
}
