package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Explanation.Failure;
import org.resolutionpolicy.api.Explanation.Failure.Kind;
import org.resolutionpolicy.api.Explanation.Failure.Reading;

@DisplayName("an explanation failure holds typed fields and renders the prose explanations always showed")
class FailureTests {

    @Test
    void a_value_test_on_a_present_fact_shows_the_value_seen_in_brackets() {
        Failure f = Failure.value("customer.tier", "SILVER", "one of [GOLD, PLATINUM]");

        assertThat(f.kind()).isEqualTo(Kind.VALUE);
        assertThat(f.subject()).isEqualTo("customer.tier");
        assertThat(f.seen()).isEqualTo("SILVER");
        assertThat(f.wanted()).isEqualTo("one of [GOLD, PLATINUM]");
        assertThat(f.text()).isEqualTo("customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]");
        assertThat(f).hasToString(f.text());
    }

    @Test
    void a_value_test_on_an_absent_fact_has_no_value_seen() {
        Failure f = Failure.value("attributes.delayHours", null, "at least [3] and below [48]");

        assertThat(f.seen()).isNull();
        assertThat(f.text()).isEqualTo("attributes.delayHours was absent, wanted at least [3] and below [48]");
    }

    @Test
    void a_presence_test_says_present_or_absent_both_ways() {
        Failure wantedPresent = Failure.presence("attributes.store", false);
        Failure wantedAbsent = Failure.presence("attributes.store", true);

        assertThat(wantedPresent.kind()).isEqualTo(Kind.PRESENCE);
        assertThat(wantedPresent.seen()).isNull();
        assertThat(wantedPresent.wanted()).isEqualTo("present");
        assertThat(wantedPresent.text()).isEqualTo("attributes.store was absent, wanted present");
        assertThat(wantedAbsent.seen()).isEqualTo("present");
        assertThat(wantedAbsent.text()).isEqualTo("attributes.store was present, wanted absent");
    }

    @Test
    void an_expression_lists_the_values_it_read_absent_ones_as_absent() {
        Failure f = Failure.expression("(impact.socialReach >= 10000) || impact.legalThreat",
                List.of(new Reading("impact.socialReach", null), new Reading("impact.legalThreat", "false")));

        assertThat(f.kind()).isEqualTo(Kind.EXPRESSION);
        assertThat(f.values()).extracting(Reading::name).containsExactly("impact.socialReach", "impact.legalThreat");
        assertThat(f.text()).isEqualTo("(impact.socialReach >= 10000) || impact.legalThreat was false, "
                + "with impact.socialReach absent, impact.legalThreat = [false]");
    }

    @Test
    void an_expression_that_read_nothing_is_only_false() {
        assertThat(Failure.expression("1 > 2", List.of()).text()).isEqualTo("1 > 2 was false");
    }

    @Test
    void a_rule_from_drl_is_not_explained_condition_by_condition() {
        Failure f = Failure.unexplained("refunds-checked");

        assertThat(f.kind()).isEqualTo(Kind.UNEXPLAINED);
        assertThat(f.subject()).isEqualTo("refunds-checked");
        assertThat(f.text())
                .isEqualTo("its DRL conditions did not match (DRL rules are not explained condition by condition)");
    }

    @Test
    void needs_a_kind_and_a_subject() {
        assertThatThrownBy(() -> new Failure(null, "x", null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("kind must not be null");
        assertThatThrownBy(() -> new Failure(Kind.VALUE, null, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("subject must not be null");
        assertThat(new Failure(Kind.VALUE, "x", null, "[1]", null).values()).isEmpty();
    }
}
