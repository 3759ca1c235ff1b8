/**
 * The JSON of the public formats: {@link org.resolutionpolicy.format.json.DecisionJson} maps a decision to the JSON
 * of the policy-format guide (the CLI, the decision log and replay write it), {@link
 * org.resolutionpolicy.format.json.CaseJson} and {@link org.resolutionpolicy.format.json.CaseJsonReader} write and
 * read cases and history lines.
 */
package org.resolutionpolicy.format.json;
