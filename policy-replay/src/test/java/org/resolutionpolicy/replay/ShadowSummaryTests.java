package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.api.ShadowStatus;

/**
 * A service runs the shop policy with its edit in shadow over generated traffic: the served decisions are those of
 * the shop policy alone, every disagreement is in the shadow log and the shadow's counts, and the summary of the log
 * is the report {@code policy diff} gives over the same cases as a history.
 */
class ShadowSummaryTests {

    /** The ids as they are, so that the summary's samples name the cases the diff's name. */
    private static final ShadowLog.Options KEEP_IDS = new ShadowLog.Options(new DecisionLog.Options(
            DecisionLog.Masking.KEEP, DecisionLog.Masking.KEEP, DecisionLog.Masking.KEEP, ""), 0);

    /** Returns generated cases of the shop's vocabulary as history lines, one in 20 without proposals. */
    static List<String> traffic(int n, long seed) {
        Random random = new Random(seed);
        String[] severities = {"LOW", "MEDIUM", "HIGH"};
        String[] roles = {"clerk", "clerk", "clerk", "manager", "director"};
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            StringBuilder c = new StringBuilder("{\"id\": \"S-" + i + "\", \"severity\": \""
                    + severities[random.nextInt(3)] + "\"");
            if (random.nextInt(10) == 0) {
                c.append(", \"category\": \"gift-card\"");
            }
            c.append(", \"employee\": {\"role\": \"").append(roles[random.nextInt(roles.length)]).append("\"}");
            if (random.nextInt(3) == 0) {
                c.append(", \"impact\": {\"outOfPocket\": ").append(random.nextInt(120));
                c.append(random.nextInt(15) == 0 ? ", \"socialReach\": 20000}" : "}");
            }
            if (random.nextInt(20) != 0) {
                c.append(", \"proposals\": [{\"remedy\": \"refund\", \"amount\": ")
                        .append(random.nextInt(300)).append('.').append(random.nextInt(10)).append('0').append('}');
                if (random.nextBoolean()) {
                    c.append(", {\"remedy\": \"apology\"}");
                }
                c.append(']');
            }
            lines.add(c.append('}').toString());
        }
        return lines;
    }

    /** What a run of the service gave: the served decisions, the shadow's status and its log. */
    record Run(List<Decision> served, ShadowStatus status, String log, List<ShadowResult> results) {
    }

    static Run serve(Policy serving, Policy candidate, List<String> lines, ShadowLog.Options options) throws Exception {
        StringWriter out = new StringWriter();
        ConcurrentLinkedQueue<ShadowResult> results = new ConcurrentLinkedQueue<>();
        List<Decision> served = new ArrayList<>();
        ShadowStatus status;
        try (ShadowLog log = ShadowLog.jsonLines(out, options);
             ShadowPolicy shadow = Policies.shadow(serving).candidate(candidate).queueCapacity(lines.size())
                     .workers(2).listener(log).listener(results::add).build()) {
            for (String line : lines) {
                served.add(shadow.decide(Cases.parse(line)));
            }
            assertThat(shadow.awaitIdle(Duration.ofMinutes(2))).as("the shadow drained its queue").isTrue();
            status = shadow.status();
        }
        return new Run(served, status, out.toString(), List.copyOf(results));
    }

    static DiffReport diff(Policy before, Policy after, List<String> lines) {
        return Diff.of(before, after).onBadLine(BadLines.SKIP).run(ReplayTests.history(String.join("\n", lines)));
    }

    static ShadowLogSummary summary(String log) {
        return ShadowLogSummary.read(new BufferedReader(new StringReader(log)), "history.jsonl");
    }

    @Nested
    @DisplayName("a service with the edit in shadow")
    class Service {

        final List<String> lines = traffic(600, 42);

        @Test
        void serves_exactly_the_decisions_of_the_serving_policy_alone() throws Exception {
            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, KEEP_IDS);

            List<Decision> alone = lines.stream().map(l -> ReplayTests.SHOP.decide(Cases.parse(l))).toList();
            assertThat(run.served()).isEqualTo(alone);
            assertThat(run.served()).allSatisfy(d -> assertThat(d.policyVersion()).isEqualTo("1"));
        }

        @Test
        void logs_and_counts_every_disagreement() throws Exception {
            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, KEEP_IDS);

            long disagreements = run.results().stream().filter(r -> r.kind() == ShadowResult.Kind.DISAGREED).count();
            long logged = run.log().lines().filter(l -> l.startsWith("{\"shadow\":\"DISAGREED\"")).count();
            assertThat(disagreements).isPositive();
            assertThat(logged).isEqualTo(disagreements);
            assertThat(run.status().disagreed()).isEqualTo(disagreements);
            assertThat(run.status().agreed() + run.status().disagreed()).isEqualTo(lines.size());
            assertThat(run.status().dropped()).isZero();
            assertThat(run.status().state()).isEqualTo(ShadowStatus.State.RUNNING);
            assertThat(run.log().lines().filter(l -> l.startsWith("{\"shadow\":\"AGREED\""))).isEmpty();
        }

        @Test
        void the_summary_of_the_shadow_log_is_the_diff_over_the_same_cases() throws Exception {
            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, KEEP_IDS);

            DiffReport summary = summary(run.log()).report();
            DiffReport diff = diff(ReplayTests.SHOP, DiffTests.EDITED, lines);

            assertThat(diff.changedCases()).isPositive();
            assertThat(diff.changedCases()).isEqualTo(run.status().disagreed());
            assertThat(summary).isEqualTo(diff);
        }

        @Test
        void sampled_agreements_are_logged_in_full_and_counted_once() throws Exception {
            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, KEEP_IDS.withAgreementSample(0.1));

            long sampled = run.log().lines().filter(l -> l.startsWith("{\"shadow\":\"AGREED\"")).count();
            assertThat(sampled).isBetween(run.status().agreed() / 10 - 5, run.status().agreed() / 10 + 5);
            assertThat(summary(run.log()).report()).isEqualTo(diff(ReplayTests.SHOP, DiffTests.EDITED, lines));
        }

        @Test
        void a_case_the_candidate_refuses_is_a_refusal_of_its_own_and_a_skipped_line_of_the_summary()
                throws Exception {
            Policy withoutApology = Policies.parse(ReplayTests.resource("shop-edited.yaml")
                    .replace("  apology: { unit: none }\n", "").replace(", apology: unlimited", ""));

            Run run = serve(ReplayTests.SHOP, withoutApology, lines, KEEP_IDS);

            assertThat(run.status().refused()).isPositive();
            assertThat(run.log().lines().filter(l -> l.startsWith("{\"shadow\":\"REFUSED\"")).count())
                    .isEqualTo(run.status().refused());
            DiffReport summary = summary(run.log()).report();
            DiffReport diff = diff(ReplayTests.SHOP, withoutApology, lines);
            assertThat(summary.skippedLines()).isEqualTo(run.status().refused()).isEqualTo(diff.skippedLines());
            assertThat(summary).isEqualTo(diff);
        }
    }

    @Nested
    @DisplayName("masking, as the decision log masks")
    class Masking {

        final List<String> lines = traffic(200, 7).stream()
                .map(l -> l.replace("\"employee\": {", "\"customer\": {\"id\": \"CU-9\"}, \"employee\": {\"id\": \"E-5\", "))
                .toList();

        @Test
        void hashed_ids_never_appear_and_the_summary_names_cases_by_their_hashes() throws Exception {
            ShadowLog.Options hashed = new ShadowLog.Options(new DecisionLog.Options(DecisionLog.Masking.HASH,
                    DecisionLog.Masking.HASH, DecisionLog.Masking.HASH, "pepper"), 0);

            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, hashed);

            assertThat(run.log()).doesNotContain("\"S-").doesNotContain("CU-9").doesNotContain("E-5")
                    .contains("\"customer\":\"sha256:").contains("\"employee\":\"sha256:")
                    .contains("\"case\":\"sha256:");
            DiffReport summary = summary(run.log()).report();
            assertThat(summary.changedCases()).isEqualTo(run.status().disagreed()).isPositive();
            assertThat(summary.changes()).flatExtracting(DiffReport.Transition::samples)
                    .allSatisfy(ref -> assertThat(ref.caseId()).startsWith("sha256:"));
        }

        @Test
        void dropped_ids_are_left_out() throws Exception {
            ShadowLog.Options dropped = new ShadowLog.Options(new DecisionLog.Options(DecisionLog.Masking.DROP,
                    DecisionLog.Masking.DROP, DecisionLog.Masking.DROP, ""), 0);

            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, dropped);

            assertThat(run.log()).doesNotContain("\"case\":").doesNotContain("\"customer\":")
                    .doesNotContain("\"employee\":").contains("\"shadow\":\"DISAGREED\"");
        }
    }

    @Nested
    @DisplayName("writing the shadow log")
    class Writing {

        final List<String> lines = traffic(600, 42);

        /** Returns what the log wrote while the shadow ran and before the log was flushed or closed. */
        String writtenBeforeAnyFlush(Duration flushInterval) throws Exception {
            StringWriter out = new StringWriter();
            ShadowLog.Options options = new ShadowLog.Options(KEEP_IDS.masking().withFlushInterval(flushInterval), 0);
            try (ShadowLog log = ShadowLog.jsonLines(out, options);
                 ShadowPolicy shadow = Policies.shadow(ReplayTests.SHOP).candidate(DiffTests.EDITED)
                         .queueCapacity(lines.size()).listener(log).build()) {
                for (String line : lines) {
                    shadow.decide(Cases.parse(line));
                }
                assertThat(shadow.awaitIdle(Duration.ofMinutes(2))).isTrue();
                return out.toString();
            }
        }

        @Test
        void with_a_flush_interval_of_zero_each_line_is_written_at_once() throws Exception {
            String written = writtenBeforeAnyFlush(Duration.ZERO);

            Run run = serve(ReplayTests.SHOP, DiffTests.EDITED, lines, KEEP_IDS);
            assertThat(written.lines().filter(l -> l.startsWith("{\"shadow\":\"DISAGREED\""))).hasSize(
                    (int) run.status().disagreed());
        }

        @Test
        void a_full_buffer_is_written_without_waiting_for_the_flush() throws Exception {
            String written = writtenBeforeAnyFlush(Duration.ofHours(1));

            // 600 cases disagree on far more than the 64K characters the buffer holds: most are written already
            assertThat(written.length()).isGreaterThanOrEqualTo(64 * 1024);
            assertThat(written).endsWith("\n").contains("{\"shadow\":\"DISAGREED\"");
        }
    }

    @Nested
    @DisplayName("a shadow log that is not one")
    class BadLogs {

        @Test
        void a_decision_log_line_is_refused_with_its_line_and_a_hint() {
            String log = "\n{\"decisionId\": \"d-1\", \"policy\": \"shop\"}\n";

            assertThatThrownBy(() -> summary(log)).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("shadow log [history.jsonl] line 2")
                    .hasMessageContaining("policy log-summary");
        }

        @Test
        void a_line_that_is_not_json_is_refused_with_its_line() {
            assertThatThrownBy(() -> summary("{\"shadow\": \"TALLY\", ")).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("line 1 is not JSON");
        }

        @Test
        void an_empty_log_has_no_report_and_says_why() {
            assertThatThrownBy(() -> summary("").report()).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("holds no shadowed case");
        }
    }
}
