package org.resolutionpolicy.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowStatus;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The shadow of the starter: a candidate location turns it on; the served decisions are the policy's alone; the
 * disagreements are in the metrics and the shadow log; the health shows the candidate; a broken candidate changes
 * nothing served and says why.
 */
class ShadowAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAutoConfiguration.class, ShadowAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(PolicyAutoConfigurationTests.SMALL);

    @TempDir
    Path dir;

    static final Policy SMALL = Policies.fromClasspath("policies/small.yaml");

    /** The small policy with the agent's refund limit raised from 10 to 50. */
    Path candidate() throws Exception {
        return Files.writeString(dir.resolve("candidate.yaml"), PolicyAutoConfigurationTests.policy(50));
    }

    @Test
    void configures_no_shadow_without_a_candidate() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ShadowAutoConfiguration.class);
            assertThat(context.getBean(Policy.class)).isNotInstanceOf(ShadowPolicy.class);
        });
    }

    @Test
    void serves_the_policy_decisions_and_counts_logs_and_reports_the_candidate_disagreeing() throws Exception {
        Path log = dir.resolve("shadow.jsonl");
        runner.withPropertyValues("resolution.policy.shadow.candidate=" + candidate(),
                "resolution.policy.shadow.log.path=" + log).run(context -> {
            assertThat(context).hasNotFailed();
            Policy policy = context.getBean(Policy.class);
            assertThat(policy).isInstanceOf(ShadowPolicy.class);
            for (double amount : new double[] {5, 30, 40, 80}) {
                Decision served = policy.decide(PolicyAutoConfigurationTests.refund(amount));
                assertThat(served).isEqualTo(SMALL.decide(PolicyAutoConfigurationTests.refund(amount)));
            }
            ShadowPolicy shadow = (ShadowPolicy) policy;
            assertThat(shadow.awaitIdle(Duration.ofMinutes(2))).isTrue();

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MicrometerShadowMetrics.DECISIONS).tag("result", "DISAGREED").counter().count())
                    .isEqualTo(2);
            assertThat(registry.get(MicrometerShadowMetrics.DECISIONS).tag("result", "AGREED").counter().count())
                    .isEqualTo(2);
            assertThat(registry.get(MicrometerShadowMetrics.DISAGREEMENTS).tag("remedy", "refund")
                    .tag("from", "ESCALATE:supervisor").tag("to", "ALONE").counter().count()).isEqualTo(2);
            assertThat(registry.get(MicrometerShadowMetrics.DROPPED).counter().count()).isZero();
            assertThat(registry.get(MicrometerShadowMetrics.CANDIDATE_FAILED).gauge().value()).isZero();

            Health health = context.getBean("policyShadowHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("state", "RUNNING")
                    .containsEntry("candidate", shadow.candidate().revision())
                    .containsEntry("serving", SMALL.revision()).containsEntry("disagreed", 2L);
        });
        // closed with the context: the disagreements and the tally of the agreements are written
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).filteredOn(l -> l.startsWith("{\"shadow\":\"DISAGREED\"")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("{\"shadow\":\"TALLY\"")).singleElement()
                .satisfies(l -> assertThat(l).contains("\"cases\":2"));
    }

    @Test
    void the_decision_log_names_the_shadow_outcome_of_each_case_after_its_decision_when_asked() throws Exception {
        Path decisions = dir.resolve("decisions.jsonl");
        List<String> ids = new ArrayList<>();
        runner.withPropertyValues("resolution.policy.shadow.candidate=" + candidate(),
                "resolution.policy.decision-log.path=" + decisions,
                "resolution.policy.shadow.in-decision-log=true").run(context -> {
            assertThat(context).hasNotFailed();
            ShadowPolicy shadow = (ShadowPolicy) context.getBean(Policy.class);
            for (double amount : new double[] {5, 30, 40, 80}) {
                Decision served = shadow.decide(PolicyAutoConfigurationTests.refund(amount));
                assertThat(served).isEqualTo(SMALL.decide(PolicyAutoConfigurationTests.refund(amount)));
                ids.add(served.id());
            }
            assertThat(shadow.awaitIdle(Duration.ofMinutes(2))).isTrue();
        });
        // closed with the context, the log holds each decision's line and, after it, its shadow's outcome
        List<String> lines = Files.readAllLines(decisions);
        List<String> outcomes = lines.stream().filter(l -> l.startsWith("{\"shadow\":")).toList();
        assertThat(outcomes).hasSize(4);
        for (int i = 0; i < ids.size(); i++) {
            String id = "\"decisionId\":\"" + ids.get(i) + "\"";
            int decision = indexOf(lines, "{" + id);
            List<String> mine = outcomes.stream().filter(l -> l.contains(id)).toList();
            assertThat(decision).as("the decision line of " + ids.get(i)).isNotNegative();
            assertThat(mine).singleElement().satisfies(l -> {
                assertThat(lines.indexOf(l)).isGreaterThan(decision);
                assertThat(l).contains("\"candidate\":{\"policy\":\"" + SMALL.id() + "\"");
            });
        }
        List<String> documented = keys(documentedOutcomeLine());
        // the limit moves from 10 to 50: refunds of 30 and 40 no longer go to the supervisor, 5 and 80 are unchanged
        assertThat(outcomes).filteredOn(l -> l.startsWith("{\"shadow\":\"AGREED\"")).hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith("\"moves\":[]}"));
        assertThat(outcomes).filteredOn(l -> l.startsWith("{\"shadow\":\"DISAGREED\"")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"from\":{\"outcome\":\"ESCALATE\",\"approver\":\"supervisor\"}",
                        "\"to\":{\"outcome\":\"ALONE\"}"))
                .anySatisfy(l -> assertThat(l).contains(ids.get(1)))
                .anySatisfy(l -> assertThat(l).contains(ids.get(2)))
                // the line docs/shadow.md shows has the keys of a real one, in their order
                .allSatisfy(l -> assertThat(keys(l)).isEqualTo(documented));
    }

    /** Returns the line of a shadow outcome that docs/shadow.md shows. */
    private static String documentedOutcomeLine() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "shadow.md"));
        int start = guide.indexOf("```json\n{\"shadow\":");
        assertThat(start).as("the json block of docs/shadow.md").isNotNegative();
        return guide.substring(start + "```json\n".length(), guide.indexOf('\n', start + "```json\n".length()));
    }

    /** Returns the keys of a JSON line, in their order. */
    private static List<String> keys(String line) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("\"([A-Za-z]+)\":").matcher(line);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void naming_the_shadow_outcome_in_the_decision_log_without_a_decision_log_stops_the_start() throws Exception {
        runner.withPropertyValues("resolution.policy.shadow.candidate=" + candidate(),
                "resolution.policy.shadow.in-decision-log=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                    "resolution.policy.shadow.in-decision-log is true but there is no decision log")
                    .hasMessageContaining("[resolution.policy.decision-log.path]");
        });
    }

    @Test
    void a_sample_shadows_a_share_of_the_cases_and_counts_the_others_as_sampled_out_not_dropped() throws Exception {
        runner.withPropertyValues("resolution.policy.shadow.candidate=" + candidate(),
                "resolution.policy.shadow.sample=0.25").run(context -> {
            assertThat(context).hasNotFailed();
            ShadowPolicy shadow = (ShadowPolicy) context.getBean(Policy.class);
            int cases = 400;
            for (int i = 0; i < cases; i++) {
                double amount = 5 + i % 80;
                assertThat(shadow.decide(PolicyAutoConfigurationTests.refund(amount)))
                        .isEqualTo(SMALL.decide(PolicyAutoConfigurationTests.refund(amount)));
            }
            assertThat(shadow.awaitIdle(Duration.ofMinutes(2))).isTrue();
            ShadowStatus status = shadow.status();
            assertThat(status.shadowed() + status.dropped() + status.sampledOut()).isEqualTo(cases);
            assertThat(status.shadowed()).as("about a quarter").isBetween(60L, 140L);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MicrometerShadowMetrics.SAMPLED_OUT).functionCounter().count())
                    .isEqualTo(status.sampledOut());
            assertThat(registry.get(MicrometerShadowMetrics.DROPPED).counter().count()).isEqualTo(status.dropped());
            Health health = context.getBean("policyShadowHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("sampledOut", status.sampledOut());
        });
    }

    @Test
    void a_sample_outside_0_to_1_stops_the_start_and_says_why() throws Exception {
        runner.withPropertyValues("resolution.policy.shadow.candidate=" + candidate(),
                "resolution.policy.shadow.sample=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("resolution.policy.shadow.sample must be more than 0 and at most 1")
                    .hasMessageContaining("was [0.0]");
        });
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a_candidate_that_fails_to_load_changes_nothing_served_and_says_why() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"),
                PolicyAutoConfigurationTests.policy(50).replace("refund: 50", "refund: fifty"));
        runner.withPropertyValues("resolution.policy.shadow.candidate=" + broken).run(context -> {
            assertThat(context).hasNotFailed();
            Policy policy = context.getBean(Policy.class);
            assertThat(policy.decide(PolicyAutoConfigurationTests.refund(30)))
                    .isEqualTo(SMALL.decide(PolicyAutoConfigurationTests.refund(30)));

            Health health = context.getBean("policyShadowHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("state", "FAILED").doesNotContainKey("candidate");
            assertThat(health.getDetails().get("problems").toString()).contains("broken.yaml").contains("fifty");
            assertThat(context.getBean(MeterRegistry.class).get(MicrometerShadowMetrics.CANDIDATE_FAILED).gauge()
                    .value()).isEqualTo(1);
        });
    }
}
