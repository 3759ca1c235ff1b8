package org.resolutionpolicy.spring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policy;
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
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Configures a {@link Policy} bean from {@code resolution.policy.locations}, when they are set: compiled once, or
 * followed with hot reload when {@code resolution.policy.watch} is on; with the decision log of
 * {@code resolution.policy.decision-log.path}, every {@link DecisionListener} and {@link ReloadListener} bean
 * attached; and, when the application has them, a health indicator ({@code policy}), an info contributor and
 * Micrometer metrics; and the {@link CaseRequests} a controller reads posted cases with, no longer than
 * {@code resolution.policy.request.max-body-size}. A policy with errors stops the application from starting, with every problem located.
 */
@AutoConfiguration
@ConditionalOnClass(Policy.class)
@Conditional(PolicyAutoConfiguration.OnLocations.class)
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
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnDecisionLogPath.class)
    public DecisionLog policyDecisionLog(PolicyProperties properties) {
        PolicyProperties.Log log = properties.decisionLog();
        return DecisionLog.jsonLines(log.path(), log.options());
    }

    /**
     * Loads the policy; Spring stops watching its files on shutdown.
     *
     * @param properties the starter's properties
     * @param reloadListeners the application's reload listeners (the decision log is one)
     * @return the runtime
     */
    @Bean
    @ConditionalOnMissingBean
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
    public Policy policy(PolicyRuntime runtime, ObjectProvider<DecisionListener> listeners,
                         ObjectProvider<PolicyObserver> observers) {
        PolicyObserver observer = observers.getIfAvailable(() -> PolicyObserver.NONE);
        Policy policy = runtime.policy();
        for (DecisionListener listener : listeners.orderedStream().toList()) {
            policy = policy.withListener(observer.guard(listener));
        }
        ReloadListener reloads = observer.reloads();
        if (reloads != null) {
            runtime.live().ifPresent(live -> live.addReloadListener(reloads));
        }
        return observer.observe(policy);
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

    /** Reports the policy on the health endpoint, when the application has Spring Boot's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "policyHealthIndicator")
        HealthIndicator policyHealthIndicator(PolicyRuntime runtime, PolicyProperties properties,
                                              PolicyActuatorProperties actuator) {
            return new PolicyHealthIndicator(runtime, properties.health().degradedStatus(), actuator.fullPaths());
        }
    }

    /** Adds the policy to the info endpoint, when the application has the actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class Info {

        @Bean
        @ConditionalOnMissingBean(name = "policyInfoContributor")
        InfoContributor policyInfoContributor(PolicyRuntime runtime, PolicyActuatorProperties actuator) {
            return new PolicyInfoContributor(runtime, actuator.fullPaths());
        }
    }

    /** Records metrics, when Micrometer is on the classpath and the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        PolicyObserver policyObserver(ObjectProvider<MeterRegistry> registries, PolicyRuntime runtime,
                                      ObjectProvider<DecisionLog> logs) {
            MeterRegistry registry = registries.getIfAvailable();
            if (registry == null) {
                return PolicyObserver.NONE;
            }
            String id = runtime.policy().id();
            logs.ifAvailable(log -> Gauge.builder("resolution.policy.decision.log.failed.writes", log,
                    DecisionLog::failedWrites).description("Decisions the decision log could not write")
                    .tag("policy", id).register(registry));
            return new MicrometerPolicyObserver(registry, id);
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
