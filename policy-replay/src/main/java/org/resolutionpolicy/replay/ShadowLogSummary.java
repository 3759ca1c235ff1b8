package org.resolutionpolicy.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Entitlement;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.ReplayReport.PolicyId;

/**
 * Summarises a shadow log ({@link org.resolutionpolicy.api.ShadowLog}) into the report {@code policy diff} gives:
 * the serving policy is the one before the edit, the candidate the one after it, and the cases are those the candidate
 * shadowed, numbered in traffic order. Disagreements are counted from their lines, agreements from the log's tallies,
 * and a case the candidate refused is a bad line, as a diff that skips bad lines counts it; so the summary of a shadow
 * log equals {@code policy diff} over the same cases as a history.
 *
 * <pre>{@code
 * ShadowLogSummary summary = ShadowLogSummary.read(Path.of("shadow.jsonl"));
 * DiffReport report = summary.report();
 * }</pre>
 *
 * <p>A log whose policies reloaded holds several pairs of revisions: each has a report of its own
 * ({@link #reports()}); {@link #report()} is the latest pair's. Cases dropped because the shadow's queue was full are
 * not in any report; {@link #dropped()} counts them. Immutable.
 */
public final class ShadowLogSummary {

    private static final JsonFactory JSON = new JsonFactory();

    private final String name;
    private final List<DiffReport> reports;
    private final long dropped;

    private ShadowLogSummary(String name, List<DiffReport> reports, long dropped) {
        this.name = name;
        this.reports = List.copyOf(reports);
        this.dropped = dropped;
    }

    /**
     * Reads a shadow log file.
     *
     * @param file the log
     * @return its summary
     * @throws NullPointerException if file is null
     * @throws HistoryException if the file cannot be read, a line is not a shadow log line (located, with a hint),
     *                          or the money of a pair of revisions is in more than one currency
     */
    public static ShadowLogSummary read(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new HistoryException("cannot read shadow log [" + file + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a shadow log from a reader the caller closes.
     *
     * @param in the log's lines
     * @param name the log's name, for messages and the reports' history
     * @return its summary
     * @throws NullPointerException if an argument is null
     * @throws HistoryException if the log cannot be read or a line is not a shadow log line (located, with a hint)
     */
    public static ShadowLogSummary read(BufferedReader in, String name) {
        Objects.requireNonNull(in, "in must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Reader reader = new Reader(name);
        long number = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    reader.line(number, line);
                }
            }
        } catch (IOException e) {
            throw new HistoryException("cannot read shadow log [" + name + "]: " + e.getMessage(), e);
        }
        List<DiffReport> reports = new ArrayList<>();
        reader.tallies.values().forEach(t -> reports.add(t.report(name)));
        return new ShadowLogSummary(name, reports, reader.dropped);
    }

    /**
     * Returns the report of the latest pair of revisions in the log: what the candidate changes.
     *
     * @return the report
     * @throws HistoryException if the log holds no shadowed case
     */
    public DiffReport report() {
        if (reports.isEmpty()) {
            throw new HistoryException("shadow log [" + name + "] holds no shadowed case: is the candidate loaded "
                    + "(the shadow's status) and the log flushed?", (Throwable) null);
        }
        return reports.get(reports.size() - 1);
    }

    /** Returns a report per pair of revisions of the serving policy and the candidate, in the order they appear. */
    public List<DiffReport> reports() {
        return reports;
    }

    /** Returns how many cases were not shadowed because the shadow's queue was full. */
    public long dropped() {
        return dropped;
    }

    /** Reads the lines of one log into a tally per pair of revisions. */
    private static final class Reader {
        final String name;
        final Map<List<String>, DiffTally> tallies = new LinkedHashMap<>();
        long dropped;

        Reader(String name) {
            this.name = name;
        }

