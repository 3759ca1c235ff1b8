/**
 * The policy model every source produces: {@link org.resolutionpolicy.engine.internal.model.PolicyModel} with its
 * ladder, remedies, authority and {@link org.resolutionpolicy.engine.internal.model.Rule rules}, each with a typed
 * {@link org.resolutionpolicy.engine.internal.model.Condition condition tree}, and the
 * {@link org.resolutionpolicy.engine.internal.model.Facts facts} a condition reads. YAML and DRL build it; evaluation,
 * explanation and analysis read it. Internal: depends only on the API and the support package.
 */
package org.resolutionpolicy.engine.internal.model;
