/**
 * DRL policies on Drools 10: provides the engine's DRL compiler and exports the facts and effects DRL rules are
 * written against ({@code org.resolutionpolicy.drools}).
 */
module org.resolutionpolicy.drools {
    requires transitive org.resolutionpolicy.api;
    requires org.resolutionpolicy.model;
    requires org.resolutionpolicy.format;
    // the engine's SPI for DRL compilers
    requires org.resolutionpolicy.engine;
    // transitive: Effects takes Drools' RuleContext (kcontext) in its methods
    requires transitive org.kie.api;
    requires org.kie.internal.api;
    requires org.drools.base;
    // a match's tuple, walked to find the proposal it holds without making a list of its objects
    requires org.drools.core;
    requires org.slf4j;
    // the DRL header's annotation values are YAML flow nodes, read by the engine's YAML reader
    requires org.yaml.snakeyaml;

    exports org.resolutionpolicy.drools;

    provides org.resolutionpolicy.engine.spi.DrlCompiler
            with org.resolutionpolicy.drools.internal.DroolsDrlCompiler;
}
