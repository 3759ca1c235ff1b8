/**
 * Reading YAML policies and cases with locations: {@link org.resolutionpolicy.engine.internal.yaml.YamlTree},
 * {@link org.resolutionpolicy.engine.internal.yaml.PolicyReader} and
 * {@link org.resolutionpolicy.engine.internal.yaml.CaseReader}. Internal.
 */
package org.resolutionpolicy.engine.internal.yaml;
