package org.resolutionpolicy.drools;

import org.kie.api.runtime.rule.RuleContext;

/**
 * What a DRL rule may do to an outcome: the same effects as a YAML rule. Declare it as a global and call it
 * from consequences, passing {@code kcontext} so the effect carries the rule's name as its id:
 *
 * <pre>
 * global org.resolutionpolicy.drools.Effects effects;
 * ...
 * then
 *     effects.deny(kcontext, "Gift-card balances are never refunded in cash");
 * </pre>
 *
 * Effects combine with every other rule's, YAML or DRL, by the same lattice: deny overrides, SWAT next, the
 * approver is the highest of the authority role and every require. Salience and agenda order change nothing.
 */
public interface Effects {

    /** Forbids the proposal being decided. */
    void deny(RuleContext rule, String because);

    /** Sends the proposal being decided to the SWAT team. */
    void routeToSwat(RuleContext rule, String because);

    /** Requires at least this role to approve the proposal being decided. */
    void require(RuleContext rule, String role, String because);

    /**
     * Requires every one of these roles to sign off the proposal being decided, each apart (a dual approval, as
     * YAML's {@code require: [director, finance]}): {@code effects.requireAll(kcontext, "director, finance", "...")}.
     *
     * @param roles the roles, separated by commas
     */
    void requireAll(RuleContext rule, String roles, String because);

    /** Raises this role's per-grant limit for the proposal being decided to {@code upTo} (a number or "unlimited"). */
    void grant(RuleContext rule, String role, Object upTo, String because);

    /**
     * States what the customer is entitled to for the remedy being decided: every role may grant up to it, and the
     * decision reports it with {@code working}, the arithmetic that gave it (e.g. {@code "12 * 8 days"}).
     */
    void entitled(RuleContext rule, Object amount, String working, String because);

    /** Adds a follow-up to the decision; {@code within} (ISO-8601) and {@code owner} (a role) may be null. */
    void followUp(RuleContext rule, String action, String within, String owner, String because);

    /**
     * Adds a follow-up that applies only after certain outcomes, as YAML's {@code followUp: {when: granted}}:
     * {@code when} names them, separated by commas ({@code "granted"}, {@code "escalated, denied"}; one of
     * {@code granted}, {@code alone}, {@code escalated}, {@code swat}, {@code denied}).
     */
    void followUp(RuleContext rule, String action, String within, String owner, String when, String because);
}
