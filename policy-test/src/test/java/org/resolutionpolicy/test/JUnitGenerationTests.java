package org.resolutionpolicy.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit's tests run under the JUnit its build names: JUnit 5 in {@code policy-test}, JUnit 6 in
 * {@code policy-test-junit6}, which runs these same tests as a Spring Boot 4 project would. The build passes the
 * expected version as {@code policy.test.junit}.
 */
class JUnitGenerationTests {

    @Test
    void runs_on_the_junit_the_build_names() {
        String expected = System.getProperty("policy.test.junit");

        assertThat(expected).as("the build sets policy.test.junit").isNotBlank();
        assertThat(Test.class.getPackage().getImplementationVersion()).as("junit-jupiter-api").isEqualTo(expected);
        assertThat(LauncherFactory.class.getPackage().getImplementationVersion()).as("the launcher that runs the tests")
                .endsWith(expected.substring(expected.indexOf('.')));
    }
}
