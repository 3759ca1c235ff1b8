/**
 * Decision logs: {@link org.resolutionpolicy.engine.internal.log.JsonLinesDecisionLog} writes one JSON line per
 * decision and {@link org.resolutionpolicy.engine.internal.log.DecisionLogSummary} counts what a log holds.
 * Internal: use {@link org.resolutionpolicy.api.DecisionLog}.
 */
package org.resolutionpolicy.engine.internal.log;
