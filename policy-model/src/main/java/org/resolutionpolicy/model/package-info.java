/**
 * The published policy model: what every source (YAML, DRL) compiles into and every tool reads.
 * {@link org.resolutionpolicy.model.PolicyModel} holds the ladder, remedies, {@link
 * org.resolutionpolicy.model.AuthorityEntry authority}, {@link org.resolutionpolicy.model.Rule rules} with their
 * typed {@link org.resolutionpolicy.model.Condition condition trees} and {@link org.resolutionpolicy.model.Effect
 * effects}, tables and definitions ({@link org.resolutionpolicy.model.Derivation}), {@link
 * org.resolutionpolicy.model.Validity validity} and where each part is written ({@link
 * org.resolutionpolicy.model.Declarations}, each rule's and entry's place). {@link
 * org.resolutionpolicy.model.ModelledPolicy#of} reaches the model of any policy, live or wrapped.
 *
 * <p>The condition tree is a closed (sealed) set of immutable nodes: {@code Condition.ALWAYS}, conjunctions
 * ({@code Condition.AllOf}), {@link org.resolutionpolicy.model.FactMatcher} with a sealed
 * {@link org.resolutionpolicy.model.ValueTest} ({@code Equals}, {@code OneOf}, {@code Compare},
 * {@code AllOf}, {@code Not}), {@link org.resolutionpolicy.model.Exists} and
 * {@link org.resolutionpolicy.model.Expression}, whose body a compiler outside the model provides with its checked
 * tree ({@link org.resolutionpolicy.model.expr.Expr}). Explaining a condition yields the API's
 * {@link org.resolutionpolicy.api.Explanation.Failure failures}; {@link org.resolutionpolicy.model.Facts} is what a
 * condition reads of one case.
 *
 * <p>Status: published for tools built on the library (the Drools support, the analysis, pages). Additions come in
 * any release; a change that breaks a caller is deprecated for one release first, as in the API.
 */
package org.resolutionpolicy.model;
