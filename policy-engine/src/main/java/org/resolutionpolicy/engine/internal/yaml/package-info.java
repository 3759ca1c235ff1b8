/**
 * Reading YAML policies and cases with locations: {@link org.resolutionpolicy.format.yaml.YamlTree}
 * composes a source, {@link org.resolutionpolicy.engine.internal.yaml.PolicyReader} reads the header, remedies and
 * authority into a {@link org.resolutionpolicy.model.PolicyModel}, {@code RuleReader} reads the rules
 * and {@code ConditionReader} turns each {@code when:} into the model's condition tree;
 * {@link org.resolutionpolicy.format.yaml.PolicyHeader} carries a header written in another source (a DRL
 * {@code declare Policy}) as YAML nodes placed in that source, read by the same path; and
 * {@link org.resolutionpolicy.format.yaml.CaseReader} reads cases. Internal.
 */
package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.YamlTree;
import org.resolutionpolicy.format.yaml.PolicyHeader;
import org.resolutionpolicy.format.yaml.CaseReader;
