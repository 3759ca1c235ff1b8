/**
 * The JSON-lines decision log: {@link org.resolutionpolicy.format.log.JsonLinesDecisionLog} writes one line per
 * decision and per reload attempt, in the decision-log format of the policy-format guide, with ids masked as asked.
 * {@link org.resolutionpolicy.api.DecisionLog#jsonLines} opens it.
 */
package org.resolutionpolicy.format.log;
