package org.resolutionpolicy.analysis;

import java.util.List;
import java.util.Map;

/**
 * Says how a newer version of a policy decides compared with an older one, per remedy and employee role, with a case
 * for each direction of change that exists, decided by both versions' engines.
 *
 * @param oldVersion the older policy's id and version
 * @param newVersion the newer policy's id and version
 * @param changes one entry per remedy both versions know and per role of the ladder
 * @param notCompared remedies only one version knows, in sentences
 * @param leftOut rules of either version the analysis could not include, in sentences
 */
public record ChangeProof(String oldVersion, String newVersion, List<Change> changes, List<String> notCompared,
                          List<String> leftOut) {

    /** Creates the proof. */
    public ChangeProof {
        changes = List.copyOf(changes);
        notCompared = List.copyOf(notCompared);
        leftOut = List.copyOf(leftOut);
    }

    /** How the newer version decides a remedy for a role, compared with the older. */
    public enum Verdict {
        /** Every case is decided the same. */
        EQUIVALENT,
        /** Some cases are decided more strictly, none more loosely. */
        ONLY_STRICTER,
        /** Some cases are decided more loosely, none more strictly. */
        ONLY_LOOSER,
        /** Some cases each way. */
        BOTH,
        /** The solver could not decide, or a case found depends on rules left out. Never "equivalent". */
        UNKNOWN
    }

    /**
     * How one remedy's proposals by one role changed.
     *
     * @param remedy the remedy
     * @param role the employee's role
     * @param verdict the verdict
     * @param stricter a case the newer version decides more strictly, or null
     * @param looser a case the newer version decides more loosely, or null
     * @param detail what the cases decide under each version, or why the verdict is unknown
     * @param period for policies with dated versions, the period of cases compared ({@code from 2025-01-01 until
     *               2026-01-01}), both policies' versions in force over it; null without dated versions
     */
    public record Change(String remedy, String role, Verdict verdict, Map<String, Object> stricter,
                         Map<String, Object> looser, String detail, String period) {

        /** Creates a change of policies without dated versions. */
        public Change(String remedy, String role, Verdict verdict, Map<String, Object> stricter,
                      Map<String, Object> looser, String detail) {
            this(remedy, role, verdict, stricter, looser, detail, null);
        }

        /** Creates a change. */
        public Change {
            stricter = stricter == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stricter));
            looser = looser == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(looser));
        }
    }

    /** Returns the changes that are not {@link Verdict#EQUIVALENT}. */
    public List<Change> differences() {
        return changes.stream().filter(c -> c.verdict() != Verdict.EQUIVALENT).toList();
    }
}
