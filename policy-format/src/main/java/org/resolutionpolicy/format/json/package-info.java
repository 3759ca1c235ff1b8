/**
 * JSON shared by the decision log, replay and the CLI: {@link org.resolutionpolicy.format.json.DecisionJson} maps
 * a decision to the tree of the policy-format guide, {@link org.resolutionpolicy.format.json.CaseJson} writes a case
 * and {@link org.resolutionpolicy.format.json.CaseJsonReader} reads one, and
 * {@link org.resolutionpolicy.format.json.JsonText} writes JSON in the project's one layout on jackson-core's
 * generator. Internal.
 */
package org.resolutionpolicy.format.json;
