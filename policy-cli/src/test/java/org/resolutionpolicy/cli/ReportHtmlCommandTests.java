package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.cli.PolicyCliTests.Run;

/** {@code --format html} of {@code policy replay} and {@code policy diff}, and nowhere else. */
class ReportHtmlCommandTests extends ShopFiles {

    @Test
    void replay_writes_a_page_with_the_outcome_bars_to_the_out_file() throws IOException {
        Path out = dir.resolve("replay.html");

        Run r = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString(), "--format", "html",
                "--out", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("<title>Replay: shop 1</title>")
                .contains("<svg class=\"chart stacked-bars\"").contains("<g class=\"bar\" data-label=\"refund\">")
                .contains("<td>refund</td><td class=\"num\">1</td><td class=\"num\">4</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">1</td>");
    }

    @Test
    void diff_prints_a_page_with_the_transition_heat_map_and_still_exits_1_for_a_change() {
        Run r = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                history.toString(), "--format", "html");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<title>Diff: shop 1 \u2192 shop 2</title>")
                .contains("<svg class=\"chart heat-map\"")
                .contains("<title>ESCALATE to manager / ALONE: 1</title>")
                .contains("<td>refund</td><td>ESCALATE to manager</td><td>ALONE</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">100</td><td>authority (1)</td><td>C-6</td>");
    }

    @Test
    void html_is_a_usage_error_for_the_other_commands_and_for_a_proof() {
        Run decide = PolicyCliTests.run("test", shop.toString(), "--format", "html");
        Run prove = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--prove",
                "--format", "html");

        assertThat(decide.exit()).isEqualTo(2);
        assertThat(decide.err()).contains("--format").contains("html");
        assertThat(prove.exit()).isEqualTo(2);
        assertThat(prove.err()).contains("--prove takes --format text or json, not [html]");
    }
}
