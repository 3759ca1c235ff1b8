/**
 * What DRL rules see and do: the facts {@link org.resolutionpolicy.drools.CaseFact} and
 * {@link org.resolutionpolicy.drools.ProposalFact}, and the global {@link org.resolutionpolicy.drools.Effects}.
 * DRL is code: it runs with the application's privileges, unlike YAML expressions, which are sandboxed.
 */
package org.resolutionpolicy.drools;
