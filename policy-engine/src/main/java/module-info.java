/**
 * The YAML/MVEL policy engine behind {@code org.resolutionpolicy.api}; it provides the
 * {@link org.resolutionpolicy.api.spi.PolicyEngine} service and exports nothing to users.
 *
 * <p>Its internal packages are exported only to the sibling modules that are built with it, and only those each
 * needs: the Drools support binds its rules to the policy model, the test kit reads scenario files and renders
 * decision tables, and the CLI writes JSON, summarises decision logs and renders tables. Any of them may change in
 * any release.
 */
module org.resolutionpolicy.engine {
    requires transitive org.resolutionpolicy.api;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;

    exports org.resolutionpolicy.engine.internal to org.resolutionpolicy.drools, org.resolutionpolicy.analysis;
    exports org.resolutionpolicy.engine.internal.model to org.resolutionpolicy.drools, org.resolutionpolicy.analysis;
    exports org.resolutionpolicy.engine.internal.support to org.resolutionpolicy.drools, org.resolutionpolicy.test,
            org.resolutionpolicy.analysis;
    // the analysis reads guarantees about a policy with PolicyReader.readAbout
    exports org.resolutionpolicy.engine.internal.yaml to org.resolutionpolicy.drools, org.resolutionpolicy.test,
            org.resolutionpolicy.analysis;
    exports org.resolutionpolicy.engine.internal.text to org.resolutionpolicy.test, org.resolutionpolicy.cli;
    exports org.resolutionpolicy.engine.internal.json to org.resolutionpolicy.cli, org.resolutionpolicy.analysis,
            org.resolutionpolicy.replay;
    // the SMT encoder walks the checked expression tree and reads the compiled policy's model
    exports org.resolutionpolicy.engine.internal.mvel to org.resolutionpolicy.analysis;
    // a replay decides through CompiledPolicy.decideWithoutSentences
    exports org.resolutionpolicy.engine.internal.eval to org.resolutionpolicy.analysis, org.resolutionpolicy.replay;
    exports org.resolutionpolicy.engine.internal.log to org.resolutionpolicy.cli;
    exports org.resolutionpolicy.engine.internal.reload to org.resolutionpolicy.cli;

    // the JSON Schema of policy files, shipped for tools that read it as a resource
    opens org.resolutionpolicy.schema;

    uses org.resolutionpolicy.engine.internal.DrlCompiler;

    provides org.resolutionpolicy.api.spi.PolicyEngine with org.resolutionpolicy.engine.internal.YamlPolicyEngine;
}
