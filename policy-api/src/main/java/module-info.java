/**
 * The model and entry points of resolution-policy; no dependencies beyond {@code java.base}.
 *
 * <p>The engine is found with {@link java.util.ServiceLoader} as an {@link org.resolutionpolicy.api.spi.PolicyEngine}
 * ({@code org.resolutionpolicy.engine} provides one); the formats behind {@link org.resolutionpolicy.api.Cases} and
 * the JSON-lines decision log as {@link org.resolutionpolicy.api.spi.Formats} and
 * {@link org.resolutionpolicy.api.DecisionLog.Provider} ({@code org.resolutionpolicy.format} provides them).
 */
module org.resolutionpolicy.api {
    exports org.resolutionpolicy.api;
    exports org.resolutionpolicy.api.spi;

    uses org.resolutionpolicy.api.spi.PolicyEngine;
    uses org.resolutionpolicy.api.spi.Formats;
    uses org.resolutionpolicy.api.DecisionLog.Provider;
    uses org.resolutionpolicy.api.ShadowLog.Provider;
}
