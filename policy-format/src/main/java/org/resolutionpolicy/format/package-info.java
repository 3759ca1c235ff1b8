/**
 * The public formats' entry points: {@link org.resolutionpolicy.format.CaseFormat} reads a case in YAML or JSON;
 * {@link org.resolutionpolicy.format.ServiceFormats} serves the API's conveniences
 * ({@link org.resolutionpolicy.api.Cases}). Decisions are written by
 * {@link org.resolutionpolicy.format.json.DecisionJson}, logged by
 * {@link org.resolutionpolicy.format.log.JsonLinesDecisionLog}.
 */
package org.resolutionpolicy.format;
