/**
 * Proofs about YAML policies on an SMT solver in pure Java (SMTInterpol): findings, guarantees and change proofs,
 * every case shown decided by the real engine ({@code org.resolutionpolicy.analysis}).
 *
 * <p>JUnit's API is required {@code static}: {@code Guarantees.in} serves test code, which has JUnit already, and the
 * CLI analyses without it.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.resolutionpolicy.analysis {
    requires transitive org.resolutionpolicy.api;
    requires org.resolutionpolicy.engine;
    requires smtinterpol;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires static org.junit.jupiter.api;

    exports org.resolutionpolicy.analysis;
}
