package org.resolutionpolicy.format.log;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog.Masking;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowResult;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.model.ModelledPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a shadow's disagreements as JSON lines, and its agreements as tallies: the shadow log of
 * {@code docs/shadow.md}, which {@code policy shadow-summary} reads back into the report of {@code policy diff}.
 *
 * <p>Lines, each an object whose {@code "shadow"} key says its kind:
 * <ul>
 *   <li>{@code POLICIES}: the serving policy and the candidate (id, version, revision, remedies with their units,
 *       roles, currency), written before the first case of each pair of revisions;</li>
 *   <li>{@code DISAGREED}, {@code REFUSED}, and {@code AGREED} for a sampled agreement: one case, its number in
 *       traffic order ({@code sequence}), the served decision's id, the masked ids, both decisions (the decision log's
 *       summary tree, follow-ups in full) or the candidate's problems, and the proposals whose outcome moves;</li>
 *   <li>{@code TALLY}: per pair of revisions, the agreements counted since the last tally and not logged, per remedy
 *       and outcome with their money, and the escalations per approver;</li>
 *   <li>{@code DROPPED}: how many cases were not shadowed since the last flush because the queue was full.</li>
 * </ul>
 * Every flush (each flush interval, {@link #flush()}, {@link #close()}) writes the tallies first. A failed write is
 * counted and reported through SLF4J once per run of failures, never thrown. Thread-safe.
 */
public final class JsonLinesShadowLog implements ShadowLog {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesShadowLog.class);

    /** The buffer, the failures and the masking, as the decision log's. */
    private final JsonLinesWriter out;
    private final Options options;
    private final Clock clock;
    private final String name;
    /** The pairs of revisions whose POLICIES line this log wrote. */
    private final Set<List<String>> described = new HashSet<>();
    /** The agreements not yet tallied in a line, per pair of revisions. */
    private final Map<List<String>, Agreements> agreements = new LinkedHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private boolean closed;
    private final ScheduledExecutorService flusher;

    /**
     * Creates a log on a writer; closing the log closes the writer. Options that hash ids without a salt get a random
     * salt of this log alone.
     *
     * @param writer where lines go
     * @param options masking and sampling
     * @param clock gives timestamps
     * @param name how the log is named in reports, e.g. its file
     */
    public JsonLinesShadowLog(Writer writer, Options options, Clock clock, String name) {
        this(writer, options, Salt.forWriter(name, options.masking()), clock, name);
    }

    private JsonLinesShadowLog(Writer writer, Options options, String salt, Clock clock, String name) {
        Objects.requireNonNull(writer, "writer must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
        // with a flush interval of zero every line is written at once; the tallies wait for flush() or close()
        this.out = new JsonLinesWriter(writer, null, options.masking().flushInterval().isZero(), salt, LOG,
                "shadow log [" + name + "]", "the shadow goes on, unwritten lines are counted", "failed lines");
        this.clock = clock;
        this.name = name;
        this.flusher = JsonLinesWriter.flusher(options.masking().flushInterval(), "shadow-log-flush " + name,
                this::flush);
    }

    /**
     * Opens a log appending to a file (created if missing). Options that hash ids without a salt use the salt kept
     * beside the file ({@code FILE.salt}), generated on first use.
     *
     * @param file the log file
     * @param options masking and sampling
     * @return the open log
     * @throws PolicyException if the file cannot be opened, or a generated salt cannot be kept or read
     */
    public static JsonLinesShadowLog open(Path file, Options options) {
        String salt = Salt.forFile(file, options.masking());
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new JsonLinesShadowLog(Channels.newWriter(channel, StandardCharsets.UTF_8), options, salt,
                    Clock.systemUTC(), file.toString());
        } catch (IOException e) {
            throw new PolicyException("cannot open shadow log [" + file + "]: " + e.getMessage(), e);
        }
    }

    /** The service behind {@link ShadowLog#jsonLines}: opens this log. */
    public static final class Provider implements ShadowLog.Provider {

        /** Creates the provider; {@link java.util.ServiceLoader} does. */
        public Provider() {
            // stateless
        }

        @Override
        public ShadowLog open(Path file, Options options) {
            return JsonLinesShadowLog.open(file, options);
        }

        @Override
        public ShadowLog open(Writer writer, Options options) {
            return new JsonLinesShadowLog(writer, options, Clock.systemUTC(), writer.getClass().getSimpleName());
        }
    }

    @Override
    public void onShadow(ShadowResult result) {
        List<String> pair = pair(result.servingPolicy(), result.candidatePolicy());
        boolean full = result.kind() != ShadowResult.Kind.AGREED || sampled(result.sequence());
        String line = full ? JsonText.line(caseLine(result)) + "\n" : null;
        synchronized (this) {
            if (closed) {
                out.closedLine();
                return;
            }
            if (described.add(pair)) {
                out.append(JsonText.line(policies(result)) + "\n");
            }
            if (line != null) {
                out.append(line);
            } else {
                agreements.computeIfAbsent(pair, p -> new Agreements()).add(result);
            }
        }
    }

    @Override
    public void onDropped(long sequence) {
        dropped.increment();
    }

    /** Returns true if an agreement is logged in full: the chosen share, spread evenly over the case numbers. */
    private boolean sampled(long sequence) {
        double share = options.agreementSample();
        return share > 0 && Math.floor(sequence * share) != Math.floor((sequence - 1) * share);
    }

    private static List<String> pair(Policy serving, Policy candidate) {
        return List.of(serving.id(), serving.version(), String.valueOf(serving.revision()), candidate.id(),
                candidate.version(), String.valueOf(candidate.revision()));
    }

    private Map<String, Object> policies(ShadowResult r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("shadow", "POLICIES");
        line.put("timestamp", clock.instant().toString());
        line.put("serving", describe(r.servingPolicy()));
        line.put("candidate", describe(r.candidatePolicy()));
        return line;
    }

    private static Map<String, Object> describe(Policy p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("policy", p.id());
        d.put("version", p.version());
        d.put("revision", p.revision());
        List<Map<String, Object>> remedies = new ArrayList<>();
        p.remedies().forEach((remedy, unit) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("remedy", remedy);
            item.put("unit", unit.name());
            remedies.add(item);
        });
        d.put("remedies", remedies);
        d.put("roles", p.roles());
        DecisionJson.putIfPresent(d, "currency", currency(p));
        return d;
    }

    /** Returns the currency of every version of a policy, or null when it names none or its versions differ. */
    private static String currency(Policy policy) {
        return ModelledPolicy.currencyOf(policy);
    }

    private Map<String, Object> caseLine(ShadowResult r) {
        CustomerCase c = r.customerCase();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("shadow", r.kind().name());
        line.put("sequence", r.sequence());
        line.put("timestamp", clock.instant().toString());
        DecisionJson.putIfPresent(line, "decisionId", r.served().id());
        DecisionJson.putIfPresent(line, "case", mask(c.id(), options.masking().caseId()));
        DecisionJson.putIfPresent(line, "customer", mask(c.customer().id(), options.masking().customerId()));
        DecisionJson.putIfPresent(line, "employee", mask(c.employee().id(), options.masking().employeeId()));
        DecisionJson.putIfPresent(line, "currency", c.currency());
        line.put("serving", decision(r.served()));
        if (r.candidate() != null) {
            line.put("candidate", decision(r.candidate()));
        } else {
            Map<String, Object> candidate = new LinkedHashMap<>();
            candidate.put("policy", r.candidatePolicy().id());
            candidate.put("version", r.candidatePolicy().version());
            DecisionJson.putIfPresent(candidate, "revision", r.candidatePolicy().revision());
            line.put("candidate", candidate);
            line.put("refused", r.refusal().getMessage());
            line.put("problems", r.refusal().problems().stream().map(CaseProblem::toString).toList());
        }
        List<Map<String, Object>> moves = new ArrayList<>();
        for (ShadowResult.Transition t : r.transitions()) {
            Map<String, Object> move = new LinkedHashMap<>();
            move.put("remedy", t.remedy());
            DecisionJson.putIfPresent(move, "amount", t.amount());
            move.put("from", outcome(t.from()));
            move.put("to", outcome(t.to()));
            moves.add(move);
        }
        line.put("moves", moves);
        return line;
    }

    /** Returns a decision's summary tree without its case id (the line's masked one stands for it), follow-ups full. */
    private static Map<String, Object> decision(Decision d) {
        Map<String, Object> tree = DecisionJson.tree(d, DecisionJson.Detail.SUMMARY);
        tree.remove("case");
        List<Map<String, Object>> followUps = new ArrayList<>();
        for (FollowUp f : d.followUps()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("action", f.action());
            DecisionJson.putIfPresent(item, "within", f.within() == null ? null : f.within().toString());
            DecisionJson.putIfPresent(item, "owner", f.owner());
            item.put("rule", f.rule());
            followUps.add(item);
        }
        tree.put("followUps", followUps);
        return tree;
    }

    /** Returns an outcome as the decision tree writes one: kind, approver (and approvers of a dual approval), team. */
    static Map<String, Object> outcome(Outcome o) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("outcome", o.kind().name());
        DecisionJson.putIfPresent(item, "approver", o.approver());
        if (o.isDualApproval()) {
            item.put("approvers", o.approvers());
        }
        DecisionJson.putIfPresent(item, "team", o.team());
        return item;
    }

    private String mask(String value, Masking masking) {
        return out.mask(value, masking);
    }

    /** The agreements of one pair of revisions since the last tally: what a diff counts of them, added up. */
    private final class Agreements {
        long cases;
        long firstSequence = Long.MAX_VALUE;
        final Map<List<Object>, Cell> cells = new LinkedHashMap<>();
        final Map<String, Long> workload = new LinkedHashMap<>();

        void add(ShadowResult r) {
            cases++;
            firstSequence = Math.min(firstSequence, r.sequence());
            String caseCurrency = r.customerCase().currency();
            Set<String> approvers = new HashSet<>();
            for (ProposalDecision p : r.candidate().proposals()) {
                String currency = p.amount() == null ? null
                        : p.proposal().currency() != null ? p.proposal().currency() : caseCurrency;
                Cell cell = cells.computeIfAbsent(List.of(p.remedy(), p.outcome(), Objects.toString(currency, "")),
                        k -> new Cell(p.remedy(), p.outcome(), currency));
                cell.count++;
                if (p.amount() != null) {
                    cell.priced++;
                    cell.money = cell.money.add(p.amount());
                    if (r.sequence() < cell.firstSequence) {
                        cell.firstSequence = r.sequence();
                        cell.firstCase = mask(r.customerCase().id(), options.masking().caseId());
                    }
                }
                if (p.kind() == Outcome.Kind.ESCALATE && approvers.add(p.outcome().approver())) {
                    workload.merge(p.outcome().approver(), 1L, Long::sum);
                }
            }
        }

        Map<String, Object> line(List<String> pair) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("shadow", "TALLY");
            line.put("timestamp", clock.instant().toString());
            line.put("serving", revision(pair.subList(0, 3)));
            line.put("candidate", revision(pair.subList(3, 6)));
            line.put("cases", cases);
            line.put("firstSequence", firstSequence);
            line.put("proposals", cells.values().stream().map(Cell::tree).toList());
            line.put("workload", workload);
            return line;
        }
    }

    private static Map<String, Object> revision(List<String> policy) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("policy", policy.get(0));
        item.put("version", policy.get(1));
        item.put("revision", policy.get(2));
        return item;
    }

    /** The agreements of one remedy and outcome (in one currency): how many, how many with an amount, their money. */
    private static final class Cell {
        final String remedy;
        final Outcome outcome;
        final String currency;
        long count;
        long priced;
        BigDecimal money = BigDecimal.ZERO;
        long firstSequence = Long.MAX_VALUE;
        String firstCase;

        Cell(String remedy, Outcome outcome, String currency) {
            this.remedy = remedy;
            this.outcome = outcome;
            this.currency = currency;
        }

        Map<String, Object> tree() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("remedy", remedy);
            item.putAll(outcome(outcome));
            item.put("count", count);
            if (priced > 0) {
                item.put("priced", priced);
                item.put("money", money);
                DecisionJson.putIfPresent(item, "currency", currency);
                item.put("firstSequence", firstSequence);
                DecisionJson.putIfPresent(item, "firstCase", firstCase);
            }
            return item;
        }
    }

    @Override
    public synchronized void flush() {
        if (closed) {
            return;
        }
        tally();
        out.drain();
    }

    /** Appends the tally lines of the agreements counted since the last ones, and the dropped cases. */
    private void tally() {
        agreements.forEach((pair, a) -> out.append(JsonText.line(a.line(pair)) + "\n"));
        agreements.clear();
        long sum = dropped.sumThenReset();
        if (sum > 0) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("shadow", "DROPPED");
            line.put("timestamp", clock.instant().toString());
            line.put("cases", sum);
            out.append(JsonText.line(line) + "\n");
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
        tally();
        out.drain();
        closed = true;
        if (flusher != null) {
            flusher.shutdown();
        }
        out.close();
    }

    @Override
    public String toString() {
        return "ShadowLog[" + name + "]";
    }
}
