package org.resolutionpolicy.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells in one line why the application did not start when its decision log cannot be written (a missing or
 * read-only folder), and what to do, instead of a stack trace of bean creation.
 */
public final class DecisionLogFailureAnalyzer extends AbstractFailureAnalyzer<DecisionLogPathException> {

    /** Creates the analyzer; Spring Boot does, from {@code META-INF/spring.factories}. */
    public DecisionLogFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DecisionLogPathException cause) {
        return new FailureAnalysis("The decision log [" + cause.path() + "] of [" + PolicyProperties.PREFIX
                + ".decision-log.path] cannot be written: " + cause.reason() + ".",
                "Create the folder and let the application's user write to it, or point [" + PolicyProperties.PREFIX
                        + ".decision-log.path] at a writable folder (or unset it for no decision log).", cause);
    }
}
