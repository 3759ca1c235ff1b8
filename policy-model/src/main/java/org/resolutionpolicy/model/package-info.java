/**
 * The policy model every source produces: {@link org.resolutionpolicy.model.PolicyModel} with its
 * ladder, remedies, authority and {@link org.resolutionpolicy.model.Rule rules}, each with a typed
 * {@link org.resolutionpolicy.model.Condition condition tree}, and the
 * {@link org.resolutionpolicy.model.Facts facts} a condition reads.
 *
 * <p>The condition tree is a closed (sealed) set of immutable nodes: {@code Condition.ALWAYS}, conjunctions
 * ({@code Condition.AllOf}), {@link org.resolutionpolicy.model.FactMatcher} with a sealed
 * {@link org.resolutionpolicy.model.ValueTest} ({@code Equals}, {@code OneOf}, {@code Compare},
 * {@code AllOf}, {@code Not}), {@link org.resolutionpolicy.model.Exists} and
 * {@link org.resolutionpolicy.model.Expression}, whose body a compiler outside the model provides.
 * Explaining a condition yields the API's {@link org.resolutionpolicy.api.Explanation.Failure failures}.
 *
 * <p>YAML and DRL build it; evaluation, explanation and analysis read it. Internal: depends only on the API and the
 * support package.
 */
package org.resolutionpolicy.model;
