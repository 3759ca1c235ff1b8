package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** The EU 261/2004 example: band table, 50% reduction, business-day follow-up and validity, as the Regulation says. */
class Eu261Tests {

    static final Policy EU261 = Policies.load(Path.of("policies", "eu261.yaml"));

    @Test
    void an_intra_community_flight_over_1500_km_four_hours_late_is_entitled_to_400_by_the_band_table() {
        Decision d = EU261.decide(Cases.load(Path.of("cases", "eu261", "01-four-hours-late.yaml")));

        assertThat(d.proposal("compensation").outcome()).isEqualTo(Outcome.alone());
        assertThat(d.proposal("compensation").entitlement()).hasToString("entitled to 400 = tables.band");
        assertThat(d.proposal("meal-voucher").outcome()).isEqualTo(Outcome.alone());
    }

    @Test
    void the_acknowledgement_deadline_counts_business_days_over_christmas() {
        Decision d = EU261.decide(Cases.load(Path.of("cases", "eu261", "01-four-hours-late.yaml")));
        FollowUp acknowledge = d.followUps().stream().filter(f -> f.action().equals("acknowledge-claim")).findFirst()
                .orElseThrow();

        // Thu 24 Dec + 5 business days: Mon 28, Tue 29, Wed 30, Thu 31, Mon 4 Jan (25, 26 Dec and 1 Jan are holidays)
        assertThat(Instant.parse("2026-12-24T10:00:00Z").atZone(ZoneOffset.UTC).plus(acknowledge.within()).toInstant())
                .isEqualTo(Instant.parse("2027-01-04T10:00:00Z"));
    }

    @Test
    void the_latitude_of_a_re_routed_long_haul_passenger_is_half_of_600() {
        Decision d = EU261.decide(Cases.load(Path.of("cases", "eu261", "02-what-may-i-offer.yaml")));
        Latitude compensation = d.latitude().stream().filter(l -> l.remedy().equals("compensation")).findFirst()
                .orElseThrow();

        assertThat(compensation.aloneUpTo()).isEqualTo(Limit.of(300));
        assertThat(compensation.entitlement().working()).isEqualTo("tables.band * 0.5 = 600 * 0.5 = 300");
        assertThat(compensation.approverBeyond()).isEqualTo("supervisor");
    }

    @Test
    void the_regulation_decides_no_case_opened_before_it_applied() {
        assertThat(EU261.id()).isEqualTo("eu261");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EU261.decide(Cases.parse("""
                severity: LOW
                openedAt: 2004-06-01T00:00:00Z
                employee: { role: agent }
                proposals: [ { remedy: compensation, amount: 250 } ]
                """))).hasMessageContaining("no version of policy [eu261] is in force at [2004-06-01]");
    }
}
