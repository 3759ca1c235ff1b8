package org.resolutionpolicy.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolutionpolicy.spring.PolicyAutoConfigurationTests.refund;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.ReloadEvent;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Several policies, honest health and gauges, observations, and the decision log's folder. */
class PolicyRegistryAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @TempDir
    Path dir;

    static String policy(String id, int limit) {
        return PolicyAutoConfigurationTests.policy(limit).replace("policy: small", "policy: " + id);
    }

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void runs_two_policies_by_id_reports_each_and_a_broken_edit_of_one_with_the_configured_status()
            throws IOException {
        Path coffee = write("coffee.yaml", policy("coffee", 10));
        Path tea = write("tea.yaml", policy("tea", 50));
        runner.withPropertyValues("resolution.policy.policies.coffee.locations=" + coffee,
                        "resolution.policy.policies.tea.locations=" + tea, "resolution.policy.watch=true",
                        "resolution.policy.debounce=1m", "resolution.policy.poll-interval=1h",
                        "resolution.policy.health.degraded-status=OUT_OF_SERVICE")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Policy.class);
                    PolicyRegistry registry = context.getBean(PolicyRegistry.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(registry.ids()).containsExactly("coffee", "tea");
                    assertThat(registry.decide("coffee", refund(30)).proposal("refund").outcome())
                            .isEqualTo(Outcome.escalate("supervisor"));
                    assertThat(registry.decide("tea", refund(30)).proposal("refund").outcome())
                            .isEqualTo(Outcome.alone());
                    String teaRevision = registry.get("tea").revision();
                    assertThat(meters.get(MicrometerPolicyObserver.DECISIONS).tag("policy", "tea")
                            .tag("revision", teaRevision).tag("outcome", "ALONE").counter().count()).isEqualTo(1);
                    assertThat(meters.get(MicrometerPolicyObserver.REVISION).tag("policy", "tea")
                            .tag("revision", teaRevision).gauge().value()).isEqualTo(1);

                    CompositeHealthContributor health = context.getBean("policiesHealthContributor",
                            CompositeHealthContributor.class);
                    assertThat(health.stream().map(e -> e.name())).containsExactly("coffee", "tea");

                    // a broken edit of tea: tea is degraded with the configured status, coffee is not
                    Files.writeString(tea, policy("tea", 60).replace("agent: { refund: 60 }", "agnet: { refund: 60 }"));
                    PolicyRegistryRuntime runtime = context.getBean(PolicyRegistryRuntime.class);
                    assertThat(live(runtime, "tea").reloadNow().result()).isEqualTo(ReloadEvent.Result.FAILED);
                    Health teaHealth = health(health, "tea");
                    assertThat(teaHealth.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                    assertThat(teaHealth.getDetails()).containsEntry("degraded", true)
                            .containsEntry("revision", teaRevision);
                    assertThat(health(health, "coffee").getStatus()).isEqualTo(Status.UP);
                    assertThat(gauge(meters, MicrometerPolicyObserver.DEGRADED, "tea")).isEqualTo(1);
                    assertThat(gauge(meters, MicrometerPolicyObserver.DEGRADED, "coffee")).isZero();
                    assertThat(meters.get(MicrometerPolicyObserver.RELOADS).tag("policy", "tea")
                            .tag("result", "FAILED").counter().count()).isEqualTo(1);
                    assertThat(registry.decide("tea", refund(30)).revision()).isEqualTo(teaRevision);

                    // the edit undone: no longer degraded, and the same revision serves
                    Files.writeString(tea, policy("tea", 50));
                    assertThat(live(runtime, "tea").reloadNow().result()).isEqualTo(ReloadEvent.Result.UNCHANGED);
                    assertThat(health(health, "tea").getStatus()).isEqualTo(Status.UP);
                    assertThat(gauge(meters, MicrometerPolicyObserver.DEGRADED, "tea")).isZero();
                    assertThat(meters.get(MicrometerPolicyObserver.RELOADS).tag("policy", "tea")
                            .tag("result", "UNCHANGED").counter().count()).isEqualTo(1);

                    // an edit that compiles: the revision gauge follows it
                    Files.writeString(tea, policy("tea", 70));
                    assertThat(live(runtime, "tea").reloadNow().result()).isEqualTo(ReloadEvent.Result.LOADED);
                    String next = registry.get("tea").revision();
                    assertThat(next).isNotEqualTo(teaRevision);
                    assertThat(meters.get(MicrometerPolicyObserver.REVISION).tag("policy", "tea").gauges())
                            .singleElement().satisfies(g -> assertThat(g.getId().getTag("revision")).isEqualTo(next));
                });
    }

    private static org.resolutionpolicy.api.LivePolicy live(PolicyRegistryRuntime runtime, String id) {
        return (org.resolutionpolicy.api.LivePolicy) runtime.registry().get(id);
    }

    private static Health health(CompositeHealthContributor health, String id) {
        HealthContributor contributor = health.getContributor(id);
        return ((HealthIndicator) contributor).health();
    }

    private static double gauge(MeterRegistry meters, String name, String policy) {
        return meters.get(name).tag("policy", policy).gauge().value();
    }

    @Test
    void loads_a_directory_of_policies_into_one_registry() throws IOException {
        write("coffee.yaml", policy("coffee", 10));
        write("tea.yaml", policy("tea", 50));
        runner.withPropertyValues("resolution.policy.directory=" + dir).run(context -> {
            PolicyRegistry registry = context.getBean(PolicyRegistry.class);
            assertThat(registry.ids()).containsExactly("coffee", "tea");
            assertThat(registry.decide("tea", refund(30)).policyId()).isEqualTo("tea");
            assertThat(context.getBean(MeterRegistry.class).get(MicrometerPolicyObserver.DECISIONS)
                    .tag("policy", "tea").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void refuses_an_entry_keyed_by_another_id_than_its_policys() throws IOException {
        Path coffee = write("coffee.yaml", policy("coffee", 10));
        runner.withPropertyValues("resolution.policy.policies.tea.locations=" + coffee).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "[resolution.policy.policies.tea.locations] [" + coffee + "] hold the policy [coffee], not [tea]"));
    }

    @Test
    void observes_each_decision_with_policy_outcome_case_and_revision() {
        runner.withPropertyValues(PolicyAutoConfigurationTests.SMALL)
                .withBean(ObservationRegistry.class, TestObservationRegistry::create).run(context -> {
                    Policy policy = context.getBean(Policy.class);
                    TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);

                    policy.decide(refund(30));
                    assertThatThrownBy(() -> policy.decide(CustomerCase.builder().id("C-2").severity("LOW")
                            .category("x").employee("nobody").propose("refund", 1).build()))
                            .isInstanceOf(InvalidCaseException.class);

                    TestObservationRegistryAssert.assertThat(observations)
                            .hasNumberOfObservationsWithNameEqualTo(ObservedPolicy.OBSERVATION, 2)
                            .forAllObservationsWithNameEqualTo(ObservedPolicy.OBSERVATION, o -> o
                                    .hasLowCardinalityKeyValue("policy", "small")
                                    .hasHighCardinalityKeyValue("revision", policy.revision()))
                            .hasAnObservation(o -> o.hasLowCardinalityKeyValue("outcome", "ESCALATE")
                                    .hasHighCardinalityKeyValue("case.id", "C-1").doesNotHaveError())
                            .hasAnObservation(o -> o.hasLowCardinalityKeyValue("outcome", "INVALID")
                                    .hasHighCardinalityKeyValue("case.id", "C-2").hasError())
                            .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts).hasSize(2)
                                    .allSatisfy(c -> assertThat(c.getContextualName()).isEqualTo("decide small")));
                });
    }

    @Test
    void a_decision_log_in_a_missing_folder_stops_the_start_in_one_line() {
        Path log = dir.resolve("missing").resolve("decisions.jsonl");
        runner.withPropertyValues(PolicyAutoConfigurationTests.SMALL, "resolution.policy.decision-log.path=" + log)
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).rootCause().isInstanceOf(DecisionLogPathException.class);
                    FailureAnalysis analysis = new DecisionLogFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).isEqualTo("The decision log [" + log + "] of "
                            + "[resolution.policy.decision-log.path] cannot be written: folder [" + log.getParent()
                            + "] does not exist.").doesNotContain("\n");
                    assertThat(analysis.getAction()).contains("Create the folder");
                });
        runner.withPropertyValues(PolicyAutoConfigurationTests.SMALL, "resolution.policy.decision-log.path=" + dir)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("it is a folder, not a file"));
    }

    @Test
    void logs_cases_with_decisions_when_asked_so_the_log_replays_as_a_history() throws IOException {
        Path log = dir.resolve("decisions.jsonl");
        runner.withPropertyValues(PolicyAutoConfigurationTests.SMALL, "resolution.policy.decision-log.path=" + log,
                        "resolution.policy.decision-log.cases=true", "resolution.policy.decision-log.flush-interval=0",
                        "resolution.policy.decision-log.salt=pepper")
                .run(context -> {
                    context.getBean(Policy.class).decide(refund(5));
                    // flushed after the decision, before the context closes
                    assertThat(Files.readString(log)).contains("\"input\":{\"id\":\"C-1\"");
                    assertThat(context.getBean(PolicyProperties.class).decisionLog().options().flushInterval())
                            .isZero();
                });
        assertThat(Files.readAllLines(log)).hasSize(1);
        assertThat(List.of(dir.toFile().list())).doesNotContain("decisions.jsonl.salt");
    }
}
