package org.resolutionpolicy.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Employee;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Values;

/**
 * Reads a case written in JSON with Jackson's streaming parser, into the same {@link CustomerCase} and the same
 * {@link CaseProblem}s, in the same order, as the YAML reader gives for the same JSON text.
 *
 * <p>Two entry points: {@link #read(PolicySource)} for a case file or string, and {@link #readLine} for one line of
 * a history (JSON lines), which may also be a line of a decision log written with
 * {@code DecisionLog.Options.withCases()}. Malformed JSON is one problem at its line and column:
 * {@code history.jsonl:17:5: error: invalid JSON: ...}. Thread-safe: every call has a parser of its own.
 */
public final class CaseJsonReader {

    /** The fields of a case, in the order of the policy-format guide. */
    public static final List<String> CASE_KEYS = List.of("id", "severity", "category", "channel", "openedAt",
            "employee", "customer", "impact", "attributes", "proposals", "currency");
    private static final List<String> IMPACT_KEYS = List.of("outOfPocket", "affectedCustomers", "socialReach",
            "legalThreat", "safetyIssue", "regulatorInvolved");
    /** The first key of every decision-log line, and of every reload line of such a log. */
    private static final String DECISION_ID = "decisionId";
    private static final String RELOAD = "reload";
    private static final String[] LOG_KEYS = {DECISION_ID, RELOAD};
    /** Where a decision-log line written with cases holds the case. */
    public static final String INPUT = "input";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(LoadOptions.DEFAULT_MAX_NESTING_DEPTH)
                    .maxStringLength(LoadOptions.DEFAULT_MAX_SOURCE_CHARS).build())
            .build();
    private static final Pattern NUMERAL = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String source;
    /** Added to the parser's line: a history line is line 1 to the parser and line N of its file. */
    private final int lineOffset;
    private final List<CaseProblem> problems = new ArrayList<>();
    private JsonParser p;

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
     * {@code input}; a reload line gives nothing.
     *
     * @param line the bytes of the file (UTF-8)
     * @param offset where the line starts
     * @param length the line's length, without its line break
     * @param source the history's name, for messages
     * @param lineNumber the line's number in the history, 1-based, for messages
     * @return the case, or empty for a reload line of a decision log
     * @throws InvalidCaseException naming every malformed field, or the place of malformed JSON
     */
    public static Optional<CustomerCase> readLine(byte[] line, int offset, int length, String source, long lineNumber) {
        CaseJsonReader reader = new CaseJsonReader(source, (int) Math.min(Integer.MAX_VALUE, lineNumber - 1));
        try {
            String first = FirstKey.among(line, offset, length, LOG_KEYS);
            if (first == null) {
                try (JsonParser parser = FACTORY.createParser(line, offset, length)) {
                    first = parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                            ? parser.currentName() : null;
                }
            }
            try (JsonParser parser = FACTORY.createParser(line, offset, length)) {
                if (RELOAD.equals(first)) {
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

    /** Reads the {@code input} of a decision-log line; every other field of the line is the log's, and skipped. */
    private CustomerCase readLogLine(JsonParser parser) throws IOException {
        p = parser;
        p.nextToken();
        CustomerCase c = null;
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (INPUT.equals(key) && !found) {
                found = true;
                c = readCase();
            } else {
                p.skipChildren();
            }
        }
        end();
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
        all.add(error(where, "invalid JSON: " + message));
        return new InvalidCaseException(source, all);
    }

    /** Returns a problem of the whole case at a place, written as the YAML reader writes its syntax errors. */
    private CaseProblem error(JsonLocation where, String message) {
        boolean known = where != null && where.getLineNr() >= 1;
        return new CaseProblem("", Problem.error(source, known ? where.getLineNr() + lineOffset : 0,
                known ? Math.max(1, where.getColumnNr()) : 0, message, null).toString());
    }

    // ---------------------------------------------------------------- the case

    /** Reads the case at the current token; throws when any field is malformed. */
    private CustomerCase readCase() throws IOException {
        CustomerCase.Builder b = CustomerCase.builder();
        String[] name = {null};
        boolean map = map("", key -> {
            switch (key) {
                case "id" -> {
                    name[0] = p.currentToken().isScalarValue() ? p.getText() : null;
                    b.id(text("", "id"));
                }
                case "severity" -> b.severity(text("", "severity"));
                case "category" -> b.category(text("", "category"));
                case "channel" -> b.channel(text("", "channel"));
                case "openedAt" -> b.openedAt(instant("", "openedAt"));
                case "employee" -> b.employee(employee());
                case "customer" -> b.customer(customer());
                case "impact" -> b.impact(impact());
                case "attributes" -> attributes(b);
                case "proposals" -> proposals(b);
                case "currency" -> b.currency(text("", "currency"));
                default -> unknown(key, "", CASE_KEYS);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(map && name[0] != null ? name[0] : source, problems);
        }
        return b.build();
    }

    private Employee employee() throws IOException {
        String[] idRole = new String[2];
        boolean map = map("employee", key -> {
            switch (key) {
                case "id" -> idRole[0] = text("employee.", "id");
                case "role" -> idRole[1] = text("employee.", "role");
                default -> unknown(key, "employee.", List.of("id", "role"));
            }
        });
        return map ? Employee.of(idRole[0], idRole[1]) : null;
    }

    private Customer customer() throws IOException {
        Customer.Builder c = Customer.builder();
        boolean map = map("customer", key -> {
            switch (key) {
                case "id" -> c.id(text("customer.", "id"));
                case "tier" -> c.tier(text("customer.", "tier"));
                case "lifetimeValue" -> c.lifetimeValue(number("customer.", "lifetimeValue"));
                case "history" -> history(c);
                default -> unknown(key, "customer.", List.of("id", "tier", "lifetimeValue", "history"));
            }
        });
        return map ? c.build() : null;
    }

    private void history(Customer.Builder c) throws IOException {
        list("customer.history", false, (i, field) -> {
            String[] remedy = {null};
            BigDecimal[] amount = {null};
            Instant[] at = {null};
            boolean[] given = new boolean[2]; // remedy, at: absent and null are told apart
            if (!map(field, key -> {
                switch (key) {
                    case "remedy" -> {
                        given[0] = true;
                        remedy[0] = text(field, ".remedy");
                    }
                    case "amount" -> amount[0] = number(field, ".amount");
                    case "at" -> {
                        given[1] = true;
                        at[0] = instant(field, ".at");
                    }
                    default -> unknown(key, field + ".", List.of("remedy", "amount", "at"));
                }
            })) {
                return;
            }
            if (!given[0]) {
                problems.add(new CaseProblem(field + ".remedy", "missing"));
            }
            if (!given[1]) {
                problems.add(new CaseProblem(field + ".at", "missing; history entries need the date they were granted"));
            }
            c.history(new HistoryEntry(remedy[0], amount[0], at[0]));
        });
    }

    private Impact impact() throws IOException {
        // one value per key of IMPACT_KEYS: a money amount, two counts, three flags; read in file order
        Object[] values = new Object[IMPACT_KEYS.size()];
        boolean map = map("impact", key -> {
            int i = IMPACT_KEYS.indexOf(key);
            if (i < 0) {
                unknown(key, "impact.", IMPACT_KEYS);
            } else {
                values[i] = i == 0 ? number("impact.", key) : i < 3 ? whole("impact.", key) : bool("impact.", key);
            }
        });
        return map ? new Impact((BigDecimal) values[0], (Long) values[1], (Long) values[2], (Boolean) values[3],
                (Boolean) values[4], (Boolean) values[5]) : null;
    }

    private void attributes(CustomerCase.Builder b) throws IOException {
        map("attributes", key -> {
            String field = "attributes." + Problems.prefix(key);
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_NULL -> {
                    // an absent value, as in YAML
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    BigDecimal n = Values.numberOrNull(p.getText());
                    if (n == null) {
                        problems.add(new CaseProblem(field, "is not a usable number: " + describe()));
                    } else {
                        b.attribute(key, n);
                    }
                }
                case VALUE_TRUE, VALUE_FALSE -> b.attribute(key, t == JsonToken.VALUE_TRUE);
                case VALUE_STRING -> b.attribute(key, p.getText());
                default -> problems.add(new CaseProblem(field, "must be a single value, not " + describe()));
            }
        });
    }

    private void proposals(CustomerCase.Builder b) throws IOException {
        list("proposals", true, (i, field) -> {
            String[] remedy = {null};
            BigDecimal[] amount = {null};
            String[] currency = {null};
            if (!map(field, key -> {
                switch (key) {
                    case "remedy" -> remedy[0] = text(field, ".remedy");
                    case "amount" -> amount[0] = number(field, ".amount");
                    case "currency" -> currency[0] = text(field, ".currency");
                    default -> unknown(key, field + ".", List.of("remedy", "amount", "currency"));
                }
            })) {
                return;
            }
            if (remedy[0] == null) {
                problems.add(new CaseProblem(field + ".remedy", "missing"));
                return;
            }
            b.propose(new Proposal(remedy[0], amount[0], currency[0]));
        });
    }

    // ---------------------------------------------------------------- structure

    /** Reads the value of one key; the parser is at the value's first token and must end at its last. */
    @FunctionalInterface
    private interface KeyReader {
        void read(String key) throws IOException;
    }

    /** Reads one item of a list; the parser is at the item's first token and must end at its last. */
    @FunctionalInterface
    private interface ItemReader {
        void read(int index, String field) throws IOException;
    }

    /**
     * Reads the map at the current token key by key. A duplicate key is a problem, placed before the problems of
     * the map's values (as the YAML reader, which checks a map's keys before reading its values, places it), and
     * its value is skipped. Returns false, after recording a problem, when the value is no map.
     */
    private boolean map(String field, KeyReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            problems.add(new CaseProblem(field, "must be a map, not " + describe()));
            return false;
        }
        int start = problems.size();
        int duplicates = 0;
        Keys seen = new Keys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!seen.add(key)) {
                int line = p.currentTokenLocation().getLineNr() + lineOffset;
                p.nextToken();
                problems.add(start + duplicates++, new CaseProblem((field.isEmpty() ? "" : field + ".")
                        + Problems.prefix(key), "duplicate key (line " + line + ")"));
                p.skipChildren();
                continue;
            }
            p.nextToken();
            reader.read(key);
        }
        return true;
    }

    /**
     * The keys of one map seen so far: a few, compared in a small array (a case's maps have a handful of keys),
     * then, past {@value #FEW} of them, a hash set, so a map of many keys stays linear.
     */
    private static final class Keys {

        private static final int FEW = 16;

        private String[] few = new String[4];
        private int n;
        private Set<String> many;

        /** Adds a key; returns false if the map had it already. */
        boolean add(String key) {
            if (many != null) {
                return many.add(key);
            }
            for (int i = 0; i < n; i++) {
                if (few[i].equals(key)) {
                    return false;
                }
            }
            if (n < FEW) {
                if (n == few.length) {
                    few = Arrays.copyOf(few, FEW);
                }
                few[n++] = key;
                return true;
            }
            many = new HashSet<>(Arrays.asList(few));
            return many.add(key);
        }
    }

    /**
     * Reads the list at the current token item by item; null is an empty list, anything else a problem, and so is an
     * empty list when it must not be empty (proposals: an empty list would silently turn the case into a latitude
     * question; absence is how to ask one).
     */
    private void list(String field, boolean notEmpty, ItemReader reader) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            problems.add(new CaseProblem(field, "must be a list, not " + describe()));
            return;
        }
        int i = 0;
        JsonToken item = p.nextToken();
        if (item == JsonToken.END_ARRAY && notEmpty) {
            problems.add(new CaseProblem(field, "empty: leave the field out to ask for latitude"));
            return;
        }
        while (item != JsonToken.END_ARRAY) {
            reader.read(i, field + "[" + i + "]");
            i++;
            item = p.nextToken();
        }
    }

    private void unknown(String key, String prefix, List<String> allowed) throws IOException {
        String hint = Hints.didYouMean(key, allowed);
        problems.add(new CaseProblem(prefix + Problems.prefix(key), "unknown field" + (hint == null ? "" : " (" + hint + ")")));
        p.skipChildren();
    }

    // ---------------------------------------------------------------- values

    /** Describes the value at the current token as the YAML reader does, skipping a map or list. */
    private String describe() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return t == JsonToken.START_OBJECT ? "a map" : "a list";
        }
        if (t == JsonToken.VALUE_NULL) {
            return "nothing";
        }
        String v = p.getText();
        return "[" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "]";
    }

    private String text(String prefix, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            problems.add(new CaseProblem(prefix + key, "must be a single value, not " + describe()));
            return null;
        }
        return p.getText();
    }

    private BigDecimal number(String prefix, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return BigDecimal.valueOf(p.getLongValue()); // the usual amount: no text, nothing to normalise
        }
        BigDecimal n = t.isNumeric() ? Values.numberOrNull(p.getText()) : null;
        if (n == null) {
            problems.add(new CaseProblem(prefix + key, "must be a number, not " + notANumber()));
        }
        return n;
    }

    /** Describes a value that is no number; text is called text, quoted as written, so {@code "5"} is not shown as [5]. */
    private String notANumber() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return describe();
        }
        String value = p.getText();
        String shown = describe();
        String text = "the text [\"" + shown.substring(1, shown.length() - 1) + "\"]";
        return value.length() <= 40 && NUMERAL.matcher(value).matches() ? text + "; write the number without quotes" : text;
    }

    private Long whole(String prefix, String key) throws IOException {
        BigDecimal n = number(prefix, key);
        if (n == null) {
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new CaseProblem(prefix + key, "must be a whole number, not [" + n.toPlainString() + "]"));
            return null;
        }
    }

    private Boolean bool(String prefix, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        problems.add(new CaseProblem(prefix + key, "must be true or false, not " + describe()));
        return null;
    }

    private Instant instant(String prefix, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = t.isScalarValue() ? p.getText() : null;
        Instant i = text == null ? null : Values.parseInstant(text);
        if (i == null && text != null && Values.isOutsideDateRange(text)) {
            problems.add(new CaseProblem(prefix + key, "is outside the supported dates, " + Values.DATE_RANGE + ", not "
                    + describe()));
        } else if (i == null) {
            problems.add(new CaseProblem(prefix + key, "must be an ISO-8601 date-time such as [2026-11-20T09:30:00Z], not "
                    + describe()));
        }
        return i;
    }
}
