package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.cli.PolicyCliTests.Run;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code policy shadow-summary} over the shadow log of the shop's cases served with the edit in shadow prints what
 * {@code policy diff} prints over the same cases, in every format.
 */
class ShadowSummaryCommandTests extends ShopFiles {

    Path cases;
    Path log;

    @BeforeEach
    void shadow() throws Exception {
        List<String> lines = Files.readAllLines(history).stream().filter(l -> !l.isBlank()).toList();
        cases = Files.write(dir.resolve("cases.jsonl"), lines);
        log = dir.resolve("shadow.jsonl");
        ShadowLog.Options keepIds = new ShadowLog.Options(new DecisionLog.Options(DecisionLog.Masking.KEEP,
                DecisionLog.Masking.KEEP, DecisionLog.Masking.KEEP, ""), 0);
        try (ShadowLog shadowLog = ShadowLog.jsonLines(log, keepIds);
             ShadowPolicy policy = Policies.shadow(Policies.load(shop)).candidate(Policies.load(edited))
                     .listener(shadowLog).build()) {
            for (String line : lines) {
                policy.decide(Cases.parse(line));
            }
            assertThat(policy.awaitIdle(Duration.ofMinutes(2))).isTrue();
        }
    }

    @Test
    void prints_the_text_report_of_policy_diff_over_the_same_cases() {
        Run summary = PolicyCliTests.run("shadow-summary", log.toString());
        Run diff = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                cases.toString());

        assertThat(summary.exit()).isEqualTo(diff.exit()).isEqualTo(1);
        assertThat(summary.err()).isEmpty();
        assertThat(summary.out()).contains("C-6").isEqualTo(diff.out().replace(cases.toString(), log.toString()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prints_the_json_report_of_policy_diff_to_a_file() throws IOException {
        Path out = dir.resolve("summary.json");
        Run summary = PolicyCliTests.run("shadow-summary", log.toString(), "--format", "json", "--out",
                out.toString());
        Run diff = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                cases.toString(), "--format", "json");

        assertThat(summary.exit()).isEqualTo(1);
        assertThat(summary.out()).isEmpty();
        Map<String, Object> fromLog = new Yaml().load(Files.readString(out));
        Map<String, Object> fromDiff = new Yaml().load(diff.out());
        fromLog.remove("history");
        fromDiff.remove("history");
        assertThat(fromLog).containsEntry("changedCases", 2).isEqualTo(fromDiff);
    }

    @Test
    void prints_the_html_page_of_policy_diff() {
        Run summary = PolicyCliTests.run("shadow-summary", log.toString(), "--format", "html");

        assertThat(summary.exit()).isEqualTo(1);
        assertThat(summary.out()).startsWith("<!DOCTYPE html>").contains("C-6");
    }

    @Test
    void a_decision_log_is_refused_with_its_line_and_a_hint() throws IOException {
        Path decisions = Files.writeString(dir.resolve("decisions.jsonl"), "{\"decisionId\": \"d-1\"}\n");

        Run r = PolicyCliTests.run("shadow-summary", decisions.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("line 1").contains("policy log-summary");
    }
}
