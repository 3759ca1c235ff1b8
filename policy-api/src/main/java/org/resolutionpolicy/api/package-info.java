/**
 * The model and entry points of resolution-policy: load a {@link org.resolutionpolicy.api.Policy} with
 * {@link org.resolutionpolicy.api.Policies}, build a {@link org.resolutionpolicy.api.CustomerCase} and
 * {@link org.resolutionpolicy.api.Policy#decide decide} it into a {@link org.resolutionpolicy.api.Decision}; try an
 * edit beside it on live traffic with a {@link org.resolutionpolicy.api.ShadowPolicy}.
 *
 * <p>This package has no runtime dependencies; the compiler behind it is found through
 * {@link org.resolutionpolicy.api.spi.PolicyEngine}.
 */
package org.resolutionpolicy.api;
