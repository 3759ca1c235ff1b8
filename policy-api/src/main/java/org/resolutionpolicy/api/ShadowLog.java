package org.resolutionpolicy.api;

import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Writes what a {@link ShadowPolicy}'s candidate decided otherwise than the serving policy, one JSON line per
 * disagreement, so that a policy owner can price an edit on live traffic ({@code policy shadow-summary}).
 *
 * <pre>{@code
 * try (ShadowLog log = ShadowLog.jsonLines(Path.of("shadow.jsonl"), ShadowLog.Options.DEFAULTS);
 *      ShadowPolicy policy = Policies.shadow(serving).candidate(edited).listener(log).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Each disagreement line holds the case's number in traffic order, the served decision's id, the case, customer and
 * employee ids masked as in the decision log, both revisions, both decisions (per proposal the outcome, approver or
 * team and rules; the follow-ups and latitude) and the proposals whose outcome moves with their amounts. A case the
 * candidate refuses is a line of its own kind, with the candidate's problems. Agreements are counted, not logged: a
 * tally line adds them up at every flush; a chosen share of them can be logged in full as samples. A line that cannot
 * be written is counted in {@link #failedWrites()} and reported through SLF4J, never thrown into the shadow.
 */
public interface ShadowLog extends ShadowListener, AutoCloseable {

    /**
     * How the log masks ids and samples agreements.
     *
     * @param masking how the case, customer and employee ids are written, their salt and the flush interval: the
     *                decision log's options (whether a line carries its case and {@code sync} are not used)
     * @param agreementSample the share of agreements logged in full, from 0 (none, the default) to 1 (all); they are
     *                        chosen evenly by the case's number, so a rerun samples alike
     */
    record Options(DecisionLog.Options masking, double agreementSample) {

        /** The defaults: the decision log's masking defaults, no agreement logged in full. */
        public static final Options DEFAULTS = new Options(DecisionLog.Options.DEFAULTS, 0);

        /**
         * Creates options.
         *
         * @throws NullPointerException if masking is null
         * @throws IllegalArgumentException if the sample is not between 0 and 1
         */
        public Options {
            Objects.requireNonNull(masking, "masking must not be null");
            if (!(agreementSample >= 0 && agreementSample <= 1)) {
                throw new IllegalArgumentException("agreementSample must be between 0 and 1, was ["
                        + agreementSample + "]");
            }
        }

        /**
         * Returns these options logging a share of the agreements in full.
         *
         * @param share from 0 to 1
         * @return the changed copy
         * @throws IllegalArgumentException if the share is not between 0 and 1
         */
        public Options withAgreementSample(double share) {
            return new Options(masking, share);
        }
    }

    /**
     * Opens a JSON-lines shadow log appending to a file (created if missing).
     *
     * @param file the log file
     * @param options masking and sampling
     * @return the open log
     * @throws NullPointerException if an argument is null
     * @throws PolicyException if the file cannot be opened, or {@code policy-format} is not on the classpath
     */
    static ShadowLog jsonLines(Path file, Options options) {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return provider().open(file, options);
    }

    /**
     * Opens a JSON-lines shadow log on a writer; closing the log flushes and closes the writer.
     *
     * @param writer where lines go
     * @param options masking and sampling
     * @return the open log
     * @throws NullPointerException if an argument is null
     * @throws PolicyException if {@code policy-format} is not on the classpath
     */
    static ShadowLog jsonLines(Writer writer, Options options) {
        Objects.requireNonNull(writer, "writer must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return provider().open(writer, options);
    }

    /** Opens JSON-lines shadow logs: the service {@code policy-format} provides, found with {@link ServiceLoader}. */
    interface Provider {

        /**
         * Opens a log appending to a file, created if missing.
         *
         * @param file the log file
         * @param options masking and sampling
         * @return the open log
         * @throws PolicyException if the file cannot be opened
         */
        ShadowLog open(Path file, Options options);

        /**
         * Opens a log on a writer; closing the log closes it.
         *
         * @param writer where lines go
         * @param options masking and sampling
         * @return the open log
         */
        ShadowLog open(Writer writer, Options options);
    }

    private static Provider provider() {
        return ServiceLoader.load(Provider.class, ShadowLog.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new PolicyException("no shadow log on the classpath: add the artifact "
                        + "[org.resolutionpolicy:policy-engine] as a runtime dependency (it brings "
                        + "[org.resolutionpolicy:policy-format])"));
    }

    /** Writes the disagreements waiting in the buffer and a tally line of the agreements counted since the last one. */
    void flush();

    /** Returns how many lines could not be written. */
    long failedWrites();

    /** Flushes and closes the log; later results are counted as failed writes. */
    @Override
    void close();
}
