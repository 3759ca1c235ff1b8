package org.resolutionpolicy.api;

import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Writes one JSON line per decision, so complaints can be tracked and trends found.
 *
 * <pre>{@code
 * try (DecisionLog log = DecisionLog.jsonLines(Path.of("decisions.jsonl"))) {
 *     Policy policy = Policies.load(path).withListener(log);
 *     ...
 * }
 * }</pre>
 *
 * <p>Each line holds a decision id, a timestamp, the policy id and version, the case id, the customer id
 * (hashed by default), the employee role, per proposal the remedy, amount, outcome, approver or team and rule
 * ids, and the follow-up actions; and the revision of the policy that decided. Given to a {@link LivePolicy} as a
 * {@link ReloadListener} too, it writes a line per reload attempt ({@code "reload": "LOADED"} or {@code "FAILED"},
 * the revisions and any problems) between the decisions. Writes are buffered and safe under concurrent decisions; a
 * line waits at most {@link Options#flushInterval()} (a second by default) before it is written and flushed, so a
 * process that dies loses at most that; {@link #close()} flushes. A write that fails (a full disk, a closed stream) is reported through SLF4J and counted in
 * {@link #failedWrites()}, never thrown into the decision.
 */
public interface DecisionLog extends DecisionListener, ReloadListener, AutoCloseable {

    /** Writes nothing for a reload unless the log overrides it; the JSON-lines log writes a line. */
    @Override
    default void onReload(ReloadEvent event) {
        // a log that records only decisions
    }

    /**
     * Returns a listener that names, in this log, how a {@link ShadowPolicy}'s candidate decided each case: give it to
     * the shadow ({@code Policies.shadow(serving).listener(log.shadowOutcomes())}) whose serving policy this log
     * hears. It writes on the shadow worker, once the candidate has decided, a line of its own keyed by the served
     * decision's id, which follows that decision's line; the served decision never waits for it. A case the shadow
     * dropped has no such line.
     *
     * <p>The JSON-lines log writes {@code {"shadow": "DISAGREED", "decisionId": ..., "timestamp": ..., "sequence":
     * ..., "candidate": {"policy", "version", "revision"}, "moves": [...]}}: the result's kind ({@code AGREED},
     * {@code DISAGREED}, {@code REFUSED}), the candidate's revision and each proposal whose outcome moves (remedy,
     * amount, both outcomes). It carries no id but the decision's, so the log's masking holds; the shadow log has the
     * rest. Readers of the log as a history pass such a line over, as a reload line. The default writes nothing (a
     * log that records only decisions).
     *
     * @return the listener; the same log writes its lines
     */
    default ShadowListener shadowOutcomes() {
        return result -> {
            // a log that records only decisions
        };
    }

    /** How a sensitive value is written to the log. */
    enum Masking {
        /** Written as it is. */
        KEEP,
        /** Replaced by a salted SHA-256 digest, so equal values can still be counted together. */
        HASH,
        /** Left out. */
        DROP
    }

    /**
     * Which values are masked, and how, whether each line carries its case, and how long a decision may wait in the
     * log's buffer before it is written.
     *
     * @param customerId how to write the customer id
     * @param employeeId how to write the employee id
     * @param caseId how to write the case id
     * @param salt mixed into hashes, so that hashed ids cannot be looked up in a table of known ids; empty (the
     *             default) when ids are hashed: a log never hashes without a salt, so a log on a file generates a
     *             random salt and keeps it beside the file ({@code decisions.jsonl.salt}, readable by its owner only;
     *             later runs appending to the log use it, so equal ids still hash alike), and a log on a writer
     *             generates one for itself alone; either says so in the application log (SLF4J, {@code WARN})
     * @param cases whether each decision line carries the case itself, under {@code input}, in the case format (its
     *              ids masked as above), so that the log can be replayed as a history ({@code policy replay --history})
     * @param flushInterval the longest a written line waits in the log's buffer before it is written and flushed
     *                      (by a timer of the log's own, even when no decision follows); {@link Duration#ZERO} flushes
     *                      after every decision. A process that dies loses at most this much of its log
     * @param sync whether every decision is also forced to the storage device ({@code fsync}) after its flush, for a
     *             log on a file: what a power cut would otherwise lose; implies a flush after every decision
     */
    record Options(Masking customerId, Masking employeeId, Masking caseId, String salt, boolean cases,
                   Duration flushInterval, boolean sync) {

        /** How long a line may wait in the buffer by default: one second. */
        public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

        /**
         * The defaults: customer and employee ids hashed (with a salt the log generates and keeps, see {@link #salt()}),
         * case id kept, no cases, lines flushed within a second, no sync.
         */
        public static final Options DEFAULTS = new Options(Masking.HASH, Masking.HASH, Masking.KEEP, "");

        /**
         * Creates options.
         *
         * @throws NullPointerException if any argument is null
         * @throws IllegalArgumentException if the flush interval is negative
         */
        public Options {
            Objects.requireNonNull(customerId, "customerId must not be null");
            Objects.requireNonNull(employeeId, "employeeId must not be null");
            Objects.requireNonNull(caseId, "caseId must not be null");
            Objects.requireNonNull(salt, "salt must not be null");
            Objects.requireNonNull(flushInterval, "flushInterval must not be null");
            if (flushInterval.isNegative()) {
                throw new IllegalArgumentException("flushInterval must not be negative, was [" + flushInterval + "]");
            }
        }

        /**
         * Creates options that flush within {@link #DEFAULT_FLUSH_INTERVAL} and do not sync.
         *
         * @throws NullPointerException if any argument is null
         */
        public Options(Masking customerId, Masking employeeId, Masking caseId, String salt, boolean cases) {
            this(customerId, employeeId, caseId, salt, cases, DEFAULT_FLUSH_INTERVAL, false);
        }

        /**
         * Creates options whose lines carry no case, as before cases could be logged.
         *
         * @throws NullPointerException if any argument is null
         */
        public Options(Masking customerId, Masking employeeId, Masking caseId, String salt) {
            this(customerId, employeeId, caseId, salt, false);
        }

        /** Returns these options with every decision line carrying its case, so that the log is also a history. */
        public Options withCases() {
            return new Options(customerId, employeeId, caseId, salt, true, flushInterval, sync);
        }

        /**
         * Returns these options with another flush interval; {@link Duration#ZERO} flushes after every decision.
         *
         * @throws NullPointerException if interval is null
         * @throws IllegalArgumentException if it is negative
         */
        public Options withFlushInterval(Duration interval) {
            return new Options(customerId, employeeId, caseId, salt, cases, interval, sync);
        }

        /** Returns these options forcing every decision to the storage device after its flush ({@code fsync}). */
        public Options withSync() {
            return new Options(customerId, employeeId, caseId, salt, cases, Duration.ZERO, true);
        }
    }

    /**
     * Opens a JSON-lines log appending to a file (created if missing), with the default masking.
     *
     * @throws PolicyException if the file cannot be opened, or {@code policy-format} is not on the classpath
     */
    static DecisionLog jsonLines(Path file) {
        return jsonLines(file, Options.DEFAULTS);
    }

    /**
     * Opens a JSON-lines log appending to a file (created if missing).
     *
     * @throws PolicyException if the file cannot be opened, or {@code policy-format} is not on the classpath
     */
    static DecisionLog jsonLines(Path file, Options options) {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return provider().open(file, options);
    }

    /**
     * Opens a JSON-lines log on a writer the caller owns; closing the log flushes and closes the writer.
     *
     * @throws PolicyException if {@code policy-format} is not on the classpath
     */
    static DecisionLog jsonLines(Writer writer, Options options) {
        Objects.requireNonNull(writer, "writer must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return provider().open(writer, options);
    }

    /**
     * Opens JSON-lines decision logs: the service {@code policy-format} provides, found with {@link ServiceLoader}
     * by {@link #jsonLines}. Users call {@code jsonLines}; a log's implementation is a plain class of
     * {@code policy-format} ({@code JsonLinesDecisionLog}).
     */
    interface Provider {

        /**
         * Opens a log appending to a file, created if missing.
         *
         * @throws PolicyException if the file cannot be opened
         */
        DecisionLog open(Path file, Options options);

        /** Opens a log on a writer; closing the log closes it. */
        DecisionLog open(Writer writer, Options options);
    }

    private static Provider provider() {
        return ServiceLoader.load(Provider.class, DecisionLog.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new PolicyException("no decision log on the classpath: add the artifact "
                        + "[org.resolutionpolicy:policy-engine] as a runtime dependency (it brings "
                        + "[org.resolutionpolicy:policy-format])"));
    }

    /** Writes any buffered lines. Failures are reported, not thrown. */
    void flush();

    /** Returns how many decisions could not be written. */
    long failedWrites();

    /** Flushes and closes the log; later decisions are counted as failed writes. */
    @Override
    void close();
}
