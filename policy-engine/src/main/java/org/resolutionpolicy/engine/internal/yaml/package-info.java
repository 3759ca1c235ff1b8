/**
 * Reading YAML policies and cases with locations: {@link org.resolutionpolicy.engine.internal.yaml.YamlTree}
 * composes a source, {@link org.resolutionpolicy.engine.internal.yaml.PolicyReader} reads the header, remedies and
 * authority into a {@link org.resolutionpolicy.engine.internal.model.PolicyModel}, {@code RuleReader} reads the rules
 * and {@code ConditionReader} turns each {@code when:} into the model's condition tree; and
 * {@link org.resolutionpolicy.engine.internal.yaml.CaseReader} reads cases. Internal.
 */
package org.resolutionpolicy.engine.internal.yaml;
