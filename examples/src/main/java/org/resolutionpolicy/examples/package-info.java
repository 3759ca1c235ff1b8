/**
 * Compiled examples of the API, quoted by the README and the guides: {@link org.resolutionpolicy.examples.QuickStart},
 * {@link org.resolutionpolicy.examples.LatitudeExample}, {@link org.resolutionpolicy.examples.DecisionLogExample},
 * {@link org.resolutionpolicy.examples.ReloadExample} (hot reload) and
 * {@link org.resolutionpolicy.examples.LoadOptionsExample} (limits and clock). The example policies and cases are on
 * the classpath under {@code policies/} and {@code cases/}.
 */
package org.resolutionpolicy.examples;
