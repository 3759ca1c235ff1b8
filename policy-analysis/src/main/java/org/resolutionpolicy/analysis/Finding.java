package org.resolutionpolicy.analysis;

import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.format.json.JsonText;

/**
 * States one thing analysis found in a policy, for its owner: where, what, and a case that shows it.
 *
 * @param kind what kind of finding it is
 * @param place where in the policy, {@code file:line:col} (the file alone when the line is unknown)
 * @param subject the rule, role or remedy it is about
 * @param message a sentence a policy owner understands
 * @param witness a case (in the case format {@code policy decide} accepts) that the engine decided as the sentence
 *                says, as a tree of maps and lists; null when the finding is that no such case exists
 */
public record Finding(Kind kind, String place, String subject, String message, Map<String, Object> witness) {

    /** The kinds of findings. */
    public enum Kind {
        /** A rule that no case can match. */
        NEVER_MATCHES,
        /** A rule that matches, yet never changes an outcome: a deny, a SWAT route or a stricter authority decides. */
        MASKED,
        /** A grant that matches, yet never lets a role grant what it could not already. */
        USELESS_GRANT,
        /** A severity and remedy for which no role can approve any amount. */
        GAP,
        /** A role whose own limit is below that of a role beneath it. */
        SHRINKING_AUTHORITY,
        /** A role no case is ever escalated to. */
        UNREACHABLE_ROLE,
        /** A rule with the same effect, remedies and follow-up as an earlier one, matching exactly its cases. */
        DUPLICATE,
        /** A rule or check the analysis could not decide: left out, or out of time. */
        NOT_DECIDED,
        /** The solver and the engine disagree about a case: a bug of the analysis, worth reporting. */
        INTERNAL
    }

    /** Creates a finding. */
    public Finding {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(place, "place must not be null");
        Objects.requireNonNull(message, "message must not be null");
        witness = witness == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(witness));
    }

    /** Returns the witness case as JSON text, or null when the finding has none. */
    public String witnessJson() {
        return witness == null ? null : JsonText.pretty(witness);
    }

    @Override
    public String toString() {
        return place + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + message;
    }
}
