/**
 * The test kit for policies: AssertJ assertions on decisions, scenario files run by JUnit 5 and the CLI, and jqwik
 * arbitraries and properties ({@code org.resolutionpolicy.test}).
 *
 * <p>AssertJ, JUnit and jqwik are required {@code static}: a test module that uses the assertions, scenarios or
 * properties has them already, and the CLI runs scenario files without any of them.
 */
module org.resolutionpolicy.test {
    requires transitive org.resolutionpolicy.api;
    requires org.resolutionpolicy.format;
    requires org.yaml.snakeyaml;
    requires static org.assertj.core;
    requires static org.junit.jupiter.api;
    requires static net.jqwik.api;
    requires static org.opentest4j;

    exports org.resolutionpolicy.test;
}
