package org.resolutionpolicy.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.ReloadListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Configures a {@link Policy} bean from {@code resolution.policy.locations}, and a {@link PolicyRegistry} bean from
 * {@code resolution.policy.policies.<id>.locations} or {@code resolution.policy.directory}, when they are set:
 * compiled once, or followed with hot reload when {@code resolution.policy.watch} is on; with the decision log of
 * {@code resolution.policy.decision-log.path}, every {@link DecisionListener} and {@link ReloadListener} bean
 * attached; and, when the application has them, health indicators ({@code policy}, and {@code policies} with one
 * component per policy), an info contributor, Micrometer metrics and an observation of each decision; and the
 * {@link CaseRequests} a controller reads posted cases with, no longer than
 * {@code resolution.policy.request.max-body-size}. A policy with errors stops the application from starting, with
 * every problem located; so does a decision log that cannot be written, in one line.
 */
@AutoConfiguration
@ConditionalOnClass(Policy.class)
@Conditional(PolicyAutoConfiguration.OnAnyPolicy.class)
@EnableConfigurationProperties({PolicyProperties.class, PolicyRequestProperties.class, PolicyActuatorProperties.class})
public class PolicyAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public PolicyAutoConfiguration() {
    }

    /**
     * Opens the decision log of {@code resolution.policy.decision-log.path}; Spring closes it, flushing, on shutdown.
     *
     * @param properties the starter's properties
     * @return the log, or null (no bean) when no path is set
     * @throws DecisionLogPathException if its folder is missing or not writable
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnDecisionLogPath.class)
    public DecisionLog policyDecisionLog(PolicyProperties properties) {
        PolicyProperties.Log log = properties.decisionLog();
        return DecisionLogPathException.open(log.path(), log.options());
    }

    /**
     * Loads the policy of {@code resolution.policy.locations}; Spring stops watching its files on shutdown.
     *
     * @param properties the starter's properties
     * @param reloadListeners the application's reload listeners (the decision log is one)
     * @return the runtime
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnLocations.class)
    public PolicyRuntime policyRuntime(PolicyProperties properties, ObjectProvider<ReloadListener> reloadListeners) {
        return PolicyRuntime.load(properties, reloadListeners.orderedStream().toList());
    }

    /**
     * Returns the policy the application decides with: the loaded one with every decision listener attached, and
     * observed by the metrics when Micrometer is there.
     *
     * @param runtime the loaded policy
     * @param listeners the application's decision listeners (the decision log is one)
     * @param observers the metrics, when Micrometer is on the classpath
     * @return the policy
     */
    @Bean
    @ConditionalOnMissingBean(Policy.class)
    @Conditional(OnLocations.class)
    public Policy policy(PolicyRuntime runtime, ObjectProvider<DecisionListener> listeners,
                         ObjectProvider<PolicyObserver> observers) {
        PolicyObserver observer = observers.getIfAvailable(() -> PolicyObserver.NONE);
        String id = runtime.policy().id();
        ReloadListener gauges = observer.serving(() -> List.of(new ServedPolicy(id, runtime::policy,
                runtime::status)));
        ReloadListener reloads = observer.reloads(() -> List.of(id));
        runtime.live().ifPresent(live -> {
            if (reloads != null) {
                live.addReloadListener(reloads);
            }
            if (gauges != null) {
                live.addReloadListener(gauges);
            }
        });
        return decorate(runtime.policy(), listeners.orderedStream().toList(), observer);
    }

    /** Attaches the listeners, each guarded by the metrics, and observes the policy. */
    private static Policy decorate(Policy policy, List<DecisionListener> listeners, PolicyObserver observer) {
        Policy decorated = policy;
        for (DecisionListener listener : listeners) {
            decorated = decorated.withListener(observer.guard(listener, policy.id()));
        }
        return observer.observe(decorated);
    }

    /**
     * Loads the policies of {@code resolution.policy.policies.<id>.locations} or {@code resolution.policy.directory};
     * Spring stops watching them on shutdown.
     *
     * @param properties the starter's properties
     * @param reloadListeners the application's reload listeners (the decision log is one)
     * @return the runtime
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnRegistry.class)
    public PolicyRegistryRuntime policyRegistryRuntime(PolicyProperties properties,
                                                       ObjectProvider<ReloadListener> reloadListeners) {
        return PolicyRegistryRuntime.load(properties, reloadListeners.orderedStream().toList());
    }

    /**
     * Returns the policies the application decides with, by id: each with every decision listener attached, and
     * observed by the metrics when Micrometer is there.
     *
     * @param runtime the loaded policies
     * @param listeners the application's decision listeners (the decision log is one)
     * @param observers the metrics, when Micrometer is on the classpath
     * @return the registry
     */
    @Bean
    @ConditionalOnMissingBean(PolicyRegistry.class)
    @Conditional(OnRegistry.class)
    public PolicyRegistry policyRegistry(PolicyRegistryRuntime runtime, ObjectProvider<DecisionListener> listeners,
                                         ObjectProvider<PolicyObserver> observers) {
        PolicyObserver observer = observers.getIfAvailable(() -> PolicyObserver.NONE);
        ReloadListener gauges = observer.serving(runtime::served);
        if (gauges != null) {
            runtime.addReloadListener(gauges);
        }
        runtime.addReloadListeners(observer::reloads);
        List<DecisionListener> all = listeners.orderedStream().toList();
        UnaryOperator<Policy> wrap = policy -> decorate(policy, all, observer);
        return new WrappedRegistry(runtime.registry(), wrap);
    }

    /**
     * Reads the cases posted to the application, no more of a body than {@code resolution.policy.request.max-body-size}.
     *
     * @param properties the request properties
     * @return the reader
     */
    @Bean
    @ConditionalOnMissingBean
    public CaseRequests policyCaseRequests(PolicyRequestProperties properties) {
        return new CaseRequests(properties.maxBodySize());
    }

    /** Reports the policies on the health endpoint, when the application has Spring Boot's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "policyHealthIndicator")
        @Conditional(OnLocations.class)
        HealthIndicator policyHealthIndicator(PolicyRuntime runtime, PolicyProperties properties,
                                              PolicyActuatorProperties actuator) {
            return new PolicyHealthIndicator(runtime, properties.health().degradedStatus(), actuator.fullPaths());
        }

        @Bean
        @ConditionalOnMissingBean(name = "policiesHealthContributor")
        @Conditional(OnRegistry.class)
        HealthContributor policiesHealthContributor(PolicyRegistryRuntime runtime, PolicyProperties properties,
                                                    PolicyActuatorProperties actuator) {
            return new PolicyHealthIndicator.Registry(runtime, properties.health().degradedStatus(),
                    actuator.fullPaths());
        }
    }

    /** Adds the policies to the info endpoint, when the application has the actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class Info {

        @Bean
        @ConditionalOnMissingBean(name = "policyInfoContributor")
        @Conditional(OnLocations.class)
        InfoContributor policyInfoContributor(PolicyRuntime runtime, PolicyActuatorProperties actuator) {
            return new PolicyInfoContributor(runtime, actuator.fullPaths());
        }

        @Bean
        @ConditionalOnMissingBean(name = "policiesInfoContributor")
        @Conditional(OnRegistry.class)
        InfoContributor policiesInfoContributor(PolicyRegistryRuntime runtime) {
            return builder -> {
                Map<String, Object> policies = new LinkedHashMap<>();
                for (ServedPolicy p : runtime.served()) {
                    Policy policy = p.policy().get();
                    policies.put(p.id(), Map.of("version", policy.version(), "revision", policy.revision(),
                            "watched", p.status().get().isPresent()));
                }
                builder.withDetail("policies", policies);
            };
        }
    }

    /**
     * Records metrics and observations, when Micrometer is on the classpath and the application has a meter registry
     * or an observation registry.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        PolicyObserver policyObserver(ObjectProvider<MeterRegistry> registries,
                                      ObjectProvider<ObservationRegistry> observations,
                                      ObjectProvider<DecisionLog> logs) {
            MeterRegistry registry = registries.getIfAvailable();
            ObservationRegistry observationRegistry = observations.getIfAvailable();
            if (registry == null && observationRegistry == null) {
                return PolicyObserver.NONE;
            }
            if (registry != null) {
                logs.ifAvailable(log -> Gauge.builder("resolution.policy.decision.log.failed.writes", log,
                        DecisionLog::failedWrites).description("Decisions the decision log could not write")
                        .register(registry));
            }
            return new MicrometerPolicyObserver(registry, observationRegistry);
        }
    }

    /** Matches when {@code resolution.policy.locations} has at least one entry. */
    static final class OnLocations extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> locations = Binder.get(context.getEnvironment())
                    .bind(PolicyProperties.PREFIX + ".locations", Bindable.listOf(String.class)).orElse(List.of());
            return locations.isEmpty()
                    ? ConditionOutcome.noMatch("no [" + PolicyProperties.PREFIX + ".locations]")
                    : ConditionOutcome.match(PolicyProperties.PREFIX + ".locations " + locations);
        }
    }

    /** Matches when {@code resolution.policy.policies} has an entry or {@code resolution.policy.directory} is set. */
    static final class OnRegistry extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, PolicyProperties.Source> policies = Binder.get(context.getEnvironment())
                    .bind(PolicyProperties.PREFIX + ".policies", Bindable.mapOf(String.class,
                            PolicyProperties.Source.class)).orElse(Map.of());
            String directory = context.getEnvironment().getProperty(PolicyProperties.PREFIX + ".directory");
            if (!policies.isEmpty()) {
                return ConditionOutcome.match(PolicyProperties.PREFIX + ".policies " + policies.keySet());
            }
            return directory == null || directory.isBlank()
                    ? ConditionOutcome.noMatch("no [" + PolicyProperties.PREFIX + ".policies] nor ["
                            + PolicyProperties.PREFIX + ".directory]")
                    : ConditionOutcome.match(PolicyProperties.PREFIX + ".directory [" + directory + "]");
        }
    }

    /** Matches when a policy or a registry is configured. */
    static final class OnAnyPolicy extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionOutcome locations = new OnLocations().getMatchOutcome(context, metadata);
            return locations.isMatch() ? locations : new OnRegistry().getMatchOutcome(context, metadata);
        }
    }

    /** Matches when {@code resolution.policy.decision-log.path} is set. */
    static final class OnDecisionLogPath extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String path = context.getEnvironment().getProperty(PolicyProperties.PREFIX + ".decision-log.path");
            return path == null || path.isBlank()
                    ? ConditionOutcome.noMatch("no [" + PolicyProperties.PREFIX + ".decision-log.path]")
                    : ConditionOutcome.match("decision log at [" + path + "]");
        }
    }
}
