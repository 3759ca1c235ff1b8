/**
 * The public formats of resolution-policy, read and written in one place: cases (YAML and JSON, one line of a
 * history), decisions (JSON and text), the JSON-lines decision log, and the located YAML reading every file format
 * uses. It provides the API's {@link org.resolutionpolicy.api.spi.Formats} and
 * {@link org.resolutionpolicy.api.DecisionLog.Provider} and
 * {@link org.resolutionpolicy.api.ShadowLog.Provider}.
 */
module org.resolutionpolicy.format {
    requires transitive org.resolutionpolicy.api;
    requires transitive org.resolutionpolicy.model;
    requires transitive org.yaml.snakeyaml;
    requires transitive com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.resolutionpolicy.format;
    exports org.resolutionpolicy.format.json;
    exports org.resolutionpolicy.format.log;
    exports org.resolutionpolicy.format.text;
    exports org.resolutionpolicy.format.yaml;

    provides org.resolutionpolicy.api.spi.Formats with org.resolutionpolicy.format.ServiceFormats;
    provides org.resolutionpolicy.api.DecisionLog.Provider
            with org.resolutionpolicy.format.log.JsonLinesDecisionLog.Provider;
    provides org.resolutionpolicy.api.ShadowLog.Provider
            with org.resolutionpolicy.format.log.JsonLinesShadowLog.Provider;
}
