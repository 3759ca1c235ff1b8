/**
 * The JSON-lines decision log: {@link org.resolutionpolicy.format.log.JsonLinesDecisionLog} writes one line per
 * decision and per reload attempt, in the decision-log format of the policy-format guide, with ids masked as asked.
 * {@link org.resolutionpolicy.api.DecisionLog#jsonLines} opens it. The shadow log,
 * {@link org.resolutionpolicy.format.log.JsonLinesShadowLog}, writes a shadow's disagreements and tallies its
 * agreements; {@link org.resolutionpolicy.api.ShadowLog#jsonLines} opens it.
 */
package org.resolutionpolicy.format.log;
