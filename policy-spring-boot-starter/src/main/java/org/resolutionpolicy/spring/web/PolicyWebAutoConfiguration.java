package org.resolutionpolicy.spring.web;

import org.resolutionpolicy.spring.CaseRequests;
import org.resolutionpolicy.spring.PolicyAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Lets a servlet application's controllers take {@code @RequestBody CustomerCase} held to
 * {@code resolution.policy.request.max-body-size} ({@link CaseHttpMessageConverter}), and answers what cannot be
 * decided with problem details ({@link PolicyProblemDetails}, unless {@code resolution.policy.request.problem-details}
 * is off), when the starter configured a policy.
 */
@AutoConfiguration(after = PolicyAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RestControllerAdvice.class, ProblemDetail.class})
@ConditionalOnBean(CaseRequests.class)
public class PolicyWebAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public PolicyWebAutoConfiguration() {
    }

    /**
     * Reads a posted case no longer than the limit; Spring Boot puts it before the default converters.
     *
     * @param requests the starter's reader of request bodies
     * @return the converter
     */
    @Bean
    @ConditionalOnMissingBean
    public CaseHttpMessageConverter policyCaseHttpMessageConverter(CaseRequests requests) {
        return new CaseHttpMessageConverter(requests);
    }

    /**
     * Answers an invalid case, malformed JSON and a body past the limit with problem details.
     *
     * @return the handlers
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = PolicyProblemDetails.PROPERTY, matchIfMissing = true)
    public PolicyProblemDetails policyProblemDetails() {
        return new PolicyProblemDetails();
    }
}
