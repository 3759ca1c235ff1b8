/**
 * The YAML/MVEL policy engine behind {@code org.resolutionpolicy.api}; it provides the
 * {@link org.resolutionpolicy.api.spi.PolicyEngine} service.
 *
 * <p>It exports no internal package: other modules build on the published model ({@code policy-model}) and formats
 * ({@code policy-format}), and DRL compilers plug in through {@code org.resolutionpolicy.engine.spi}.
 */
module org.resolutionpolicy.engine {
    requires transitive org.resolutionpolicy.api;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;

    requires transitive org.resolutionpolicy.model;
    requires org.resolutionpolicy.format;

    // the one package other modules may use: the SPI of DRL compilers (policy-drools)
    exports org.resolutionpolicy.engine.spi;

    // the JSON Schema of policy files, shipped for tools that read it as a resource
    opens org.resolutionpolicy.schema;

    uses org.resolutionpolicy.engine.spi.DrlCompiler;

    provides org.resolutionpolicy.api.spi.PolicyEngine with org.resolutionpolicy.engine.internal.YamlPolicyEngine;
}
