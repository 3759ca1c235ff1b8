package org.resolutionpolicy.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.format.internal.CaseFields;
import org.resolutionpolicy.model.source.Problems;

/**
 * Reads a case written in JSON with Jackson's streaming parser, into the same {@link CustomerCase} and the same
 * {@link CaseProblem}s, in the same order, as the YAML reader gives for the same JSON text: only the JSON syntax is
 * read here, and the case's fields by {@link CaseFields}, which the YAML reader shares.
 *
 * <p>Two entry points: {@link #read(PolicySource)} for a case file or string, and {@link #readLine} for one line of
 * a history (JSON lines), which may also be a line of a decision log written with
 * {@code DecisionLog.Options.withCases()}. Malformed JSON is one problem at its line and column:
 * {@code history.jsonl:17:5: error: invalid JSON: ...}. Thread-safe: every call has a parser of its own.
 */
public final class CaseJsonReader {

    /** The fields of a case, in the order of the policy-format guide. */
    public static final List<String> CASE_KEYS = CaseFields.CASE_KEYS;
    /**
     * The first key of every decision-log line, and of every reload line and every line naming a shadow's outcome of
     * such a log.
     */
    private static final String DECISION_ID = "decisionId";
    private static final String RELOAD = "reload";
    private static final String SHADOW = "shadow";
    private static final String[] LOG_KEYS = {DECISION_ID, RELOAD, SHADOW};
    /** Where a decision-log line written with cases holds the case. */
    public static final String INPUT = "input";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(LoadOptions.DEFAULT_MAX_NESTING_DEPTH)
                    .maxStringLength(LoadOptions.DEFAULT_MAX_SOURCE_CHARS).build())
            .build();

    private final String source;
    /** Added to the parser's line: a history line is line 1 to the parser and line N of its file. */
    private final int lineOffset;
    private final List<CaseProblem> problems = new ArrayList<>();
    private JsonParser p;
    /** Whether a decision-log line is read, whose case is its {@code input}. */
    private boolean logLine;

    private CaseJsonReader(String source, int lineOffset) {
        this.source = source;
        this.lineOffset = lineOffset;
    }

    /**
     * Returns true if the text is a JSON object rather than YAML: its first character other than white space is
     * <code>{</code> and the next one is {@code "} or <code>}</code>. A YAML flow map such as
     * <code>{severity: LOW}</code> stays YAML.
     *
     * @param text a case's text
     * @return whether {@link #read(PolicySource)} should read it
     */
    public static boolean looksLikeJson(String text) {
        int i = skipSpace(text, 0);
        if (i >= text.length() || text.charAt(i) != '{') {
            return false;
        }
        int j = skipSpace(text, i + 1);
        return j < text.length() && (text.charAt(j) == '"' || text.charAt(j) == '}');
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
                || text.charAt(i) == '\r' || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    /**
     * Reads a case from JSON text, held to {@link LoadOptions#defaults()} as YAML cases are.
     *
     * @param source the case text and its name
     * @return the case
     * @throws InvalidCaseException naming every malformed field, or the line and column of malformed JSON
     */
    public static CustomerCase read(PolicySource source) {
        String text = source.text();
        if (text.length() > LoadOptions.DEFAULT_MAX_SOURCE_CHARS) {
            throw new InvalidCaseException(source.name(), List.of(new CaseProblem("", Problem.error(source.name(), 0, 0,
                    "file is too large: [" + text.length() + "] characters, at most ["
                    + LoadOptions.DEFAULT_MAX_SOURCE_CHARS + "]", "a case is usually a few hundred characters").toString())));
        }
        byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
        if (ascii.length == text.length()) {
            // ASCII (nearly every case): Jackson's byte parser is the faster of its two, but it places some errors a
            // column further on; a case with any problem is read again as text, so its messages are the same either way
            try (JsonParser parser = FACTORY.createParser(ascii)) {
                return new CaseJsonReader(source.name(), 0).readDocument(parser);
            } catch (IOException | InvalidCaseException e) {
                // read again below
            }
        }
        CaseJsonReader reader = new CaseJsonReader(source.name(), 0);
        try (JsonParser parser = FACTORY.createParser(text)) {
            return reader.readDocument(parser);
        } catch (IOException e) {
            throw reader.malformed(e);
        }
    }

    /**
     * Reads one line of a history: a case, or a line of a decision log. A decision line gives the case in its
     * {@code input}; a reload line, or a line naming a shadow's outcome, gives nothing.
     *
     * @param line the bytes of the file (UTF-8)
     * @param offset where the line starts
     * @param length the line's length, without its line break
     * @param source the history's name, for messages
     * @param lineNumber the line's number in the history, 1-based, for messages
     * @return the case, or empty for a reload or shadow line of a decision log
     * @throws InvalidCaseException naming every malformed field, or the place of malformed JSON
     */
    public static Optional<CustomerCase> readLine(byte[] line, int offset, int length, String source, long lineNumber) {
        CaseJsonReader reader = new CaseJsonReader(source, (int) Math.min(Integer.MAX_VALUE, lineNumber - 1));
        String notUtf8 = Utf8.check(line, offset, length);
        if (notUtf8 != null) {
            // Jackson decodes an encoded surrogate without a word, and a report that echoes it cannot be written
            int column = Integer.parseInt(notUtf8.substring(0, notUtf8.indexOf(' ')));
            throw new InvalidCaseException(source, List.of(new CaseProblem("", Problem.error(source,
                    (int) Math.min(Integer.MAX_VALUE, lineNumber), column, "the line is not valid UTF-8: "
                    + notUtf8.substring(notUtf8.indexOf(' ') + 1) + "; a history is UTF-8 text", null).toString())));
        }
        try {
            String first = FirstKey.among(line, offset, length, LOG_KEYS);
            if (first == null) {
                try (JsonParser parser = FACTORY.createParser(line, offset, length)) {
                    first = parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                            ? parser.currentName() : null;
                }
            }
            try (JsonParser parser = FACTORY.createParser(line, offset, length)) {
                if (RELOAD.equals(first) || SHADOW.equals(first)) {
                    reader.p = parser;
                    parser.nextToken();
                    parser.skipChildren();
                    reader.end();
                    return Optional.empty();
                }
                return Optional.of(DECISION_ID.equals(first) ? reader.readLogLine(parser) : reader.readDocument(parser));
            }
        } catch (IOException e) {
            throw reader.malformed(e);
        }
    }

    private CustomerCase readDocument(JsonParser parser) throws IOException {
        p = parser;
        if (p.nextToken() == null) {
            problems.add(error(p.currentLocation(), "file is empty"));
            throw new InvalidCaseException(source, problems);
        }
        CustomerCase c = readCase();
        end();
        return c;
    }

    /** Reads the case at the current token; throws when any field is malformed. */
    private CustomerCase readCase() throws IOException {
        return new CaseFields(new JsonCaseCursor(p, lineOffset), source, problems).readCase();
    }

    /** Reads the {@code input} of a decision-log line; every other field of the line is the log's, and skipped. */
    private CustomerCase readLogLine(JsonParser parser) throws IOException {
        p = parser;
        logLine = true;
        p.nextToken();
        CustomerCase c = null;
        boolean found = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!seen.add(key)) {
                // which of two inputs (or ids) was meant cannot be told: the line is refused, never half-read
                problems.add(error(p.currentTokenLocation(), "duplicate key [" + key + "]: a decision-log line "
                        + "holds each key once"));
            }
            p.nextToken();
            if (INPUT.equals(key) && !found) {
                found = true;
                c = readCase();
            } else {
                p.skipChildren();
            }
        }
        end();
        if (problems.stream().anyMatch(problem -> problem.message().contains("duplicate key ["))) {
            throw new InvalidCaseException(source, problems);
        }
        if (!found) {
            problems.add(new CaseProblem(INPUT, "missing: this decision-log line has no case; a log holds its cases "
                    + "only when opened with DecisionLog.Options.withCases()"));
            throw new InvalidCaseException(source, problems);
        }
        return c;
    }

    /** Refuses anything after the one value: a case is one JSON object. */
    private void end() throws IOException {
        if (p.nextToken() != null) {
            problems.add(error(p.currentTokenLocation(), "invalid JSON: more than one value; a case is one JSON object"));
            throw new InvalidCaseException(source, problems);
        }
    }

    private InvalidCaseException malformed(IOException e) {
        JsonLocation where = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
        if (where == null && p != null) {
            // a broken limit (nesting, a string's length) is thrown without a place; the parser still knows it
            where = p.currentLocation();
        }
        String what = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.toString();
        String message = Problems.bounded(what == null ? "unreadable" : what.replace('\n', ' ').replace('\r', ' '));
        List<CaseProblem> all = new ArrayList<>(problems);
        java.util.regex.Matcher nonNumeric = what == null ? null : NON_NUMERIC.matcher(what);
        if (nonNumeric != null && nonNumeric.find()) {
            // Jackson's advice (enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) is for programmers, not for the
            // one who wrote the case
            JsonParser at = e instanceof JsonProcessingException jpe && jpe.getProcessor() instanceof JsonParser jp
                    ? jp : p;
            String path = at == null ? "" : path(at.getParsingContext());
            all.add(error(where, (path.isEmpty() ? "" : path + ": ") + "[" + nonNumeric.group(1)
                    + "] is not a number; numbers are finite decimals"));
        } else {
            all.add(error(where, "invalid JSON: " + message));
        }
        return new InvalidCaseException(source, all);
    }

    /** Jackson's message for NaN, Infinity and -Infinity, which JSON does not have. */
    private static final java.util.regex.Pattern NON_NUMERIC = java.util.regex.Pattern.compile(
            "Non-standard token '([^']{1,20})': enable `?JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS");

    /**
     * Returns where the parser is as the case format names a field, {@code proposals[0].amount}; the {@code input}
     * of a decision-log line is left out, being the case.
     */
    private String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return logLine && path.startsWith(INPUT + ".") ? path.substring(INPUT.length() + 1) : path;
    }

    /** Returns a problem of the whole case at a place, written as the YAML reader writes its syntax errors. */
    private CaseProblem error(JsonLocation where, String message) {
        boolean known = where != null && where.getLineNr() >= 1;
        return new CaseProblem("", Problem.error(source, known ? where.getLineNr() + lineOffset : 0,
                known ? Math.max(1, where.getColumnNr()) : 0, message, null).toString());
    }
}
