package org.resolutionpolicy.api;

import java.util.List;
import java.util.Map;

/**
 * A compiled policy: decides cases.
 *
 * <p>Implementations are immutable and thread-safe: one instance may be shared by every thread of an
 * application, and {@link #decide(CustomerCase)} never re-parses or re-compiles anything. Obtain one from
 * {@link Policies}.
 */
public interface Policy {

    /** Returns the policy id, e.g. {@code coffee-shop}. */
    String id();

    /** Returns the policy version, echoed in every decision. */
    String version();

    /**
     * Returns the revision of this policy: its version and a hash of the content of all its sources, such as
     * {@code 2026.11@3f2a9c41d07e}. Two policies compiled from the same sources have the same revision; any edit
     * of any source gives another. Every {@link Decision} names the revision that decided it.
     */
    default String revision() {
        return version();
    }

    /** Returns the description, or an empty string. */
    String description();

    /** Returns the severity scale, lowest first. */
    List<String> severities();

    /** Returns the role ladder, lowest first. */
    List<String> roles();

    /** Returns the remedies with their units, in declaration order. */
    Map<String, RemedyUnit> remedies();

    /** Returns the declared case attributes with their types, in declaration order. */
    Map<String, AttributeType> attributes();

    /**
     * Returns who may grant what, as the policy is written: per remedy and role the per-grant limit, the
     * per-customer windows, who approves beyond and the grants that raise a limit, with their conditions in words;
     * and every rule the policy's sources can describe without deciding a case.
     *
     * @return the table: for a compiled policy the same instance on every call; a {@link LivePolicy} answers with
     *         the table of the revision it serves
     * @throws UnsupportedOperationException if this implementation cannot describe its authority (the default,
     *         for implementations written before this method; the engine's policies always can)
     */
    default AuthorityTable authority() {
        throw new UnsupportedOperationException("policy [" + id() + "] does not describe its authority");
    }

    /** Returns the ids of every rule, disabled ones included, in policy order. */
    List<String> ruleIds();

    /**
     * Returns the warnings found while loading: problems that did not stop the policy, such as a rule
     * without {@code because}. Empty for a clean policy.
     */
    List<Problem> warnings();

    /**
     * Decides a case: an outcome per proposal, or the latitude per remedy when the case has no proposals.
     *
     * @param customerCase the case
     * @return the decision, with reasons and follow-ups
     * @throws NullPointerException if the case is null
     * @throws InvalidCaseException if the case does not fit this policy (unknown severity, role, remedy or
     *         attribute, a missing or negative amount, a value of the wrong type); every problem is listed
     */
    Decision decide(CustomerCase customerCase);

    /**
     * Decides a case as {@link #decide} does, except that the reasons of the authority table (who may grant what)
     * may carry their rule ids without a sentence (an empty {@link Reason#because()}): for tools that count outcomes,
     * approvers and rule ids over many cases and show no sentence, such as a replay. Outcomes, approvers, rule ids,
     * follow-ups, entitlements and latitude are those of {@link #decide}; decision listeners hear the decision as
     * they always do (a policy with listeners decides in full, so that they get every sentence).
     *
     * <p>The default decides in full; the engine's policies (compiled, live, versioned, from a registry) leave the
     * sentences out, which saves most of a decision's allocation.
     *
     * @param customerCase the case
     * @return the decision
     * @throws NullPointerException if the case is null
     * @throws InvalidCaseException if the case does not fit this policy
     */
    default Decision decideWithoutSentences(CustomerCase customerCase) {
        return decide(customerCase);
    }

    /**
     * Returns the policy that decides now, as an immutable snapshot: this policy itself unless it stands for
     * another that may change (a {@link LivePolicy} returns the revision it serves) or wraps one (a policy that
     * only adds listeners or observations returns what it wraps decides with). Tools that read a policy's model
     * (analysis, pages) start from here, so that any policy a caller holds can be read.
     *
     * @return the snapshot, never null
     */
    default Policy current() {
        return this;
    }

    /**
     * Decides a case and explains it: every rule with whether it matched each proposal and, when it did not,
     * which condition failed with what values; and how the authority role was derived. Slower than
     * {@link #decide}, which never pays for explanations.
     *
     * @param customerCase the case
     * @return the explanation, whose {@link Explanation#decision()} equals {@code decide(customerCase)}
     * @throws NullPointerException if the case is null
     * @throws InvalidCaseException if the case does not fit this policy
     */
    Explanation explain(CustomerCase customerCase);

    /**
     * Returns a policy that decides exactly as this one and then tells the listener, after the listeners this
     * one already has. This policy is unchanged.
     *
     * @param listener called after each decision; a listener that throws is reported, never breaks a decision
     * @return the policy with the listener
     * @throws NullPointerException if the listener is null
     */
    Policy withListener(DecisionListener listener);
}
