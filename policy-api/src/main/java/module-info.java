/**
 * The model and entry points of resolution-policy; no dependencies beyond {@code java.base}.
 *
 * <p>The engine is found with {@link java.util.ServiceLoader} as an {@link org.resolutionpolicy.api.spi.PolicyEngine}
 * ({@code org.resolutionpolicy.engine} provides one).
 */
module org.resolutionpolicy.api {
    exports org.resolutionpolicy.api;
    exports org.resolutionpolicy.api.spi;

    uses org.resolutionpolicy.api.spi.PolicyEngine;
}
