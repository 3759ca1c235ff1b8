/**
 * Decision logs: {@link org.resolutionpolicy.engine.internal.log.JsonLinesDecisionLog} writes one JSON line per
 * decision.
 * Internal: use {@link org.resolutionpolicy.api.DecisionLog}.
 */
package org.resolutionpolicy.engine.internal.log;
