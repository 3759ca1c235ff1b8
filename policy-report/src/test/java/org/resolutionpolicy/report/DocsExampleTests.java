package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/** The Java examples of docs/matrix.md and docs/history.md, as written there. */
class DocsExampleTests {

    @Test
    void the_authority_table_example(@TempDir Path dir) {
        // docs/matrix.md: "Read the authority table"
        Policy policy = Policies.load(Path.of("../examples/policies/coffee-shop.yaml"));
        AuthorityTable.Role barista = policy.authority().remedy("voucher").orElseThrow().role("barista");
        String line = barista.role() + " may grant " + barista.perGrant() + " per voucher, " + barista.window()
                + "; beyond: " + barista.beyondLimit();
        // barista may grant 10 per voucher, at most 30 in total per customer in P30D; beyond: ESCALATE to shift-lead
        for (AuthorityTable.Grant g : barista.grants()) {
            line += "\n  up to " + g.upTo() + " by " + g.rule() + " when " + g.condition();
        }
        //   up to 20 by gold-members-get-more-latitude when customer.tier one of [GOLD, PLATINUM]

        assertThat(line).isEqualTo("barista may grant 10 per voucher, at most 30 in total per customer in P30D; beyond: "
                + "ESCALATE to shift-lead\n  up to 20 by gold-members-get-more-latitude when customer.tier one of "
                + "[GOLD, PLATINUM]");
    }

    @Test
    void the_matrix_page_example(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("matrix.html");
        // docs/matrix.md: "Write the page from Java"
        Policy policy = Policies.load(Path.of("../examples/policies/coffee-shop.yaml"));
        AuthorityMatrix matrix = AuthorityMatrix.of(policy);
        AuthorityMatrix.Cell gold = matrix.cell("voucher", "barista", "LOW", "GOLD", null);
        // 20; beyond: ESCALATE to shift-lead
        AuthorityMatrix.Cell waited = matrix.cell("free-drink", "barista", "LOW",
                java.util.Map.of("attributes.delayMinutes", "at least 15"));
        // 3; beyond: ESCALATE to shift-lead
        MatrixPage.of(matrix).write(out);

        assertThat(gold).hasToString("20; beyond: ESCALATE to shift-lead");
        assertThat(waited).hasToString("3; beyond: ESCALATE to shift-lead");
        assertThat(Files.readString(out)).contains("Authority matrix: coffee-shop");
    }

    @Test
    void the_page_kit_example() {
        // docs/matrix.md: "The page kit"
        HtmlPage page = HtmlPage.builder("Outcomes by remedy")
                .subtitle("replay of 2026-Q3")
                .add(Html.tag("p").add("Untrusted text is escaped: <b>").html())
                .add(Charts.stackedBars(List.of("ALONE", "ESCALATE", "SWAT", "DENIED"),
                        List.of(new Charts.Bar("refund", 120, 30, 2, 5), new Charts.Bar("voucher", 300, 12, 0, 0))))
                .add(Charts.heatMap(List.of("ALONE", "DENIED"), List.of("ALONE", "DENIED"),
                        new double[][] {{140, 3}, {0, 12}}, null))
                .build();

        assertThat(page.html()).contains("<p>Untrusted text is escaped: &lt;b&gt;</p>")
                .contains("<svg class=\"chart stacked-bars\"").contains("<svg class=\"chart heat-map\"");
    }

    @Test
    void the_report_pages_example(@TempDir Path dir) throws Exception {
        Path replayDir = Path.of("../policy-cli/src/test/resources/replay");
        Policy policy = Policies.load(replayDir.resolve("shop.yaml"));
        Policy edited = Policies.load(replayDir.resolve("shop-edited.yaml"));
        Files.copy(replayDir.resolve("shop-history.jsonl"), dir.resolve("history.jsonl"));
        Path replayHtml = dir.resolve("replay.html");
        Path diffHtml = dir.resolve("diff.html");
        // docs/history.md: "The reports as pages", with the paths in dir
        ReplayReport replay = Replay.of(policy).run(History.of(dir.resolve("history.jsonl")));
        ReplayPage.of(replay, policy).write(replayHtml);
        DiffReport diff = Diff.of(policy, edited).run(History.of(dir.resolve("history.jsonl")));
        DiffPage.of(diff).write(diffHtml);
        // docs/matrix.md: "What an edit changes"
        MatrixDiffPage.of(policy, edited).withHistory(diff).write(dir.resolve("sign-off.html"));

        assertThat(Files.readString(replayHtml)).contains("<svg class=\"chart stacked-bars\"")
                .contains("<g class=\"bar\" data-label=\"refund\">");
        assertThat(Files.readString(diffHtml)).contains("<svg class=\"chart heat-map\"")
                .contains("<title>ESCALATE to manager / ALONE: 1</title>");
        assertThat(Files.readString(dir.resolve("sign-off.html"))).contains("class=\"cell changed-cell\"")
                .contains("<section class=\"priced\">");
    }
}
