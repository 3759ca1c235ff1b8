package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/** Replay and diff reports say how many cases were decided at each severity, and a diff what a new scale moved. */
class SeverityReportTests {

    static final String POLICY = """
            policy: delays
            version: "1"
            roles: [agent, duty-manager]
            remedies: { voucher: { unit: money } }
            authority: { agent: { voucher: 50 }, duty-manager: { voucher: unlimited } }
            rules:
              - id: critical-goes-to-the-duty-manager
                when: { severity: CRITICAL }
                require: duty-manager
                because: Critical cases are the duty manager's
            """;
    static final String SCALE = """
            severityScale:
              - id: safety-is-critical
                when: { impact.safetyIssue: true }
                severity: CRITICAL
            """;
    static final String HISTORY = """
            {"id": "D-1", "severity": "LOW", "employee": {"role": "agent"}, "proposals": [{"remedy": "voucher", "amount": 10}]}
            {"id": "D-2", "severity": "LOW", "employee": {"role": "agent"}, "impact": {"safetyIssue": true}, "proposals": [{"remedy": "voucher", "amount": 10}]}
            """;

    static History history() {
        return History.of("history.jsonl", new ByteArrayInputStream(HISTORY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_replay_report_shows_the_cases_at_each_severity_used() {
        ReplayReport r = Replay.of(Policies.parse(POLICY + SCALE)).run(history());

        assertThat(ReportFormat.text(r)).contains("cases by the severity used:\n         1  LOW\n         1  CRITICAL\n");
        assertThat(ReportFormat.json(r)).containsEntry("severities", java.util.Map.of("LOW", 1L, "CRITICAL", 1L));
        assertThat(ReplayPage.of(r).html()).contains("Cases by the severity used");
    }

    @Test
    void a_diff_report_shows_the_cases_a_new_scale_moves_and_nothing_when_none_move() {
        Policy before = Policies.parse(POLICY);
        DiffReport moved = Diff.of(before, Policies.parse(POLICY + SCALE)).run(history());
        DiffReport same = Diff.of(before, before).run(history());

        assertThat(ReportFormat.text(moved)).contains("cases by the severity used:")
                .containsPattern("LOW +2 -> 1 +\\(-1\\)").containsPattern("CRITICAL +0 -> 1 +\\(\\+1\\)");
        assertThat(DiffPage.of(moved).html()).contains("Cases by the severity used");
        assertThat(ReportFormat.text(same)).doesNotContain("severity used");
        assertThat(DiffPage.of(same).html()).doesNotContain("Cases by the severity used");
    }
}
