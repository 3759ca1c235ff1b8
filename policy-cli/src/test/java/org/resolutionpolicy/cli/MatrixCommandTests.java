package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.cli.PolicyCliTests.Run;

@DisplayName("policy matrix")
class MatrixCommandTests {

    static final Path COFFEE = Path.of("..", "examples", "policies", "coffee-shop.yaml");

    static Run run(String... args) {
        return PolicyCliTests.run(args);
    }

    @Test
    void writes_the_page_to_the_file_given_with_out(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("reports").resolve("matrix.html");

        Run r = run("matrix", COFFEE.toString(), "--out", page.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("wrote " + page + " (matrix of policy coffee-shop 2026.11@");
        assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>")
                .contains("<h1>Authority matrix: coffee-shop</h1>")
                .contains("data-cell=\"voucher|barista|LOW\"");
    }

    @Test
    void prints_the_page_without_out() {
        Run r = run("matrix", COFFEE.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void takes_the_sources_of_a_mixed_policy_together() {
        Run r = run("matrix", Path.of("..", "examples", "policies", "drl", "coffee-shop-mixed").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("data-rule=\"no-refunds-on-gift-cards\"");
    }

    @Test
    void reports_the_problems_of_a_broken_policy_and_writes_nothing(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "policy: broken\nversion: \"1\"\nroles: []\n");
        Path page = dir.resolve("matrix.html");

        Run r = run("matrix", broken.toString(), "--out", page.toString());

        assertThat(r.exit()).as("an input error, not an answer").isEqualTo(2);
        assertThat(r.err()).contains(broken + ":");
        assertThat(page).doesNotExist();
    }

    @Test
    void a_missing_policy_is_a_usage_error() {
        Run r = run("matrix", "no-such-policy.yaml");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or directory [no-such-policy.yaml]");
    }

    static final Path PINNED = Path.of("src", "test", "resources", "replay", "pinned");

    @Test
    void against_an_edit_draws_what_changes_cell_by_cell_and_with_a_history_prices_it(@TempDir Path dir)
            throws IOException {
        Path page = dir.resolve("sign-off.html");

        Run r = run("matrix", PINNED.resolve("coffee-shop.yaml").toString(), "--against",
                PINNED.resolve("coffee-shop-edited.yaml").toString(), "--history",
                PINNED.resolve("history.jsonl.gz").toString(), "--on-bad-line", "skip", "--out", page.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + page + " (matrix diff of policy coffee-shop ")
                .contains("cells change)");
        assertThat(Files.readString(page)).contains("<h1>Matrix diff: coffee-shop 2026.11 \u2192 coffee-shop")
                .contains("<td data-cell=\"voucher|barista|LOW\" data-changed=\"true\" class=\"cell changed-cell\">")
                .contains("<section class=\"priced\">").doesNotContain("<script");
    }

    @Test
    void a_history_without_an_edit_is_a_usage_error() {
        Run r = run("matrix", COFFEE.toString(), "--history", PINNED.resolve("history.jsonl.gz").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--history prices an edit: give the edited policy with --against NEW");
    }

    @Test
    void a_typical_case_gives_a_computed_limit_its_value_beside_the_formula(@TempDir Path dir) throws IOException {
        Path policy = Files.writeString(dir.resolve("paid.yaml"), """
                policy: paid
                version: "1"
                roles: [agent, supervisor]
                attributes: { paid: number }
                remedies: { refund: { unit: money } }
                authority:
                  agent: { refund: "attributes.paid / 2" }
                  supervisor: { refund: 500 }
                """);
        Path typical = Files.writeString(dir.resolve("typical.yaml"), "id: T-1\nattributes: { paid: 41 }\n");
        Path page = dir.resolve("matrix.html");

        Run r = run("matrix", policy.toString(), "--typical-case", typical.toString(), "--out", page.toString());
        Run without = run("matrix", policy.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(page)).contains("per case: attributes.paid / 2")
                .contains("typical case (typical.yaml): 20.5; beyond: ESCALATE to supervisor");
        assertThat(without.out()).contains("no typical value stated (no typical case given)");
        assertThat(run("matrix", policy.toString(), "--typical-case", typical.toString(), "--against",
                policy.toString()).err()).contains("--typical-case is for the matrix of one policy");
    }
}
