/**
 * Proves what a policy can and cannot do: {@link org.resolutionpolicy.analysis.Analysis} finds rules that never
 * match or never change an outcome, grants that raise nothing, gaps, shrinking ladders and unreachable roles; proves
 * owner-written {@link org.resolutionpolicy.analysis.Guarantee guarantees}; and compares two versions of a policy
 * ({@link org.resolutionpolicy.analysis.ChangeProof}). {@link org.resolutionpolicy.analysis.Guarantees} runs
 * guarantee files under JUnit 5.
 */
package org.resolutionpolicy.analysis;
