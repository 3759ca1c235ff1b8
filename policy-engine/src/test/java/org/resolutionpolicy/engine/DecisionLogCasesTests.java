package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.DecisionLog.Masking;
import org.resolutionpolicy.api.Employee;
import org.resolutionpolicy.format.json.CaseJsonReader;

/** A decision log opened with cases is a history: each line carries its case, ids masked as the line's. */
class DecisionLogCasesTests {

    private static String line(DecisionLog.Options options) {
        StringWriter out = new StringWriter();
        DecisionLog log = DecisionLog.jsonLines(out, options);
        DecisionLogTests.POLICY.withListener(log).decide(DecisionLogTests.EXAMPLE);
        log.close();
        return out.toString().strip();
    }

    private static CustomerCase replayed(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return CaseJsonReader.readLine(bytes, 0, bytes.length, "decisions.jsonl", 1).orElseThrow();
    }

    @Test
    void without_the_option_a_line_has_no_case() {
        assertThat(DecisionLog.Options.DEFAULTS.cases()).isFalse();
        assertThat(DecisionLogTests.parse(line(DecisionLog.Options.DEFAULTS))).doesNotContainKey("input");
    }

    @Test
    void with_the_option_the_line_carries_its_case_last_and_replays_to_the_same_case() {
        String line = line(new DecisionLog.Options(Masking.KEEP, Masking.KEEP, Masking.KEEP, "").withCases());

        Map<String, Object> r = DecisionLogTests.parse(line);
        assertThat(r.keySet()).endsWith("followUps", "input");
        assertThat(replayed(line)).isEqualTo(DecisionLogTests.EXAMPLE);
    }

    @Test
    void the_case_is_masked_as_the_line_is() {
        String line = line(new DecisionLog.Options(Masking.HASH, Masking.DROP, Masking.KEEP, "pepper").withCases());

        Map<String, Object> r = DecisionLogTests.parse(line);
        CustomerCase c = replayed(line);
        assertThat(line).doesNotContain("K-7").doesNotContain("E-17");
        assertThat(c.customer().id()).isEqualTo(r.get("customer")).asString().startsWith("sha256:");
        assertThat(c.employee()).isEqualTo(new Employee(null, "barista"));
        assertThat(c.id()).isEqualTo("C-1042");
        assertThat(c.customer().tier()).isEqualTo(DecisionLogTests.EXAMPLE.customer().tier());
        assertThat(c.proposals()).isEqualTo(DecisionLogTests.EXAMPLE.proposals());
        assertThat(c.customer().history()).isEqualTo(DecisionLogTests.EXAMPLE.customer().history());
    }
}
