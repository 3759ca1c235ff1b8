package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DecisionLogSummaryTests {

    @Test
    void counts_decision_lines_and_passes_over_the_reload_and_shadow_lines() throws IOException {
        String log = String.join("\n",
                "{\"decisionId\":\"a\",\"policy\":\"shop\",\"version\":\"v10\",\"revision\":\"v10@1\",\"case\":\"C1\","
                        + "\"employeeRole\":\"agent\",\"swat\":false,\"proposals\":[{\"remedy\":\"refund\",\"amount\":1,"
                        + "\"outcome\":\"ALONE\",\"rules\":[]}],\"followUps\":[]}",
                "{\"reload\":\"FAILED\",\"policy\":\"shop\",\"problems\":[\"policy.yaml:7:3: error: unknown role [agnet]\"]}",
                "{\"reload\":\"LOADED\",\"policy\":\"shop\",\"revision\":\"v50@2\"}",
                "{\"shadow\":\"AGREED\",\"decisionId\":\"a\",\"sequence\":1,\"candidate\":{\"policy\":\"shop\","
                        + "\"version\":\"v60\"},\"moves\":[]}",
                "{\"decisionId\":\"b\",\"policy\":\"shop\",\"version\":\"v50\",\"revision\":\"v50@2\",\"case\":\"C2\","
                        + "\"employeeRole\":\"agent\",\"swat\":false,\"proposals\":[{\"remedy\":\"refund\",\"amount\":1,"
                        + "\"outcome\":\"ALONE\",\"rules\":[]}],\"followUps\":[]}");

        DecisionLogSummary summary = DecisionLogSummary.read(new BufferedReader(new StringReader(log)));

        assertThat(summary.decisions()).isEqualTo(2);
        assertThat(summary.malformedLines()).isEmpty();
    }

    @Test
    void counts_every_malformed_line_and_names_the_first_hundred() throws IOException {
        String log = "not a decision\n".repeat(20_000);

        DecisionLogSummary summary = DecisionLogSummary.read(new BufferedReader(new StringReader(log)));

        assertThat(summary.malformedCount()).isEqualTo(20_000);
        assertThat(summary.malformedLines()).hasSize(DecisionLogSummary.MALFORMED_SAMPLES).startsWith(1L, 2L)
                .endsWith(100L);
    }
}
