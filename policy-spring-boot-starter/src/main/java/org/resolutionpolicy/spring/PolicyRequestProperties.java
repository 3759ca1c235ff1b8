package org.resolutionpolicy.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Holds the {@code resolution.policy.request.*} properties: how much of a posted case a service reads
 * ({@link CaseRequests}).
 *
 * @param maxBodySize the longest request body read; a longer one is refused (413) once this much is read. 1 MiB by
 *                    default: twice the largest case file
 * @param problemDetails whether the starter answers a case that cannot be decided, malformed JSON and a body past
 *                       the limit with RFC 9457 problem details (400, 413) in every controller; on by default
 */
@ConfigurationProperties(PolicyRequestProperties.PREFIX)
public record PolicyRequestProperties(@DefaultValue("1MB") DataSize maxBodySize,
                                      @DefaultValue("true") boolean problemDetails) {

    /** The prefix of these properties. */
    public static final String PREFIX = "resolution.policy.request";
}
