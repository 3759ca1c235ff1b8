package org.resolutionpolicy.spring;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowBuilder;
import org.resolutionpolicy.api.ShadowListener;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * Tries a candidate policy beside the {@code policy} bean when {@code resolution.policy.shadow.candidate} is set: the
 * bean becomes a {@link ShadowPolicy} that serves the same decisions, computed exactly as before, while the candidate
 * decides each case on a bounded queue of its own. With {@code resolution.policy.shadow.log.path} a
 * {@link ShadowLog} writes the disagreements; every {@link ShadowListener} bean hears the results; with Micrometer,
 * metrics count them; with the actuator, the {@code policyShadow} health indicator shows the candidate's revision and
 * state; with {@code resolution.policy.shadow.in-decision-log=true}, the decision log names each case's shadow outcome
 * in a line of its own. A candidate that does not load leaves the policy serving as always: the log says why, the health shows
 * {@code FAILED} with its problems and {@code resolution.policy.shadow.candidate.failed} is 1.
 */
@AutoConfiguration(after = PolicyAutoConfiguration.class)
@ConditionalOnClass(ShadowPolicy.class)
@Conditional(ShadowAutoConfiguration.OnCandidate.class)
@EnableConfigurationProperties(ShadowProperties.class)
public class ShadowAutoConfiguration {

    /** The name of the bean the shadow wraps: the starter's {@link Policy}. */
    static final String POLICY_BEAN = "policy";

    /** Creates the configuration; Spring Boot does. */
    public ShadowAutoConfiguration() {
    }

    /**
     * Wraps the {@code policy} bean in a shadow with the candidate of the properties, heard by every
     * {@link ShadowListener} bean. The shadow is closed with the bean, draining its queue.
     *
     * @param properties the shadow's properties, resolved when the policy bean is made
     * @param listeners the listeners, resolved then too
     * @param decisionLogs the decision log, which names the shadow's outcomes when the properties say so
     * @return the post-processor
     */
    @Bean
    static BeanPostProcessor policyShadowPostProcessor(ObjectProvider<ShadowProperties> properties,
                                                       ObjectProvider<ShadowListener> listeners,
                                                       ObjectProvider<DecisionLog> decisionLogs) {
        return new Wrapper(properties, listeners, decisionLogs);
    }

    /** Puts the shadow around the {@code policy} bean once it is made, observed and logged. */
    static final class Wrapper implements BeanPostProcessor {

        private final ObjectProvider<ShadowProperties> properties;
        private final ObjectProvider<ShadowListener> listeners;
        private final ObjectProvider<DecisionLog> decisionLogs;

        Wrapper(ObjectProvider<ShadowProperties> properties, ObjectProvider<ShadowListener> listeners,
                ObjectProvider<DecisionLog> decisionLogs) {
            this.properties = properties;
            this.listeners = listeners;
            this.decisionLogs = decisionLogs;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (!POLICY_BEAN.equals(beanName) || !(bean instanceof Policy serving) || bean instanceof ShadowPolicy) {
                return bean;
            }
            ShadowProperties shadow = properties.getObject();
            ShadowBuilder builder = shadow.builder(serving);
            List<ShadowListener> heard = listeners.orderedStream().toList();
            heard.forEach(builder::listener);
            if (shadow.inDecisionLog()) {
                DecisionLog log = decisionLogs.getIfAvailable();
                if (log == null) {
                    throw new IllegalStateException(ShadowProperties.PREFIX + ".in-decision-log is true but there is "
                            + "no decision log to name the shadow's outcomes in: set [" + PolicyProperties.PREFIX
                            + ".decision-log.path], or unset [" + ShadowProperties.PREFIX + ".in-decision-log]");
                }
                // written by the shadow worker once the candidate decided: the served decision never waits for it
                builder.listener(log.shadowOutcomes());
            }
            // the engine logs the candidate it loads, or why it could not (the shadow is FAILED then)
            return builder.build();
        }
    }

    /**
     * Opens the shadow log of {@code resolution.policy.shadow.log.path}; Spring closes it, writing the last tally, on
     * shutdown.
     *
     * @param properties the shadow's properties
     * @return the log
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnShadowLogPath.class)
    public ShadowLog policyShadowLog(ShadowProperties properties) {
        return ShadowLog.jsonLines(properties.log().path(), properties.log().options());
    }

    /** Reports the shadow on the health endpoint, when the application has Spring Boot's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "policyShadowHealthIndicator")
        HealthIndicator policyShadowHealthIndicator(ObjectProvider<Policy> policies) {
            return new ShadowHealthIndicator(policies);
        }
    }

    /** Counts the shadow in Micrometer, when the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        MicrometerShadowMetrics policyShadowMetrics(ObjectProvider<MeterRegistry> registries,
                                                    ObjectProvider<Policy> policies) {
            MeterRegistry registry = registries.getIfAvailable();
            return registry == null ? null : new MicrometerShadowMetrics(registry, policies);
        }
    }

    /** Matches when {@code resolution.policy.shadow.candidate} has at least one entry. */
    static final class OnCandidate extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> candidate = Binder.get(context.getEnvironment())
                    .bind(ShadowProperties.PREFIX + ".candidate", Bindable.listOf(String.class)).orElse(List.of());
            return candidate.isEmpty()
                    ? ConditionOutcome.noMatch("no [" + ShadowProperties.PREFIX + ".candidate]")
                    : ConditionOutcome.match(ShadowProperties.PREFIX + ".candidate " + candidate);
        }
    }

    /** Matches when {@code resolution.policy.shadow.log.path} is set. */
    static final class OnShadowLogPath extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String path = context.getEnvironment().getProperty(ShadowProperties.PREFIX + ".log.path");
            return path == null || path.isBlank()
                    ? ConditionOutcome.noMatch("no [" + ShadowProperties.PREFIX + ".log.path]")
                    : ConditionOutcome.match("shadow log at [" + path + "]");
        }
    }
}
