/**
 * The decision lattice: {@link org.resolutionpolicy.engine.internal.eval.CompiledPolicy} checks a case and
 * decides it by deny, SWAT, authority and require. Internal.
 */
package org.resolutionpolicy.engine.internal.eval;
