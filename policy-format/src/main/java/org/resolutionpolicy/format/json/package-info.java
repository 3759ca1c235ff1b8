/**
 * The JSON of the public formats: {@link org.resolutionpolicy.format.json.DecisionJson} maps a decision to the JSON
 * of the policy-format guide (the CLI, the decision log and replay write it), {@link
 * org.resolutionpolicy.format.json.CaseJson} writes a case and {@link org.resolutionpolicy.format.json.CaseJsonReader}
 * reads cases and history lines, and {@link org.resolutionpolicy.format.json.JsonText} writes JSON in the project's
 * one layout on jackson-core's generator.
 */
package org.resolutionpolicy.format.json;
