package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;

/**
 * A month is not always longer than 30 days (class 7 of issue 29): a window of P1M holds fewer grants than one of
 * P30D in February, so an edit from P30D to P1M is not "only stricter".
 */
class CalendarWindowTests {

    static final String POLICY = """
            policy: drinks
            version: "1"
            roles: [barista, manager]
            remedies:
              drink: { unit: count }
            authority:
              barista: { drink: { perGrant: 1, perCustomer: { count: 3, window: %s } } }
              manager: { drink: unlimited }
            """;

    @Test
    void a_window_changed_from_thirty_days_to_a_month_is_never_proven_only_stricter() {
        Analysis thirtyDays = Analysis.of(Policies.parse(POLICY.formatted("P30D")));
        Analysis aMonth = Analysis.of(Policies.parse(POLICY.formatted("P1M")));

        ChangeProof proof = aMonth.against(thirtyDays);

        assertThat(proof.changes()).filteredOn(c -> c.role().equals("barista")).extracting(ChangeProof.Change::verdict)
                .doesNotContain(ChangeProof.Verdict.ONLY_STRICTER, ChangeProof.Verdict.EQUIVALENT,
                        ChangeProof.Verdict.ONLY_LOOSER);
    }

    @Test
    void windows_that_nest_on_every_date_are_still_proven() {
        Analysis week = Analysis.of(Policies.parse(POLICY.formatted("P7D")));
        Analysis halfYear = Analysis.of(Policies.parse(POLICY.formatted("P6M")));

        ChangeProof proof = halfYear.against(week);

        assertThat(proof.changes()).filteredOn(c -> c.role().equals("barista")).extracting(ChangeProof.Change::verdict)
                .containsOnly(ChangeProof.Verdict.ONLY_STRICTER);
    }
}
