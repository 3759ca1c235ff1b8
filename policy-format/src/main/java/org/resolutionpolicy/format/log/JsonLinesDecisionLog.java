package org.resolutionpolicy.format.log;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.resolutionpolicy.api.CaseSeverity;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ShadowListener;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.format.json.CaseJson;
import org.resolutionpolicy.format.json.CaseJsonReader;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.json.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one JSON line per decision to a writer through a buffer of its own, safe under concurrent decisions.
 *
 * <p>A failed write is counted and reported through SLF4J once per run of failures, never thrown: the decision
 * that triggered it has already been made and returned. Lines are built outside the lock; only the append is
 * serialised, so concurrent deciders wait for a buffer copy, not for the disk.
 *
 * <p>A line waits in the buffer at most {@link Options#flushInterval()}: a timer thread of the log's own (a daemon,
 * stopped by {@link #close()}) writes and flushes what waits, so a process that dies loses at most that much. With
 * an interval of zero, or with {@link Options#sync()}, every decision is flushed (and, for a log on a file, forced
 * to the device) before the call returns.
 *
 * <p>Counted are the lines that did not reach the writer's medium: the buffer is written and the writer flushed
 * together, and when either fails, every line of that buffer is counted as lost (a writer's own buffer may hold
 * what it accepted, so a line counts as logged only once a flush after it succeeded).
 */
public final class JsonLinesDecisionLog implements DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesDecisionLog.class);
    /** The first key of a line naming a shadow's outcome for a logged decision. */
    public static final String SHADOW = "shadow";

    /** The buffer, the failures and the masking (with the options' salt, or one generated for the log). */
    private final JsonLinesWriter out;
    private final Options options;
    private final Clock clock;
    private final String name;
    private boolean closed;
    /** Writes and flushes what waits in the buffer every flush interval; null when every decision flushes. */
    private final ScheduledExecutorService flusher;

    /**
     * Creates a log on a writer; closing the log closes the writer. Options that hash ids without a salt get a random
     * salt of this log alone ({@link Salt}).
     *
     * @param writer where lines go
     * @param options what to mask
     * @param clock gives timestamps
     * @param name how the log is named in reports, e.g. its file
     */
    public JsonLinesDecisionLog(Writer writer, Options options, Clock clock, String name) {
        this(writer, null, options, Salt.forWriter(name, options), clock, name);
    }

    private JsonLinesDecisionLog(Writer writer, FileChannel channel, Options options, String salt, Clock clock,
                                 String name) {
        // every decision is flushed before its call returns with sync or an interval of zero
        boolean everyDecision = options.sync() || options.flushInterval().isZero();
        this.out = new JsonLinesWriter(writer, options.sync() ? channel : null, everyDecision, salt, LOG,
                "decision log [" + name + "]", "decisions go on, unlogged ones are counted", "failed writes");
        this.options = options;
        this.clock = clock;
        this.name = name;
        this.flusher = everyDecision ? null
                : JsonLinesWriter.flusher(options.flushInterval(), "decision-log-flush " + name, this::flush);
    }

    /**
     * Opens a log appending to a file (created if missing), timestamped by the system clock. Options that hash ids
     * without a salt use the salt kept beside the file ({@code FILE.salt}), generated on first use ({@link Salt}).
     *
     * @param file the log file
     * @param options what to mask and whether lines carry their cases
     * @return the open log
     * @throws PolicyException if the file cannot be opened, or a generated salt cannot be kept or read
     */
    public static JsonLinesDecisionLog open(Path file, Options options) {
        String salt = Salt.forFile(file, options);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
            return new JsonLinesDecisionLog(writer, channel, options, salt, Clock.systemUTC(), file.toString());
        } catch (IOException e) {
            throw new PolicyException("cannot open decision log [" + file + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a log on a writer the caller owns, timestamped by the system clock; closing the log closes the writer.
     *
     * @param writer where lines go
     * @param options what to mask and whether lines carry their cases
     * @return the open log
     */
    public static JsonLinesDecisionLog open(Writer writer, Options options) {
        return new JsonLinesDecisionLog(writer, options, Clock.systemUTC(), writer.getClass().getSimpleName());
    }

    /** The service behind {@link DecisionLog#jsonLines}: opens this log. */
    public static final class Provider implements DecisionLog.Provider {

        /** Creates the provider; {@link java.util.ServiceLoader} does. */
        public Provider() {
            // stateless
        }

        @Override
        public DecisionLog open(Path file, Options options) {
            return JsonLinesDecisionLog.open(file, options);
        }

        @Override
        public DecisionLog open(Writer writer, Options options) {
            return JsonLinesDecisionLog.open(writer, options);
        }
    }

    @Override
    public void onDecision(CustomerCase customerCase, Decision decision) {
        write(JsonText.lineOf(g -> {
            record(g, customerCase, decision);
            g.writeRaw('\n');
        }));
    }

    /**
     * Writes a live policy's reload attempt as a line of its own, so that the log shows which revision decided the
     * decisions after it and which candidates were refused, with their problems.
     */
    @Override
    public void onReload(ReloadEvent event) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reload", event.result().name());
        r.put("timestamp", event.at().toString());
        r.put("revision", event.revision());
        r.put("previousRevision", event.previousRevision());
        if (event.candidate() != null) {
            r.put("candidate", event.candidate());
        }
        r.put("problems", event.problems().stream().map(Problem::toString).toList());
        write(JsonText.line(r) + "\n");
    }

    /**
     * Returns the listener that writes a line per shadowed case, naming the candidate's outcome, keyed by the served
     * decision's id (see {@link DecisionLog#shadowOutcomes()}).
     */
    @Override
    public ShadowListener shadowOutcomes() {
        return new ShadowListener() {
            @Override
            public void onShadow(ShadowResult result) {
                shadowOutcome(result);
            }

            @Override
            public String toString() {
                return "shadow outcomes of " + JsonLinesDecisionLog.this;
            }
        };
    }

    private void shadowOutcome(ShadowResult r) {
        String decisionId = r.served().id();
        if (decisionId == null) {
            // a decision made by hand: its line has an id of the log's own, which nothing here could name
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(SHADOW, r.kind().name());
        line.put("decisionId", decisionId);
        line.put("timestamp", clock.instant().toString());
        line.put("sequence", r.sequence());
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("policy", r.candidatePolicy().id());
        candidate.put("version", r.candidatePolicy().version());
        DecisionJson.putIfPresent(candidate, "revision", r.candidatePolicy().revision());
        line.put("candidate", candidate);
        List<Map<String, Object>> moves = new ArrayList<>();
        for (ShadowResult.Transition t : r.transitions()) {
            Map<String, Object> move = new LinkedHashMap<>();
            move.put("remedy", t.remedy());
            DecisionJson.putIfPresent(move, "amount", t.amount());
            move.put("from", JsonLinesShadowLog.outcome(t.from()));
            move.put("to", JsonLinesShadowLog.outcome(t.to()));
            moves.add(move);
        }
        line.put("moves", moves);
        write(JsonText.line(line) + "\n");
    }

    private synchronized void write(String line) {
        if (closed) {
            out.closedLine();
            return;
        }
        out.append(line);
    }

    /**
     * Writes the record of one decision, in the order the log's lines have: a decision id and timestamp, then the
     * decision's summary tree of {@link DecisionJson} with the case id masked, the customer and employee ids
     * (masked) after it and the severity used after the employee role, and last, when the log keeps cases, the case.
     */
    private void record(JsonGenerator g, CustomerCase c, Decision d) throws IOException {
        g.writeStartObject();
        // the decision's own id, so a ticket that quotes decision.id() finds this line; a decision made by hand has none
        g.writeStringField("decisionId", d.id() != null ? d.id() : UUID.randomUUID().toString());
        g.writeStringField("timestamp", clock.instant().toString());
        for (Map.Entry<String, Object> e : DecisionJson.tree(d, DecisionJson.Detail.SUMMARY).entrySet()) {
            switch (e.getKey()) {
                case "case" -> {
                    put(g, "case", d.caseId(), options.caseId());
                    put(g, "customer", c.customer().id(), options.customerId());
                    put(g, "employee", c.employee().id(), options.employeeId());
                }
                case "employeeRole" -> {
                    field(g, e.getKey(), e.getValue());
                    severity(g, c, d.severity());
                }
                case "severity" -> {
                    // written after the employee role, in the line's own form
                }
                default -> field(g, e.getKey(), e.getValue());
            }
        }
        if (options.cases()) {
            // last, so that a reader of decisions finds them where they always were; ids masked as above
            g.writeFieldName(CaseJsonReader.INPUT);
            CaseJson.write(g, c, id -> out.mask(id, options.caseId()), id -> out.mask(id, options.customerId()),
                    id -> out.mask(id, options.employeeId()));
        }
        g.writeEndObject();
    }

    /**
     * Writes the severity the case was decided at: the case's own without a severity scale; with one, the severity
     * used, and when the scale raised it, the case's own ({@code severityGiven}, absent when it gave none) and the
     * entry that raised it ({@code severityRaisedBy}).
     */
    private static void severity(JsonGenerator g, CustomerCase c, CaseSeverity used) throws IOException {
        if (used == null) {
            field(g, "severity", c.severity());
            return;
        }
        field(g, "severity", used.used());
        if (used.raised()) {
            if (used.given() != null) {
                field(g, "severityGiven", used.given());
            }
            field(g, "severityRaisedBy", used.raisedBy());
        }
    }

    private static void field(JsonGenerator g, String key, Object value) throws IOException {
        g.writeFieldName(key);
        JsonText.write(g, value);
    }

    private void put(JsonGenerator g, String key, String value, Masking masking) throws IOException {
        if (value == null || masking == Masking.DROP) {
            return;
        }
        g.writeStringField(key, out.mask(value, masking));
    }

    @Override
    public synchronized void flush() {
        if (!closed) {
            out.drain();
        }
    }

    @Override
    public synchronized long failedWrites() {
        return out.failed();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        out.drain();
        closed = true;
        if (flusher != null) {
            flusher.shutdown();
        }
        out.close();
    }

    @Override
    public String toString() {
        return "DecisionLog[" + name + "]";
    }
}
