package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

class MatrixPageTests {

    static final Policy COFFEE = Policies.load(Path.of("..", "examples", "policies", "coffee-shop.yaml"));

    @Test
    void the_matrix_decides_each_cell_for_every_tier_and_category_the_rules_use() {
        AuthorityMatrix matrix = AuthorityMatrix.of(COFFEE);

        assertThat(matrix.tiers()).containsExactly("GOLD", "PLATINUM");
        // the promotion rule is switched off: no filter for it
        assertThat(matrix.categories()).containsExactly("gift-card");
        assertThat(matrix.cell("voucher", "barista", "LOW", "PLATINUM", null)).isEqualTo(new AuthorityMatrix.Cell(
                Limit.of(20), Beyond.escalate("shift-lead")));
        assertThat(matrix.cell("refund", "shift-lead", "HIGH", null, null)).hasToString("25; beyond: ESCALATE to store-manager");
        assertThat(matrix.cell("refund", "store-manager", "LOW", null, "gift-card")).hasToString("0; beyond: DENIED");
        assertThatThrownBy(() -> matrix.cell("voucher", "barista", "LOW", "SILVER", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier [SILVER]");
    }

    @Test
    void a_follow_up_owed_only_for_some_outcomes_says_so_and_a_computed_limit_shows_its_formula() {
        Policy policy = Policies.parse("""
                policy: follow-ups
                version: "1"
                roles: [agent, supervisor]
                attributes:
                  paid: number
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: "attributes.paid / 2" }
                  supervisor: { refund: 500 }
                rules:
                  - id: credit-when-granted
                    remedies: [refund]
                    followUp: { action: credit-next-bill, within: P7D, when: granted }
                    because: A granted refund is credited on the next bill
                """);

        String html = MatrixPage.of(policy).html();

        assertThat(html).contains("<td>always (refund), only if the outcome is granted</td>")
                .contains("<span class=\"value\">per case: attributes.paid / 2</span>")
                .contains("no typical value stated (no typical case given); "
                        + "a case without those facts: 0; beyond: ESCALATE to supervisor");
        // a typical case: the policy decides it at each cell's role and severity
        String typical = MatrixPage.of(policy).withTypicalCase(org.resolutionpolicy.api.CustomerCase.builder()
                .attribute("paid", new java.math.BigDecimal("41")).propose("refund", 5).build(), "paid 41").html();
        assertThat(typical).contains("typical case (paid 41): 20.5; beyond: ESCALATE to supervisor")
                .doesNotContain("no typical value");
        // one that lacks the fact: said, never a 0 as if it were its value
        String lacking = MatrixPage.of(policy).withTypicalCase(org.resolutionpolicy.api.CustomerCase.builder()
                .build(), "empty.yaml").html();
        assertThat(lacking).contains("no typical value: the typical case (empty.yaml) does not give attributes.paid; "
                + "a case without those facts: 0; beyond: ESCALATE to supervisor");
    }

    @Test
    void the_page_is_self_contained() {
        String html = MatrixPage.of(COFFEE).html();

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain(" src=").doesNotContain(" href=")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("<link");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void without_its_script_the_page_shows_the_cells_for_any_other_tier_and_category() {
        String html = MatrixPage.of(COFFEE).html();

        // the plain case's alternative comes first and shows; GOLD (option 1 of filter 0, the tier) is hidden
        assertThat(html).containsPattern("<td class=\"cell\" data-cell=\"voucher\\|barista\\|LOW\"><span class=\"alt\" "
                + "data-when=\"- [^\"]*\" data-value=\"10; beyond: ESCALATE to shift-lead\" style=\"[^\"]*\">");
        assertThat(html).containsPattern("data-when=\"0\\.1[ \"][^\"]*\" data-value=\"20; beyond: ESCALATE to shift-lead\" "
                + "style=\"[^\"]*\" hidden");
    }

    @Test
    void lists_the_grants_that_raise_a_limit_with_their_conditions() {
        String html = MatrixPage.of(COFFEE).html();

        assertThat(html).contains("<li data-grant=\"gold-members-get-more-latitude\"><b>up to 20</b> by "
                + "gold-members-get-more-latitude when customer.tier one of [GOLD, PLATINUM]</li>");
        assertThat(html).contains("data-rule=\"summer-promo-misfire\"");
    }

    @Test
    void shows_the_severity_scale_of_a_policy_that_has_one_and_none_otherwise() {
        Policy scaled = Policies.parse("""
                policy: delays
                version: "1"
                roles: [agent, duty-manager]
                remedies: { voucher: { unit: money } }
                authority: { agent: { voucher: 50 }, duty-manager: { voucher: unlimited } }
                severityScale:
                  - id: safety-is-critical
                    when: { impact.safetyIssue: true }
                    severity: CRITICAL
                    because: Anything touching safety is critical
                """);

        String html = MatrixPage.of(scaled).html();

        assertThat(html).contains("<h2>Severity scale</h2>").contains("safety-is-critical").contains("CRITICAL")
                .contains("Anything touching safety is critical");
        assertThat(MatrixPage.of(COFFEE).html()).doesNotContain("Severity scale");
    }
}
