/**
 * Serves cases the Spring way: {@link org.resolutionpolicy.spring.web.PolicyJacksonModule} reads and writes
 * {@code CustomerCase}, {@code Decision} and {@code Explanation} in Spring Boot 4's Jackson (3),
 * {@link org.resolutionpolicy.spring.web.CaseHttpMessageConverter} reads a posted case no longer than the body limit,
 * and {@link org.resolutionpolicy.spring.web.PolicyProblemDetails} answers what cannot be decided with RFC 9457
 * problem details; {@link org.resolutionpolicy.spring.web.PolicyWebAutoConfiguration} configures them.
 */
package org.resolutionpolicy.spring.web;
