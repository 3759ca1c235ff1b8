package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** The matrix filters by every fact the rules test: the values they compare it with, the bands of its thresholds. */
class MatrixFiltersTests {

    static final String BANDS = """
            policy: bands
            version: "1"
            currency: EUR
            roles: [agent, supervisor]
            attributes:
              itemPrice: number
              fragile: boolean
            remedies:
              refund: { unit: money }
            authority:
              agent: { refund: 50 }
              supervisor: { refund: 1000 }
            rules:
              - id: pricey-items-get-more
                when: "attributes.itemPrice > 100"
                remedies: [refund]
                grant: { role: agent, upTo: 80 }
              - id: very-pricey-items-need-a-supervisor
                when: { attributes.itemPrice: { atLeast: 500 } }
                remedies: [refund]
                grant: { role: agent, upTo: 200 }
              - id: web-orders
                when: "channel == 'web' && attributes.fragile"
                remedies: [refund]
                grant: { role: agent, upTo: 60 }
            """;

    static final Policy POLICY = Policies.parse(BANDS);

    @Test
    void a_number_fact_is_filtered_by_the_bands_its_thresholds_make_with_exact_ends() {
        AuthorityMatrix matrix = AuthorityMatrix.of(POLICY);

        assertThat(matrix.filters()).containsExactly(
                new AuthorityMatrix.Filter("attributes.itemPrice",
                        java.util.List.of("at most 100", "above 100 and below 500", "at least 500")),
                new AuthorityMatrix.Filter("channel", java.util.List.of("web")),
                new AuthorityMatrix.Filter("attributes.fragile", java.util.List.of("true", "false")));
        assertThat(matrix.combined()).isTrue();
    }

    @Test
    void choosing_a_band_or_a_value_changes_the_cells_it_should_and_only_those() {
        AuthorityMatrix matrix = AuthorityMatrix.of(POLICY);

        assertThat(matrix.cell("refund", "agent", "LOW", Map.of())).hasToString("50; beyond: ESCALATE to supervisor");
        assertThat(matrix.cell("refund", "agent", "LOW", Map.of("attributes.itemPrice", "at most 100")))
                .hasToString("50; beyond: ESCALATE to supervisor");
        assertThat(matrix.cell("refund", "agent", "LOW", Map.of("attributes.itemPrice", "above 100 and below 500")))
                .hasToString("80; beyond: ESCALATE to supervisor");
        assertThat(matrix.cell("refund", "agent", "LOW", Map.of("attributes.itemPrice", "at least 500")))
                .hasToString("200; beyond: ESCALATE to supervisor");
        // both facts of the web rule are needed: either alone changes nothing
        assertThat(matrix.cell("refund", "agent", "LOW", Map.of("channel", "web")))
                .hasToString("50; beyond: ESCALATE to supervisor");
        assertThat(matrix.cell("refund", "agent", "LOW", Map.of("channel", "web", "attributes.fragile", "true")))
                .hasToString("60; beyond: ESCALATE to supervisor");
        assertThat(matrix.cell("refund", "agent", "LOW", Map.of("channel", "web", "attributes.fragile", "false")))
                .hasToString("50; beyond: ESCALATE to supervisor");
        assertThat(matrix.cell("refund", "supervisor", "LOW", Map.of("attributes.itemPrice", "at least 500")))
                .hasToString("1000; beyond: DENIED");
        assertThatThrownBy(() -> matrix.cell("refund", "agent", "LOW", Map.of("attributes.itemPrice", "above 9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attributes.itemPrice=above 9");
    }

    @Test
    void the_page_offers_a_select_per_fact_and_each_alternative_names_its_combinations() {
        String html = MatrixPage.of(POLICY).html();

        assertThat(html).contains("<select id=\"filter-attributes.itemPrice\" data-filter=\"0\" "
                        + "data-fact=\"attributes.itemPrice\"><option value=\"\">not given</option>"
                        + "<option value=\"at most 100\">at most 100</option>")
                .contains("<option value=\"above 100 and below 500\">")
                .contains("data-fact=\"channel\"><option value=\"\">any other channel</option>")
                // 0.3: the third band of the first filter
                .containsPattern("data-when=\"[^\"]*\\b0\\.3\\b[^\"]*\" data-value=\"200; beyond: ESCALATE to supervisor\"");
    }

    @Test
    void tables_named_conditions_and_flags_become_filters_and_what_cannot_is_named() {
        AuthorityMatrix eu = AuthorityMatrix.of(Policies.load(Path.of("..", "examples", "policies", "eu261.yaml")));

        assertThat(eu.filters()).extracting(AuthorityMatrix.Filter::fact).contains("attributes.distanceKm",
                "attributes.intraCommunity", "attributes.rerouted", "attributes.extraordinaryCircumstances");
        assertThat(eu.filters()).filteredOn(f -> f.fact().equals("attributes.distanceKm")).singleElement()
                .extracting(AuthorityMatrix.Filter::options).isEqualTo(java.util.List.of("at most 1500",
                        "above 1500 and at most 3500", "above 3500"));
        assertThat(eu.notFiltered()).containsKeys("named.delayHours", "attributes.scheduledArrival",
                "attributes.actualArrival");
        assertThat(eu.cell("compensation", "agent", "LOW",
                Map.of("attributes.extraordinaryCircumstances", "true")).toString()).contains("DENIED");
    }
}
