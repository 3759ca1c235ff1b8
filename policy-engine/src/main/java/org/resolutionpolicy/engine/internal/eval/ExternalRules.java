package org.resolutionpolicy.engine.internal.eval;

import java.util.List;

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

    /** Returns the effects of every rule that matched these facts. */
    List<Rule> matches(Facts facts);
}