        void line(long number, String text) {
            Map<String, Object> line;
            try {
                line = object(text);
            } catch (IOException | RuntimeException e) {
                throw bad(number, "is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            try {
                String kind = String.valueOf(line.get("shadow"));
                switch (kind) {
                    case "POLICIES" -> policies(line);
                    case "AGREED", "DISAGREED" -> decided(number, line);
                    case "REFUSED" -> refused(number, line);
                    case "TALLY" -> tally(number, line);
                    case "DROPPED" -> dropped += number(line, "cases").longValueExact();
                    default -> throw new IllegalArgumentException("unknown kind [" + kind + "] under [shadow]");
                }
            } catch (HistoryException e) {
                throw e;
            } catch (RuntimeException e) {
                throw bad(number, "cannot be read: " + e.getMessage());
            }
        }

        private HistoryException bad(long number, String what) {
            return new HistoryException("shadow log [" + name + "] line " + number + " " + what + " (a shadow log "
                    + "has the lines a ShadowLog writes: POLICIES, AGREED, DISAGREED, REFUSED, TALLY, DROPPED; is "
                    + "this a decision log? summarise it with policy log-summary)", (Throwable) null);
        }

        private void policies(Map<String, Object> line) {
            Map<String, Object> serving = map(line, "serving");
            Map<String, Object> candidate = map(line, "candidate");
            List<String> key = key(serving, candidate);
            if (tallies.containsKey(key)) {
                return; // the log was appended to by a later run with the same revisions
            }
            Map<String, RemedyUnit> units = new HashMap<>(units(serving));
            units.putAll(units(candidate));
            List<String> remedies = new ArrayList<>(units(candidate).keySet());
            units(serving).keySet().stream().filter(r -> !remedies.contains(r)).forEach(remedies::add);
            String was = (String) serving.get("currency");
            String is = (String) candidate.get("currency");
            if (was != null && is != null && !was.equals(is)) {
                throw new IllegalArgumentException("the serving policy is in [" + was + "] and the candidate in ["
                        + is + "]: amounts are never converted, so their money cannot be compared");
            }
            List<String> roles = strings(candidate.get("roles"));
            tallies.put(key, new DiffTally(new DiffTally.Subject(id(serving), id(candidate), List.copyOf(remedies),
                    Map.copyOf(units), List.copyOf(roles), was != null ? was : is,
                    candidate.get("severities") == null ? List.of() : strings(candidate.get("severities")))));
        }

        private DiffTally tallyOf(long number, Map<String, Object> serving, Map<String, Object> candidate) {
            DiffTally tally = tallies.get(key(serving, candidate));
            if (tally == null) {
                throw bad(number, "names the revisions " + key(serving, candidate) + " before a POLICIES line of "
                        + "them");
            }
            return tally;
        }

        private void decided(long number, Map<String, Object> line) {
            Map<String, Object> serving = map(line, "serving");
            Map<String, Object> candidate = map(line, "candidate");
            String caseId = (String) line.get("case");
            tallyOf(number, serving, candidate).count(sequence(line), caseId, decision(serving, caseId),
                    decision(candidate, caseId), (String) line.get("currency"));
        }

        private void refused(long number, Map<String, Object> line) {
            Map<String, Object> candidate = map(line, "candidate");
            DiffTally tally = tallyOf(number, map(line, "serving"), candidate);
            String caseId = (String) line.get("case");
            List<CaseProblem> problems = new ArrayList<>();
            for (Object p : list(line.get("problems"))) {
                String text = String.valueOf(p);
                int colon = text.indexOf(": ");
                problems.add(colon < 0 ? new CaseProblem("", text)
                        : new CaseProblem(text.substring(0, colon), text.substring(colon + 2)));
            }
            // the words of a diff that skips bad lines: the candidate is the policy after the edit
            tally.bad(BadLine.of(sequence(line), new InvalidCaseException((caseId == null ? "" : caseId + " ")
                    + "by the policy after the edit, " + candidate.get("policy") + " " + candidate.get("version"),
                    problems)));
        }

        private void tally(long number, Map<String, Object> line) {
            DiffTally tally = tallyOf(number, map(line, "serving"), map(line, "candidate"));
            tally.agreedCases(number(line, "cases").longValueExact());
            for (Object o : list(line.get("proposals"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) o;
                long priced = p.containsKey("priced") ? number(p, "priced").longValueExact() : 0;
                tally.agreed((String) p.get("remedy"), outcome(p), number(p, "count").longValueExact(), priced,
                        priced > 0 ? number(p, "money") : BigDecimal.ZERO, (String) p.get("currency"),
                        priced > 0 ? number(p, "firstSequence").longValueExact() : 0, (String) p.get("firstCase"));
            }
            map(line, "workload").forEach((approver, n) -> tally.agreedWorkload(approver,
                    ((BigDecimal) n).longValueExact()));
        }
    }

    private static long sequence(Map<String, Object> line) {
        return number(line, "sequence").longValueExact();
    }

    private static List<String> key(Map<String, Object> serving, Map<String, Object> candidate) {
        return List.of(String.valueOf(serving.get("policy")), String.valueOf(serving.get("version")),
                String.valueOf(serving.get("revision")), String.valueOf(candidate.get("policy")),
                String.valueOf(candidate.get("version")), String.valueOf(candidate.get("revision")));
    }

    private static PolicyId id(Map<String, Object> policy) {
        return new PolicyId((String) policy.get("policy"), (String) policy.get("version"),
                (String) policy.get("revision"));
    }

    private static Map<String, RemedyUnit> units(Map<String, Object> policy) {
        Map<String, RemedyUnit> units = new LinkedHashMap<>();
        for (Object o : list(policy.get("remedies"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) o;
            units.put((String) r.get("remedy"), RemedyUnit.valueOf((String) r.get("unit")));
        }
        return units;
    }

    /** Returns a decision from the summary tree a shadow log writes: all a diff reads of it. */
    static Decision decision(Map<String, Object> tree, String caseId) {
        List<ProposalDecision> proposals = new ArrayList<>();
        for (Object o : list(tree.get("proposals"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) o;
            List<Reason> reasons = strings(p.get("rules")).stream().map(r -> new Reason(r, null)).toList();
            proposals.add(new ProposalDecision(new Proposal((String) p.get("remedy"), (BigDecimal) p.get("amount"),
                    (String) p.get("currency")), outcome(p), reasons));
        }
        List<Latitude> latitude = new ArrayList<>();
        for (Object o : list(tree.get("latitude"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> l = (Map<String, Object>) o;
            Object alone = l.get("aloneUpTo");
            latitude.add(new Latitude((String) l.get("remedy"), alone instanceof BigDecimal b ? Limit.of(b)
                    : Limit.unlimited(), (String) l.get("approverBeyond"), (String) l.get("team"),
                    strings(l.get("approversBeyond")), entitlement(l.get("entitlement"))));
        }
        List<FollowUp> followUps = new ArrayList<>();
        for (Object o : list(tree.get("followUps"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) o;
            followUps.add(new FollowUp((String) f.get("action"), within((String) f.get("within")),
                    (String) f.get("owner"), (String) f.get("rule")));
        }
        return new Decision((String) tree.get("policy"), (String) tree.get("version"), caseId,
                (String) tree.get("employeeRole"), Boolean.TRUE.equals(tree.get("swat")), proposals, latitude,
                followUps, (String) tree.get("revision"), null);
    }

    private static Outcome outcome(Map<String, Object> p) {
        return new Outcome(Outcome.Kind.valueOf((String) p.get("outcome")), (String) p.get("approver"),
                (String) p.get("team"), strings(p.get("approvers")));
    }

    private static Entitlement entitlement(Object o) {
        if (!(o instanceof Map<?, ?> e)) {
            return null;
        }
        return new Entitlement((BigDecimal) e.get("amount"), (String) e.get("rule"), (String) e.get("working"));
    }

    /** Returns the window of a follow-up from the text the log wrote: its toString, which is all a diff compares. */
    private static TemporalAmount within(String text) {
        if (text == null) {
            return null;
        }
        if (text.endsWith("BD")) {
            return new BusinessDays(Integer.parseInt(text.substring(1, text.length() - 2)),
                    BusinessDays.MONDAY_TO_FRIDAY, java.util.Set.of());
        }
        return text.contains("T") ? Duration.parse(text) : Period.parse(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> line, String key) {
        Object value = line.get(key);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("no object under [" + key + "]");
        }
        return (Map<String, Object>) value;
    }

    private static BigDecimal number(Map<String, Object> line, String key) {
        if (!(line.get(key) instanceof BigDecimal n)) {
            throw new IllegalArgumentException("no number under [" + key + "]");
        }
        return n;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    /** Parses one line into maps, lists, strings, booleans, nulls and {@link BigDecimal}s (amounts keep their scale). */
    private static Map<String, Object> object(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a line is one JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) value(p);
            if (p.nextToken() != null) {
                throw new IOException("text after the object");
            }
            return tree;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, value(p));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + p.currentToken());
        };
    }
}
