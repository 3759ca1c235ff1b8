/**
 * The {@code policy} command line: validate, decide, explain and test policies.
 *
 * <p>{@code org.resolutionpolicy.analysis} is an automatic module (its manifest names it), since the SMT solver it
 * depends on has no module name of its own.
 */
@SuppressWarnings("requires-automatic")
module org.resolutionpolicy.cli {
    requires org.resolutionpolicy.api;
    requires org.resolutionpolicy.model;
    requires org.resolutionpolicy.format;
    requires org.resolutionpolicy.drools;
    requires org.resolutionpolicy.test;
    requires org.resolutionpolicy.analysis;
    requires org.resolutionpolicy.report;
    requires org.resolutionpolicy.replay;
    requires info.picocli;

    // picocli fills the commands' annotated fields by reflection
    opens org.resolutionpolicy.cli to info.picocli;
}
