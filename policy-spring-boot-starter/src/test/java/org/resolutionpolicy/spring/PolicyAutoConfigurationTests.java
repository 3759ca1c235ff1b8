package org.resolutionpolicy.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.ReloadEvent;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The starter's auto-configuration, with and without the actuator and Micrometer on the classpath. */
class PolicyAutoConfigurationTests {

    static final String SMALL = "resolution.policy.locations=classpath:policies/small.yaml";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAutoConfiguration.class));

    static CustomerCase refund(double amount) {
        return CustomerCase.builder().id("C-1").severity("LOW").category("late-order").employee("E-1", "agent")
                .propose("refund", amount).build();
    }

    static String policy(int limit) {
        return """
                policy: small
                version: "v%d"
                roles: [agent, supervisor]
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: %d }
                  supervisor: { refund: unlimited }
                """.formatted(limit, limit);
    }

    @Test
    void configures_nothing_without_locations() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Policy.class)
                .doesNotHaveBean(PolicyRuntime.class));
    }

    @Test
    void decides_with_the_policy_of_the_locations() {
        runner.withPropertyValues(SMALL).run(context -> {
            Policy policy = context.getBean(Policy.class);
            assertThat(policy.id()).isEqualTo("small");
            assertThat(policy.decide(refund(30)).proposal("refund").outcome()).isEqualTo(Outcome.escalate("supervisor"));
            assertThat(context.getBean(PolicyRuntime.class).live()).isEmpty();
        });
    }

    @Nested
    @DisplayName("with the actuator and Micrometer")
    class WithActuatorAndMicrometer {

        final ApplicationContextRunner withRegistry = runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

        @Test
        void reports_health_up_with_the_serving_revision_and_info() {
            withRegistry.withPropertyValues(SMALL).run(context -> {
                Policy policy = context.getBean(Policy.class);
                Health health = context.getBean("policyHealthIndicator", HealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("policy", "small").containsEntry("version", "v10")
                        .containsEntry("revision", policy.revision());

                Info.Builder info = new Info.Builder();
                context.getBean(InfoContributor.class).contribute(info);
                assertThat(info.build().get("policy")).isEqualTo(Map.of("id", "small", "version", "v10",
                        "revision", policy.revision(), "watched", false,
                        "locations", List.of("classpath:policies/small.yaml")));
            });
        }

        @Test
        void counts_decisions_by_policy_and_strictest_outcome_and_times_them() {
            withRegistry.withPropertyValues(SMALL).run(context -> {
                Policy policy = context.getBean(Policy.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                policy.decide(refund(5));
                policy.decide(refund(30));
                policy.decide(refund(40));
                try {
                    policy.decide(CustomerCase.builder().severity("LOW").category("x").employee("nobody")
                            .propose("refund", 1).build());
                } catch (InvalidCaseException expected) {
                    // counted as INVALID
                }

                assertThat(count(registry, "ALONE")).isEqualTo(1);
                assertThat(count(registry, "ESCALATE")).isEqualTo(2);
                assertThat(count(registry, "INVALID")).isEqualTo(1);
                assertThat(registry.get(MicrometerPolicyObserver.LATENCY).tag("policy", "small").timer().count())
                        .isEqualTo(4);
            });
        }

        @Test
        void counts_a_listener_that_throws_and_the_decision_stands() {
            DecisionListener failing = (c, d) -> {
                throw new IllegalStateException("listener down");
            };
            withRegistry.withPropertyValues(SMALL).withBean(DecisionListener.class, () -> failing).run(context -> {
                Decision decision = context.getBean(Policy.class).decide(refund(5));

                assertThat(decision.proposal("refund").outcome()).isEqualTo(Outcome.alone());
                assertThat(context.getBean(MeterRegistry.class).get(MicrometerPolicyObserver.LISTENER_FAILURES)
                        .tag("policy", "small").counter().count()).isEqualTo(1);
            });
        }

        private double count(MeterRegistry registry, String outcome) {
            return registry.get(MicrometerPolicyObserver.DECISIONS).tag("policy", "small").tag("outcome", outcome)
                    .counter().count();
        }
    }

    @Nested
    @DisplayName("without the actuator and Micrometer")
    class Without {

        @Test
        void decides_without_metrics_when_micrometer_is_absent() {
            runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).withPropertyValues(SMALL)
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(PolicyObserver.class);
                        Policy policy = context.getBean(Policy.class);
                        assertThat(policy).isNotInstanceOf(ObservedPolicy.class);
                        assertThat(policy.decide(refund(5)).proposal("refund").outcome()).isEqualTo(Outcome.alone());
                    });
        }

        @Test
        void has_no_health_or_info_beans_without_the_actuator() {
            runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, InfoContributor.class))
                    .withPropertyValues(SMALL).run(context -> assertThat(context).hasNotFailed()
                            .hasSingleBean(Policy.class).doesNotHaveBean(HealthIndicator.class)
                            .doesNotHaveBean(InfoContributor.class));
        }

        @Test
        void observes_nothing_when_micrometer_is_there_but_the_application_has_no_registry() {
            runner.withPropertyValues(SMALL).run(context -> assertThat(context.getBean(Policy.class))
                    .isNotInstanceOf(ObservedPolicy.class));
        }
    }

    @Test
    void a_broken_policy_stops_the_start_with_every_problem_located(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, policy(10).replace("agent: { refund: 10 }", "agnet: { refund: 10 }"));

        runner.withPropertyValues("resolution.policy.locations=" + file).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(PolicyLoadException.class);
            FailureAnalysis analysis = new PolicyLoadFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains(file + ":7:3: error: unknown role [agnet] in authority");
            assertThat(analysis.getAction()).contains("policy validate");
        });
        // Spring Boot finds the analyzer where it looks for them (Boot's own need a bean factory: skipped here)
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null,
                (type, name, failure) -> { }))
                .hasAtLeastOneElementOfType(PolicyLoadFailureAnalyzer.class);
    }

    @Test
    void a_watched_policy_reports_a_failed_reload_in_health_and_metrics_and_recovers(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, policy(10));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("resolution.policy.locations=" + file, "resolution.policy.watch=true",
                        // only reloadNow reloads in this test
                        "resolution.policy.debounce=1m", "resolution.policy.poll-interval=1h")
                .run(context -> {
                    PolicyRuntime runtime = context.getBean(PolicyRuntime.class);
                    Policy policy = context.getBean(Policy.class);
                    HealthIndicator health = context.getBean("policyHealthIndicator", HealthIndicator.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);

                    Files.writeString(file, policy(50).replace("agent: { refund: 50 }", "agnet: { refund: 50 }"));
                    assertThat(runtime.live().orElseThrow().reloadNow().result()).isEqualTo(ReloadEvent.Result.FAILED);
                    Health degraded = health.health();
                    assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
                    assertThat(degraded.getDetails()).containsEntry("revision", policy.revision());
                    // file names only: an endpoint's output travels further than the server's layout should
                    assertThat((List<?>) degraded.getDetails().get("problems")).singleElement().asString()
                            .startsWith("small.yaml:7:3: error: unknown role [agnet]").doesNotContain(dir.toString());
                    assertThat(degraded.getDetails().toString()).doesNotContain(dir.toString());
                    Info.Builder info = new Info.Builder();
                    context.getBean(InfoContributor.class).contribute(info);
                    assertThat(info.build().get("policy")).asString().contains("locations=[small.yaml]")
                            .doesNotContain(dir.toString());
                    assertThat(reloads(registry, "FAILED")).isEqualTo(1);

                    Files.writeString(file, policy(50));
                    assertThat(runtime.live().orElseThrow().reloadNow().result()).isEqualTo(ReloadEvent.Result.LOADED);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(policy.version()).isEqualTo("v50");
                    assertThat(policy.decide(refund(30)).proposal("refund").outcome()).isEqualTo(Outcome.alone());
                    assertThat(reloads(registry, "LOADED")).isEqualTo(1);
                });
    }

    private static double reloads(MeterRegistry registry, String result) {
        return registry.get(MicrometerPolicyObserver.RELOADS).tag("policy", "small").tag("result", result).counter()
                .count();
    }

    @Test
    void writes_the_decision_log_of_the_properties_and_closes_it_on_shutdown(@TempDir Path dir) {
        Path log = dir.resolve("decisions.jsonl");
        String[] id = new String[1];
        runner.withPropertyValues(SMALL, "resolution.policy.decision-log.path=" + log,
                "resolution.policy.decision-log.customer-id=DROP", "resolution.policy.decision-log.employee-id=KEEP")
                .run(context -> id[0] = context.getBean(Policy.class).decide(refund(5)).id());

        // the buffer reached the file: the context's close closed the log
        assertThat(log).content().startsWith("{\"decisionId\":\"" + id[0] + "\"").contains("\"employee\":\"E-1\"")
                .doesNotContain("\"customer\"");
    }

    @Test
    void shows_full_paths_on_the_endpoints_only_when_asked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, policy(10));
        runner.withPropertyValues("resolution.policy.locations=" + file, "resolution.policy.watch=true",
                        "resolution.policy.debounce=1m", "resolution.policy.poll-interval=1h",
                        "resolution.policy.actuator.full-paths=true")
                .run(context -> {
                    Files.writeString(file, policy(50).replace("agent: { refund: 50 }", "agnet: { refund: 50 }"));
                    context.getBean(PolicyRuntime.class).live().orElseThrow().reloadNow();
                    Health degraded = context.getBean("policyHealthIndicator", HealthIndicator.class).health();
                    assertThat((List<?>) degraded.getDetails().get("problems")).singleElement().asString()
                            .contains(file + ":7:3: error: unknown role [agnet]");
                    Info.Builder info = new Info.Builder();
                    context.getBean(InfoContributor.class).contribute(info);
                    assertThat(info.build().get("policy")).asString().contains("locations=[" + file + "]");
                });
    }

    @Test
    void shortens_absolute_paths_to_file_names_and_leaves_the_rest() {
        assertThat(FileNames.of("/srv/policies/shop.yaml:7:3: error: cannot read [/srv/policies/rules/a.yaml] (see "
                + "https://example.com/a/b, policies/b.yaml)"))
                .isEqualTo("shop.yaml:7:3: error: cannot read [a.yaml] (see https://example.com/a/b, policies/b.yaml)");
        assertThat(FileNames.of("C:\\policies\\shop.yaml:1:1: error: x")).isEqualTo("shop.yaml:1:1: error: x");
        assertThat(List.of("/srv/policies/shop.yaml", "file:/srv/policies/", "classpath:policies/small.yaml",
                "shop.yaml").stream().map(FileNames::location).toList())
                .containsExactly("shop.yaml", "policies", "classpath:policies/small.yaml", "shop.yaml");
    }

    @Test
    void reads_a_posted_case_no_longer_than_the_configured_limit_of_1_mib_by_default() {
        runner.withPropertyValues(SMALL).run(context -> assertThat(context.getBean(CaseRequests.class).maxBodySize())
                .isEqualTo(org.springframework.util.unit.DataSize.ofMegabytes(1)));
        runner.withPropertyValues(SMALL, "resolution.policy.request.max-body-size=2KB").run(context -> {
            CaseRequests requests = context.getBean(CaseRequests.class);
            assertThat(requests.parse(new java.io.ByteArrayInputStream(
                    "{\"id\": \"C-1\", \"severity\": \"LOW\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).id())
                    .isEqualTo("C-1");
            // an endless body: refused once the limit and one byte are read, never read whole
            long[] read = new long[1];
            java.io.InputStream endless = new java.io.InputStream() {
                @Override
                public int read() {
                    read[0]++;
                    return ' ';
                }
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> requests.read(endless))
                    .isInstanceOf(CaseRequests.CaseTooLargeException.class)
                    .hasMessageContaining("longer than the limit of 2 KiB (2048 bytes, "
                            + "[resolution.policy.request.max-body-size])");
            assertThat(read[0]).isEqualTo(2049);
            assertThat(requests.read(new java.io.ByteArrayInputStream(new byte[2048]))).hasSize(2048);
        });
        runner.withPropertyValues(SMALL, "resolution.policy.request.max-body-size=0B")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("[resolution.policy.request.max-body-size] must be more than 0 bytes"));
    }
}
