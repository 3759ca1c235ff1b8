package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;

/** Named definitions and decision tables: defined once, read by name from matchers, expressions and amounts. */
class TableTests {

    static final String HEADER = """
            policy: flights
            version: "1"
            roles: [agent, supervisor]
            attributes: { distanceKm: number, delayHours: number, cabin: string }
            remedies:
              compensation: { unit: money }
            authority:
              supervisor: { compensation: 2000 }
            """;

    static final String BANDS = """
            tables:
              band:
                inputs: [attributes.distanceKm]
                complete: true
                rows:
                  - [{ atMost: 1500 }, 250]
                  - [{ above: 1500, atMost: 3500 }, 400]
                  - [{ above: 3500 }, 600]
            """;

    static Policy policy(String rest) {
        return Policies.parse(HEADER + rest);
    }

    static CustomerCase flight(double km, double delay, double amount) {
        return CustomerCase.builder().id("F-1").severity("LOW").employee("agent").attribute("distanceKm", km)
                .attribute("delayHours", delay).propose("compensation", amount).build();
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {
        final Policy policy = policy(BANDS + """
                definitions:
                  longHaul: { attributes.distanceKm: { above: 3500 } }
                  lateEnough: "attributes.delayHours >= 3"
                  reduced: "named.longHaul && attributes.delayHours < 4"
                rules:
                  - id: full-compensation
                    when: { named.lateEnough: true, named.reduced: false }
                    remedies: [compensation]
                    entitled: "tables.band"
                    because: The regulation's band amount
                  - id: reduced-compensation
                    when: "named.lateEnough && named.reduced"
                    remedies: [compensation]
                    entitled: "tables.band * 0.5"
                    because: Half the band amount when the long-haul delay is under four hours
                """);

        @Test
        void looks_the_band_up_and_reports_it_in_the_working() {
            ProposalDecision d = policy.decide(flight(1500, 3, 250)).proposal("compensation");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
            assertThat(d.entitlement().working()).isEqualTo("tables.band = 250");
            assertThat(policy.decide(flight(1500.01, 3, 400)).proposal("compensation").entitlement().amount())
                    .isEqualByComparingTo("400");
        }

        @Test
        void named_conditions_combine_with_the_table_for_the_reduction() {
            ProposalDecision d = policy.decide(flight(6000, 3.5, 300)).proposal("compensation");

            assertThat(d.entitlement().rule()).isEqualTo("reduced-compensation");
            assertThat(d.entitlement().amount()).isEqualTo(new BigDecimal("300"));
            assertThat(d.entitlement().working()).isEqualTo("tables.band * 0.5 = 600 * 0.5 = 300");
            assertThat(policy.decide(flight(6000, 4, 600)).proposal("compensation").entitlement().amount())
                    .isEqualByComparingTo("600");
        }

        @Test
        void an_entitlement_of_a_table_whose_input_is_absent_names_the_input() {
            // issue 33: the table has no value, and an entitlement that needs it names the missing input
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.decide(CustomerCase.builder()
                            .severity("LOW").employee("agent").attribute("delayHours", 5).propose("compensation", 1)
                            .build()))
                    .isInstanceOf(org.resolutionpolicy.api.InvalidCaseException.class)
                    .hasMessageContaining("attributes.distanceKm: missing: the entitlement [tables.band");
        }

        @Test
        void first_hit_takes_the_first_matching_row_of_two_inputs() {
            Policy first = policy("""
                    tables:
                      care:
                        inputs: [attributes.cabin, attributes.delayHours]
                        hit: first
                        rows:
                          - [business, { atLeast: 2 }, 100]
                          - [any, { atLeast: 2 }, 50]
                    rules:
                      - id: care
                        remedies: [compensation]
                        entitled: tables.care
                        because: care
                    """);

            assertThat(first.decide(CustomerCase.builder().severity("LOW").employee("agent").attribute("cabin", "business")
                    .attribute("delayHours", 3).propose("compensation", 100).build()).proposal("compensation").kind())
                    .isEqualTo(Outcome.Kind.ALONE);
            assertThat(first.decide(CustomerCase.builder().severity("LOW").employee("agent").attribute("cabin", "economy")
                    .attribute("delayHours", 3).propose("compensation", 100).build()).proposal("compensation").kind())
                    .isEqualTo(Outcome.Kind.ESCALATE);
        }
    }

    @Nested
    @DisplayName("load errors")
    class LoadErrors {

        @Test
        void overlapping_rows_of_a_unique_table_are_located_at_the_later_row_with_a_hint() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + BANDS.replace("{ above: 1500, atMost: 3500 }",
                    "{ atLeast: 1500, atMost: 3500 }"));

            assertThat(p.message()).isEqualTo("rows 1 and 2 of table [band] overlap: both match attributes.distanceKm = 1500");
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.column()).isEqualTo(9);
            assertThat(p.hint()).contains("hit: first");
        }

        @Test
        void a_complete_table_with_a_gap_says_which_values_no_row_matches() {
            List<Problem> errors = PolicyLoadErrorTests.errors(HEADER + BANDS.replace("{ above: 3500 }", "{ above: 4000 }"));

            assertThat(errors).extracting(Problem::message).containsExactly(
                    "table [band] is incomplete: no row matches attributes.distanceKm between 3500 and 4000 (both excluded)",
                    "table [band] is incomplete: no row matches attributes.distanceKm = 4000");
            assertThat(errors.get(0).hint()).contains("any");
        }

        @Test
        void a_row_with_the_wrong_number_of_cells_and_an_unknown_input_are_reported() {
            List<Problem> errors = PolicyLoadErrorTests.errors(HEADER + """
                    tables:
                      band:
                        inputs: [attributes.distanceKn]
                        rows:
                          - [250]
                      care:
                        inputs: [attributes.delayHours]
                        rows:
                          - [{ atLeast: 2 }]
                    """);

            assertThat(errors).extracting(Problem::message).containsExactly(
                    "unknown fact [attributes.distanceKn] in the inputs of table [band]",
                    "row 1 of table [care] has [1] cells, but the table has [1] inputs and a value");
            assertThat(errors.get(0).hint()).contains("attributes.distanceKm");
        }

        @Test
        void a_reference_to_an_undefined_name_says_did_you_mean() {
            Problem p = PolicyLoadErrorTests.theError(HEADER + """
                    definitions:
                      longHaul: { attributes.distanceKm: { above: 3500 } }
                    rules:
                      - id: r
                        when: "named.longhaul"
                        require: supervisor
                        because: x
                    """);

            assertThat(p.message()).contains("unknown fact [named.longhaul]");
            assertThat(p.hint()).contains("named.longHaul");
        }
    }
}
