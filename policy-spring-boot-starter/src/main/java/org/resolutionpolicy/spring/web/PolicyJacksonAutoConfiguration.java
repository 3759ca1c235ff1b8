package org.resolutionpolicy.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/**
 * Registers {@link PolicyJacksonModule} with Spring Boot's Jackson, when the application has Jackson 3: controllers,
 * clients and message listeners read and write {@code CustomerCase}, {@code Decision} and {@code Explanation} as the
 * policy-format guide writes them. It needs no policy: a client of a decision service uses it too.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(JacksonModule.class)
public class PolicyJacksonAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public PolicyJacksonAutoConfiguration() {
    }

    /**
     * Returns the module; Spring Boot adds every {@code JacksonModule} bean to its {@code JsonMapper}.
     *
     * @return the module
     */
    @Bean
    @ConditionalOnMissingBean
    public PolicyJacksonModule policyJacksonModule() {
        return new PolicyJacksonModule();
    }
}
