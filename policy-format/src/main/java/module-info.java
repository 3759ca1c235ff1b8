/**
 * The public formats of resolution-policy, read and written in one place: cases (YAML and JSON, one line of a
 * history), decisions and explanations (JSON and text), and the located YAML reading every file format uses.
 */
module org.resolutionpolicy.format {
    requires transitive org.resolutionpolicy.api;
    requires transitive org.resolutionpolicy.model;
    requires transitive org.yaml.snakeyaml;
    requires transitive com.fasterxml.jackson.core;

    exports org.resolutionpolicy.format.json;
    exports org.resolutionpolicy.format.text;
    exports org.resolutionpolicy.format.yaml;
}
