package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;

/**
 * Calendar windows and time zones (issue 33) are not modelled by the solver: what they touch is said to be left out,
 * and a change to them is never proven.
 */
class CalendarPeriodAnalysisTests {

    static final String POLICY = """
            policy: payments
            version: "1"
            roles: [agent, manager]
            remedies:
              payment: { unit: money }
              voucher: { unit: money }
            authority:
              agent: { payment: { perGrant: 100, perCustomer: { count: 1, window: %s } }, voucher: 20 }
              manager: { payment: 1000, voucher: 100 }
            """;

    @Test
    void a_rolling_year_changed_to_a_financial_year_is_never_proven() {
        Analysis rolling = Analysis.of(Policies.parse(POLICY.formatted("P1Y")));
        Analysis financial = Analysis.of(Policies.parse(POLICY.formatted("calendar year from 1 April")));

        ChangeProof proof = financial.against(rolling);

        // the financial year holds fewer payments than the rolling year on every date, yet the solver does not know
        assertThat(proof.changes()).filteredOn(c -> c.remedy().equals("payment") && c.role().equals("agent"))
                .extracting(ChangeProof.Change::verdict).containsOnly(ChangeProof.Verdict.UNKNOWN);
    }

    @Test
    void a_calendar_window_is_said_to_be_left_out() {
        Report r = Analysis.of(Policies.parse(POLICY.formatted("calendar month"))).findings();

        assertThat(r.leftOut()).anySatisfy(s -> assertThat(s).contains("payment").contains("calendar month")
                .contains("calendar period"));
        assertThat(r.hasInternalErrors()).isFalse();
    }

    @Test
    void a_calendar_period_in_a_condition_leaves_its_rule_out() {
        Report r = Analysis.of(Policies.parse(POLICY.formatted("P1Y") + """
                rules:
                  - id: one-voucher-a-quarter
                    when: "history.count('voucher', 'calendar quarter from 1 April') >= 1"
                    remedies: [voucher]
                    require: manager
                    because: One voucher a quarter at the counter
                """)).findings();

        assertThat(r.leftOut()).anySatisfy(s -> assertThat(s).contains("one-voucher-a-quarter")
                .contains("calendar period"));
    }

    @Test
    void dates_of_a_policy_in_a_time_zone_leave_their_rule_out() {
        Report r = Analysis.of(Policies.parse("""
                policy: zoned
                version: "1"
                roles: [agent, manager]
                timeZone: Australia/Sydney
                attributes: { reportedAt: date }
                remedies: { credit: { unit: money } }
                authority: { agent: { credit: 20 }, manager: { credit: 100 } }
                rules:
                  - id: reported-today
                    when: "daysBetween(attributes.reportedAt, openedAt) == 0"
                    remedies: [credit]
                    require: manager
                    because: A fault reported today is looked at by a manager
                """)).findings();

        assertThat(r.leftOut()).anySatisfy(s -> assertThat(s).contains("reported-today").contains("time zone"));
    }

    @Test
    void the_same_rule_in_utc_is_still_encoded() {
        Report r = Analysis.of(Policies.parse("""
                policy: utc
                version: "1"
                roles: [agent, manager]
                attributes: { reportedAt: date }
                remedies: { credit: { unit: money } }
                authority: { agent: { credit: 20 }, manager: { credit: 100 } }
                rules:
                  - id: reported-today
                    when: "daysBetween(attributes.reportedAt, openedAt) == 0"
                    remedies: [credit]
                    require: manager
                    because: A fault reported today is looked at by a manager
                """)).findings();

        assertThat(r.leftOut()).isEmpty();
    }
}
