/**
 * Helpers every other engine package shares: places in a source ({@link org.resolutionpolicy.engine.internal.support.Place}),
 * collected problems ({@link org.resolutionpolicy.engine.internal.support.Problems}), hints and the parsing of amounts,
 * dates and periods ({@link org.resolutionpolicy.engine.internal.support.Values}). Internal: depends on nothing else in
 * the engine.
 */
package org.resolutionpolicy.engine.internal.support;
