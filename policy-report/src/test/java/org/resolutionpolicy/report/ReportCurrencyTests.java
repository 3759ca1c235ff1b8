package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/** Every rendering of a replay and a diff says the currency of its money, and none invents one. */
class ReportCurrencyTests {

    private static final String HISTORY = """
            {"id": "C-1", "severity": "LOW", "employee": {"role": "clerk"}, "proposals": [{"remedy": "refund", "amount": 30}]}
            {"id": "C-2", "severity": "LOW", "employee": {"role": "clerk"}, "proposals": [{"remedy": "refund", "amount": 80}]}
            """;

    private static Policy shop(String currency, String version, int clerkLimit) {
        return Policies.compile(List.of(PolicySource.of("shop.yaml", "policy: shop\nversion: \"" + version + "\"\n"
                + (currency == null ? "" : "currency: " + currency + "\n")
                + "roles: [clerk, manager]\nremedies:\n  refund: { unit: money }\n"
                + "authority:\n  clerk: { refund: " + clerkLimit + " }\n  manager: { refund: 500 }\n")));
    }

    private static History history() {
        return History.of("history.jsonl", new ByteArrayInputStream(HISTORY.getBytes(StandardCharsets.UTF_8)));
    }

    private static ReplayReport replay(String currency) {
        return Replay.of(shop(currency, "1", 50)).run(history());
    }

    private static DiffReport diff(String currency) {
        return Diff.of(shop(currency, "1", 50), shop(currency, "2", 100)).run(history());
    }

    @Test
    void a_replay_says_its_currency_in_text_json_html_and_the_summary() {
        ReplayReport r = replay("EUR");

        assertThat(ReportFormat.text(r)).contains("\nmoney per remedy (EUR):\n");
        assertThat(JsonText.pretty(ReportFormat.json(r))).contains("\"currency\": \"EUR\"");
        assertThat(ReportFormat.json(r)).containsEntry("currency", "EUR");
        assertThat(ReplayPage.of(r).html()).contains("<h2>Money per remedy, by outcome (EUR)</h2>")
                .contains("amounts in EUR").contains("<td class=\"num\">30 EUR</td>");
        assertThat(ReportSummary.text(r)).contains("money (EUR) 30 / 80 / 0 / 0");
    }

    @Test
    void a_diff_says_its_currency_in_text_json_html_and_the_summary() {
        DiffReport d = diff("USD");

        assertThat(ReportFormat.text(d)).contains("  money 80 USD  ").contains("\nmoney that moves (USD):\n");
        assertThat(ReportFormat.json(d)).containsEntry("currency", "USD");
        assertThat(DiffPage.of(d).html()).contains("<h2>Money that moves (USD)</h2>")
                .contains("<th class=\"num\">money of those proposals</th>").contains("80 USD</td>")
                .contains("amounts in USD");
        assertThat(ReportSummary.text(d)).contains("  money (USD) refund ");
    }

    @Test
    void a_report_whose_policy_and_cases_name_no_currency_names_none() {
        ReplayReport r = replay(null);
        DiffReport d = diff(null);

        assertThat(r.currency()).isNull();
        assertThat(d.currency()).isNull();
        assertThat(ReportFormat.text(r)).contains("\nmoney per remedy:\n");
        assertThat(ReportFormat.json(r)).doesNotContainKey("currency");
        assertThat(ReportFormat.text(d)).contains("  money 80  ").contains("\nmoney that moves:\n");
        assertThat(ReportFormat.json(d)).doesNotContainKey("currency");
        assertThat(ReplayPage.of(r).html()).contains("<h2>Money per remedy, by outcome</h2>")
                .doesNotContain("amounts in");
        assertThat(DiffPage.of(d).html()).contains("<h2>Money that moves</h2>").doesNotContain("amounts in");
    }
}
