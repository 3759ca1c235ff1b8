/**
 * Compiled examples of the API, quoted by the README: {@link org.resolutionpolicy.examples.QuickStart} and
 * {@link org.resolutionpolicy.examples.LatitudeExample}. The example policies and cases are on the classpath under
 * {@code policies/} and {@code cases/}.
 */
package org.resolutionpolicy.examples;
