package org.resolutionpolicy.analysis;

import java.util.Map;
import org.resolutionpolicy.format.json.JsonText;

/**
 * Says whether a guarantee holds: proven for every case, or refuted by a counterexample the engine decided.
 *
 * @param guarantee the guarantee
 * @param status the verdict
 * @param counterexample a case (in the case format {@code policy decide} accepts) that violates it, or null
 * @param detail a sentence: what the counterexample decides, what was left out, or why it was not decided
 */
public record GuaranteeResult(Guarantee guarantee, Status status, Map<String, Object> counterexample, String detail) {

    /** The verdicts. */
    public enum Status {
        /** Holds for every case the encoding covers. */
        PROVEN,
        /** A case violates it; the engine decided the case so. */
        VIOLATED,
        /** Not decided: out of time, or the case found depends on rules the analysis left out. Never "holds". */
        UNKNOWN,
        /** The solver and the engine disagree about a case: a bug of the analysis, worth reporting. */
        INTERNAL
    }

    /** Creates a result. */
    public GuaranteeResult {
        counterexample = counterexample == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counterexample));
    }

    /** Returns the counterexample as JSON text, or null. */
    public String counterexampleJson() {
        return counterexample == null ? null : JsonText.pretty(counterexample);
    }
}
