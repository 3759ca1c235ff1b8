/**
 * The published policy model of resolution-policy: what every source (YAML, DRL) compiles into and every tool
 * (the Drools support, the analysis, the pages) reads. Depends on the API alone.
 *
 * <p>{@code org.resolutionpolicy.model} holds the model itself, {@code .expr} the checked tree of an expression,
 * {@code .source} the places and problems of policy files, {@code .value} how amounts, dates and periods are read
 * and compared. {@link org.resolutionpolicy.model.ModelledPolicy} reaches the model from any policy.
 */
module org.resolutionpolicy.model {
    requires transitive org.resolutionpolicy.api;

    exports org.resolutionpolicy.model;
    exports org.resolutionpolicy.model.expr;
    exports org.resolutionpolicy.model.source;
    exports org.resolutionpolicy.model.value;
}
