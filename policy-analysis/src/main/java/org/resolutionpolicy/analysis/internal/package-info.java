/**
 * The implementation of analysis: the solver context ({@code Smt}), the variables of a case ({@code FactSpace}), the
 * encoding of conditions and of the decision lattice ({@code ConditionEncoder}, {@code PolicyEncoder}), witnesses
 * read back from models ({@code Witness}) and decided by the engine ({@code Engine}). Internal: not for use, may
 * change in any release.
 */
package org.resolutionpolicy.analysis.internal;
