/**
 * JSON shared by the decision log and the CLI: {@link org.resolutionpolicy.format.json.DecisionJson} maps
 * a decision to the tree of the policy-format guide, and {@link org.resolutionpolicy.format.json.Json}
 * writes a tree as JSON text without a JSON library. Internal.
 */
package org.resolutionpolicy.format.json;
