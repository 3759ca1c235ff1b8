package org.resolutionpolicy.model;

import java.util.List;
import java.util.Set;

/**
 * Rules that are not YAML, such as DRL, seen by the decider as matches with effects.
 *
 * <p>Implementations are thread-safe. The decider asks once per proposal (facts with a remedy) and once for the
 * case alone (facts without one); each matched effect comes back as a {@link Rule} whose condition has already
 * held. The same rule id may appear once per effect it asked for.
 */
public interface ExternalRules {

    /** Returns the ids of every rule, in source order. */
    List<String> ruleIds();

    /**
     * Releases what the rules hold (such as pooled rule-engine sessions) when the policy is replaced. Deciding
     * afterwards still works, rebuilding what it needs. The default holds nothing.
     */
    default void release() {
        // nothing held
    }

    /** Returns true if the rule is switched off, for explanations; the default knows of none. */
    default boolean disabled(String ruleId) {
        return false;
    }

    /**
     * Returns the remedies a rule can be about, for explanations, or null when it may be about any remedy or this
     * cannot be told without running it (the default).
     */
    default Set<String> remedies(String ruleId) {
        return null;
    }

    /**
     * Describes the rules as far as their source tells without deciding a case, for {@link
     * org.resolutionpolicy.api.Policy#authority()}, in source order. The default describes none.
     */
    default List<org.resolutionpolicy.api.AuthorityTable.Rule> describe() {
        return List.of();
    }

    /** Returns the effects of every rule that matched these facts. */
    List<Rule> matches(Facts facts);

    /**
     * Starts deciding the proposals of one case, for sources that can share work between them. The default asks
     * {@link #matches} for each proposal and for the case alone.
     *
     * @param caseFacts the case-level facts
     * @return the run; the decider closes it when the decision is done, whether or not it failed
     */
    default CaseRun open(Facts caseFacts) {
        return new CaseRun() {
            @Override
            public List<Rule> matches(Facts proposalFacts) {
                return ExternalRules.this.matches(proposalFacts);
            }

            @Override
            public List<Rule> caseMatches() {
                return ExternalRules.this.matches(caseFacts);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /**
     * The proposals of one case being decided, one after the other, on one thread. A list it returns may be the run's
     * own, reused: the decider reads it before its next call and before {@link #close()}.
     */
    interface CaseRun extends AutoCloseable {

        /** Returns the effects of every rule that matched one proposal of the case (facts with a remedy). */
        List<Rule> matches(Facts proposalFacts);

        /** Returns the effects of every rule that matched the case alone; asked after the proposals. */
        List<Rule> caseMatches();

        @Override
        void close();
    }
}
