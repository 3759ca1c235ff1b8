package org.resolutionpolicy.spring;

import org.resolutionpolicy.api.PolicyLoadException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells why the application did not start when its policy has errors: every problem with its file, line and column,
 * as {@code policy validate} prints them, instead of a stack trace of bean creation.
 */
public final class PolicyLoadFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

    /** Creates the analyzer; Spring Boot does, from {@code META-INF/spring.factories}. */
    public PolicyLoadFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
        return new FailureAnalysis("The policy of [" + PolicyProperties.PREFIX + ".locations] could not be loaded: "
                + cause.getMessage().replaceFirst("^policy could not be loaded: ", ""),
                "Fix the problems above (run `policy validate` on the files to check them as you edit), or point ["
                        + PolicyProperties.PREFIX + ".locations] at another policy.", cause);
    }
}
