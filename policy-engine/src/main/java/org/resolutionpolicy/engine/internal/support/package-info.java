/**
 * Helpers the engine's packages share: load budgets, revisions and decision ids. Internal: depends on nothing else
 * in the engine.
 */
package org.resolutionpolicy.engine.internal.support;
