/**
 * YAML read with places, within limits, for every file format of the project: {@link
 * org.resolutionpolicy.format.yaml.YamlTree} composes a source, {@link org.resolutionpolicy.format.yaml.NodeReader}
 * reads its nodes with located problems, {@link org.resolutionpolicy.format.yaml.PolicyHeader} carries a header
 * written in another source (a DRL {@code declare Policy}) as YAML nodes placed in that source, and {@link
 * org.resolutionpolicy.format.yaml.CaseReader} reads cases.
 */
package org.resolutionpolicy.format.yaml;
