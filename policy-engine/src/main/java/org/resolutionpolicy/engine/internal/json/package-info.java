/**
 * JSON shared by the decision log and the CLI: {@link org.resolutionpolicy.engine.internal.json.DecisionJson} maps
 * a decision to the tree of the policy-format guide, and {@link org.resolutionpolicy.engine.internal.json.Json}
 * writes a tree as JSON text without a JSON library. Internal.
 */
package org.resolutionpolicy.engine.internal.json;
