/**
 * Reading YAML policies into the model: {@link org.resolutionpolicy.engine.internal.yaml.PolicyReader} reads the
 * header, remedies and authority into a {@link org.resolutionpolicy.model.PolicyModel}, {@code RuleReader} reads
 * the rules and {@code ConditionReader} turns each {@code when:} into the model's condition tree, on the located
 * YAML of {@code policy-format}. Internal.
 */
package org.resolutionpolicy.engine.internal.yaml;
