/**
 * Helpers every other engine package shares: places in a source ({@link org.resolutionpolicy.model.source.Place}),
 * collected problems ({@link org.resolutionpolicy.model.source.Problems}), hints and the parsing of amounts,
 * dates and periods ({@link org.resolutionpolicy.model.value.Values}). Internal: depends on nothing else in
 * the engine.
 */
package org.resolutionpolicy.engine.internal.support;
