/**
 * The {@code policy} command line: validate, decide, explain and test policies.
 */
module org.resolutionpolicy.cli {
    requires org.resolutionpolicy.api;
    requires org.resolutionpolicy.engine;
    requires org.resolutionpolicy.drools;
    requires org.resolutionpolicy.test;
    requires org.resolutionpolicy.report;
    requires org.resolutionpolicy.replay;
    requires info.picocli;

    // picocli fills the commands' annotated fields by reflection
    opens org.resolutionpolicy.cli to info.picocli;
}
