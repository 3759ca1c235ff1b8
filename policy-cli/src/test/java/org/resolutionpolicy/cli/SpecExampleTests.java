package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolutionpolicy.cli.PolicyCliTests.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.cli.PolicyCliTests.Run;
import org.yaml.snakeyaml.Yaml;

/**
 * The example of the policy-format guide end to end. {@code spec/coffee-shop.yaml} and {@code spec/c-1042.yaml}
 * are the guide's policy and case, copied verbatim; {@code spec/c-1042.decision.json} is the guide's
 * {@code decide --format json} example, its {@code "..."} reasons replaced by the rules' {@code because} sentences.
 */
@DisplayName("the policy-format guide's example")
class SpecExampleTests {

    static final Path POLICY = resource("coffee-shop.yaml");
    static final Path CASE = resource("c-1042.yaml");
    static final Path DECISION = resource("c-1042.decision.json");

    static Path resource(String name) {
        try {
            return Path.of(SpecExampleTests.class.getResource("/spec/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decide_json_reproduces_the_guides_decision_field_for_field_and_in_order() throws IOException {
        // when
        Run r = run("decide", POLICY.toString(), "--case", CASE.toString(), "--format", "json");

        // then
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        Object actual = new Yaml().load(r.out());
        Object expected = new Yaml().load(Files.readString(DECISION));
        assertThat(actual).isEqualTo(expected);
        // the parser keeps maps in LinkedHashMaps, whose toString follows key order at every level
        assertThat(actual).hasToString(expected.toString());
    }

    @Test
    void decide_json_prints_amounts_as_plain_integers_and_omits_absent_fields() {
        Run r = run("decide", POLICY.toString(), "--case", CASE.toString(), "--format", "json");

        assertThat(r.out()).contains("\"amount\": 15,").contains("\"amount\": 80,")
                .doesNotContain("15.0").doesNotContain("E+").doesNotContain("null")
                // the apology has no amount, and no follow-up owner was given
                .doesNotContain("\"owner\"");
    }

    @Test
    void decide_text_prints_aligned_rows_with_reasons_wrapped_to_100_columns_and_the_follow_up() {
        Run r = run("decide", POLICY.toString(), "--case", CASE.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "coffee-shop 2026.11 | case C-1042 | HIGH late-order | employee barista",
                "  REMEDY   AMOUNT  OUTCOME                    REASONS",
                "  voucher  15      ALONE                      gold-members-get-more-latitude: Gold and Platinum",
                "                                                members may get a larger voucher at the counter",
                "  refund   80      ESCALATE to store-manager  high-severity-refunds-need-a-manager: High-severity",
                "                                                refunds over $50 are reviewed by the store manager",
                "  apology          ALONE",
                "  follow-up: senior-management-call within P2D (out-of-pocket-callback)");
        assertThat(r.out().lines()).allMatch(line -> line.length() <= 100);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_guides_case_without_proposals_is_answered_with_latitude(@TempDir Path dir) throws IOException {
        // given
        String text = Files.readString(CASE);
        Path latitude = Files.writeString(dir.resolve("latitude.yaml"), text.substring(0, text.indexOf("proposals:")));

        // when
        Run json = run("decide", POLICY.toString(), "--case", latitude.toString(), "--format", "json");
        Run table = run("decide", POLICY.toString(), "--case", latitude.toString());

        // then
        assertThat(json.exit()).isZero();
        Map<String, Object> decision = new Yaml().load(json.out());
        assertThat(List.copyOf(decision.keySet()))
                .containsExactly("policy", "version", "revision", "case", "employeeRole", "swat", "latitude", "followUps");
        assertThat((List<Map<String, Object>>) decision.get("latitude")).containsExactly(
                Map.of("remedy", "apology", "aloneUpTo", "unlimited"),
                Map.of("remedy", "free-drink", "aloneUpTo", 2),
                // 20 by the gold grant, and 30 in 30 days minus the 10 already given
                Map.of("remedy", "voucher", "aloneUpTo", 20, "approverBeyond", "shift-lead"),
                Map.of("remedy", "refund", "aloneUpTo", 0, "approverBeyond", "shift-lead"),
                Map.of("remedy", "discount", "aloneUpTo", 0, "approverBeyond", "store-manager"));
        assertThat(table.exit()).isZero();
        assertThat(table.out()).containsPattern(" +REMEDY +ALONE UP TO +BEYOND")
                .containsPattern("\\n +apology +unlimited +no limit\\n")
                .containsPattern("\\n +free-drink +2 +DENIED\\n")
                .containsPattern("\\n +voucher +20 +ESCALATE to shift-lead\\n")
                .containsPattern("\\n +discount +0 +ESCALATE to store-manager\\n")
                .contains("follow-up: senior-management-call within P2D (out-of-pocket-callback)");
    }

    @Test
    void validate_accepts_the_guides_policy_and_warns_about_its_disabled_rule() {
        Run r = run("validate", POLICY.toString());
        Run strict = run("validate", "--strict", POLICY.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(2).first().asString()
                .startsWith(POLICY + ":68:").contains(": warning: rule [summer-promo-misfire]");
        assertThat(r.out()).endsWith("ok: " + POLICY + " (policy coffee-shop 2026.11, 1 warning)\n");
        assertThat(strict.exit()).isEqualTo(1);
    }
}
