/**
 * The service interface between the API and an engine: {@link org.resolutionpolicy.api.spi.PolicyEngine}.
 * Engine authors implement it; users never need it.
 */
package org.resolutionpolicy.api.spi;
