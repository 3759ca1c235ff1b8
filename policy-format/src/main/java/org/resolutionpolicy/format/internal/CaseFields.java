package org.resolutionpolicy.format.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Employee;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Values;

/**
 * Reads a case from a {@link CaseCursor}, naming the field of every problem ({@code proposals[1].amount}): the one
 * place that knows the fields of the case format, their types, their checks and every message, so that a case reads
 * alike, problems and their order included, whether it was written in YAML or in JSON.
 *
 * <p>It checks the shape only (known keys, types, dates within {@link Values#DATE_RANGE}); whether the names fit a
 * policy is checked when deciding. Field names and values in problems are quoted by a bounded prefix. Reading goes on
 * after a problem, so one run names every malformed field. One instance reads one case; the JSON path allocates
 * nothing per field beyond the values it keeps, and a problem's field name is put together only for a problem.
 */
public final class CaseFields {

    /** The fields of a case, in the order of the policy-format guide. */
    public static final List<String> CASE_KEYS = List.of("id", "severity", "category", "channel", "openedAt",
            "employee", "customer", "impact", "attributes", "proposals", "currency");
    private static final List<String> EMPLOYEE_KEYS = List.of("id", "role");
    private static final List<String> CUSTOMER_KEYS = List.of("id", "tier", "lifetimeValue", "history");
    private static final List<String> HISTORY_KEYS = List.of("remedy", "amount", "at");
    /** A money amount, two counts, three flags, in this order. */
    private static final List<String> IMPACT_KEYS = List.of("outOfPocket", "affectedCustomers", "socialReach",
            "legalThreat", "safetyIssue", "regulatorInvolved");
    private static final List<String> PROPOSAL_KEYS = List.of("remedy", "amount", "currency");
    private static final Pattern NUMERAL = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final CaseCursor in;
    private final String source;
    private final List<CaseProblem> problems;
    /** The maps being read, outermost first: a case nests three deep (case, customer, history entry). */
    private OpenMap[] open = new OpenMap[3];
    private int depth = -1;

    /**
     * Creates a reader of one case.
     *
     * @param in the cursor, standing on the case's value
     * @param source the name of the input, for the exception of a case without a usable id
     * @param problems where problems go; a front end may have put its own there, and reads them after a throw
     */
    public CaseFields(CaseCursor in, String source, List<CaseProblem> problems) {
        this.in = in;
        this.source = source;
        this.problems = problems;
    }

    /**
     * Reads the case at the cursor, leaving the cursor at its last token.
     *
     * @return the case
     * @throws InvalidCaseException naming every malformed field, named after the case's id when it has one
     * @throws IOException when the cursor cannot read its input (malformed JSON)
     */
    public CustomerCase readCase() throws IOException {
        CustomerCase.Builder b = CustomerCase.builder();
        String name = null;
        boolean map = map("");
        // one switch over the case's keys in input order, long because the case has many: each branch is one line
        for (String key = map ? nextKey() : null; key != null; key = nextKey()) {
            switch (key) {
                case "id" -> {
                    name = in.kind().scalar() ? in.text() : null;
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
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(map && name != null ? name : source, problems);
        }
        return b.build();
    }

    private Employee employee() throws IOException {
        if (!map("employee")) {
            return null;
        }
        String id = null;
        String role = null;
        for (String key = nextKey(); key != null; key = nextKey()) {
            switch (key) {
                case "id" -> id = text("employee.", "id");
                case "role" -> role = text("employee.", "role");
                default -> unknown(key, "employee.", EMPLOYEE_KEYS);
            }
        }
        return Employee.of(id, role);
    }

    private Customer customer() throws IOException {
        if (!map("customer")) {
            return null;
        }
        Customer.Builder c = Customer.builder();
        for (String key = nextKey(); key != null; key = nextKey()) {
            switch (key) {
                case "id" -> c.id(text("customer.", "id"));
                case "tier" -> c.tier(text("customer.", "tier"));
                case "lifetimeValue" -> c.lifetimeValue(number("customer.", "lifetimeValue"));
                case "history" -> history(c);
                default -> unknown(key, "customer.", CUSTOMER_KEYS);
            }
        }
        return c.build();
    }

    private void history(Customer.Builder c) throws IOException {
        if (!list("customer.history")) {
            return;
        }
        for (int i = 0; in.nextItem(); i++) {
            String field = "customer.history[" + i + "]";
            if (!map(field)) {
                continue;
            }
            String remedy = null;
            BigDecimal amount = null;
            Instant at = null;
            // absent and null are told apart: an entry must say which remedy and when, even if to say nothing
            boolean remedyGiven = false;
            boolean atGiven = false;
            for (String key = nextKey(); key != null; key = nextKey()) {
                switch (key) {
                    case "remedy" -> {
                        remedyGiven = true;
                        remedy = text(field, ".remedy");
                    }
                    case "amount" -> amount = number(field, ".amount");
                    case "at" -> {
                        atGiven = true;
                        at = instant(field, ".at");
                    }
                    default -> unknown(key, field + ".", HISTORY_KEYS);
                }
            }
            if (!remedyGiven) {
                problems.add(new CaseProblem(field + ".remedy", "missing"));
            }
            if (!atGiven) {
                problems.add(new CaseProblem(field + ".at", "missing; history entries need the date they were granted"));
            }
            c.history(new HistoryEntry(remedy, amount, at));
        }
    }

    private Impact impact() throws IOException {
        if (!map("impact")) {
            return null;
        }
        // one value per key of IMPACT_KEYS: a money amount, two counts, three flags; read in input order
        Object[] values = new Object[IMPACT_KEYS.size()];
        for (String key = nextKey(); key != null; key = nextKey()) {
            int i = IMPACT_KEYS.indexOf(key);
            if (i < 0) {
                unknown(key, "impact.", IMPACT_KEYS);
            } else {
                values[i] = i == 0 ? number("impact.", key) : i < 3 ? whole("impact.", key) : bool("impact.", key);
            }
        }
        return new Impact((BigDecimal) values[0], (Long) values[1], (Long) values[2], (Boolean) values[3],
                (Boolean) values[4], (Boolean) values[5]);
    }

    private void attributes(CustomerCase.Builder b) throws IOException {
        if (!map("attributes")) {
            return;
        }
        for (String key = nextKey(); key != null; key = nextKey()) {
            switch (in.kind()) {
                case NULL -> {
                    // an absent value
                }
                case NUMBER -> {
                    BigDecimal n = in.number();
                    String beyond = n == null ? Values.outOfRange(in.text()) : null;
                    if (beyond != null) {
                        problem("attributes.", key, beyond + ", was " + describe());
                    } else if (n == null) {
                        problem("attributes.", key, "is not a usable number: " + describe());
                    } else {
                        b.attribute(key, n);
                    }
                }
                case BOOLEAN -> {
                    Boolean flag = bool("attributes.", key);
                    if (flag != null) {
                        b.attribute(key, flag);
                    }
                }
                case DATE -> b.attribute(key, instant("attributes.", key));
                case TEXT -> b.attribute(key, in.text());
                default -> problem("attributes.", key, "must be a single value, not " + describe());
            }
        }
    }

    private void proposals(CustomerCase.Builder b) throws IOException {
        if (!list("proposals")) {
            return;
        }
        int i = 0;
        while (in.nextItem()) {
            if (i == LoadOptions.DEFAULT_MAX_PROPOSALS) {
                // refused while read: a case of a million proposals must not be built to be refused
                problems.add(new CaseProblem("proposals", "more than [" + LoadOptions.DEFAULT_MAX_PROPOSALS
                        + "] proposals in one case; split the case"));
                in.skip();
                while (in.nextItem()) {
                    in.skip();
                }
                return;
            }
            proposal("proposals[" + i + "]", b);
            i++;
        }
        if (i == 0) {
            // an empty list would silently turn the case into a latitude question; absence is how to ask one
            problems.add(new CaseProblem("proposals", "empty: leave the field out to ask for latitude"));
        }
    }

    private void proposal(String field, CustomerCase.Builder b) throws IOException {
        if (!map(field)) {
            return;
        }
        String remedy = null;
        BigDecimal amount = null;
        String currency = null;
        for (String key = nextKey(); key != null; key = nextKey()) {
            switch (key) {
                case "remedy" -> remedy = text(field, ".remedy");
                case "amount" -> amount = number(field, ".amount");
                case "currency" -> currency = text(field, ".currency");
                default -> unknown(key, field + ".", PROPOSAL_KEYS);
            }
        }
        if (remedy == null) {
            problems.add(new CaseProblem(field + ".remedy", "missing"));
            return;
        }
        b.propose(new Proposal(remedy, amount, currency));
    }

    // ---------------------------------------------------------------- structure

    /**
     * Enters the map at the cursor, for {@link #nextKey()}; returns false, after recording a problem, when the value
     * is no map.
     */
    private boolean map(String field) throws IOException {
        if (in.kind() != CaseCursor.Kind.MAP) {
            problems.add(new CaseProblem(field, "must be a map, not " + describe()));
            return false;
        }
        in.enter();
        depth++;
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth + 1);
        }
        if (open[depth] == null) {
            open[depth] = new OpenMap();
        }
        open[depth].reset(field, problems.size());
        return true;
    }

    /**
     * Moves to the value of the next key of the map entered last, and returns the key; returns null after its last
     * key. A duplicate key, or one that is no plain name, is a problem, placed before the problems of the map's values
     * (as a reader that checks a map's keys before reading its values would place it), and its value is skipped.
     */
    private String nextKey() throws IOException {
        OpenMap map = open[depth];
        while (in.nextEntry()) {
            String key = in.key();
            if (key == null) {
                problems.add(map.start + map.keyProblems++, new CaseProblem(map.field, "keys must be plain names"));
            } else if (!map.add(key)) {
                problems.add(map.start + map.keyProblems++, new CaseProblem((map.field.isEmpty() ? "" : map.field + ".")
                        + Problems.prefix(key), "duplicate key (line " + in.keyLine() + ")"));
            } else {
                in.toValue();
                return key;
            }
            in.toValue();
            in.skip();
        }
        depth--;
        return null;
    }

    /** Enters the list at the cursor, for {@link CaseCursor#nextItem()}; nothing is an empty list, anything else a problem. */
    private boolean list(String field) throws IOException {
        CaseCursor.Kind kind = in.kind();
        if (kind == CaseCursor.Kind.LIST) {
            in.enter();
            return true;
        }
        if (kind != CaseCursor.Kind.NULL) {
            problems.add(new CaseProblem(field, "must be a list, not " + describe()));
        }
        return false;
    }

    private void unknown(String key, String prefix, List<String> allowed) throws IOException {
        String hint = Hints.didYouMean(key, allowed);
        problem(prefix, key, "unknown field" + (hint == null ? "" : " (" + hint + ")"));
        in.skip();
    }

    /** Records a problem of the field {@code prefix + key}, the key cut to a bounded prefix. */
    private void problem(String prefix, String key, String message) {
        problems.add(new CaseProblem(prefix + Problems.prefix(key), message));
    }

    // ---------------------------------------------------------------- values

    /** Describes the current value for a message, {@code a map}, {@code a list}, {@code nothing} or {@code [value]}, finishing it. */
    private String describe() throws IOException {
        switch (in.kind()) {
            case MAP -> {
                in.skip();
                return "a map";
            }
            case LIST -> {
                in.skip();
                return "a list";
            }
            case NULL -> {
                return "nothing";
            }
            default -> {
                String v = in.text();
                return "[" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "]";
            }
        }
    }

    private String text(String prefix, String key) throws IOException {
        CaseCursor.Kind kind = in.kind();
        if (kind.scalar()) {
            return kind == CaseCursor.Kind.NULL ? null : in.text();
        }
        problem(prefix, key, "must be a single value, not " + describe());
        return null;
    }

    private BigDecimal number(String prefix, String key) throws IOException {
        CaseCursor.Kind kind = in.kind();
        BigDecimal n = kind == CaseCursor.Kind.NUMBER ? in.number() : null;
        String beyond = n == null && kind == CaseCursor.Kind.NUMBER ? Values.outOfRange(in.text()) : null;
        if (beyond != null) {
            problem(prefix, key, beyond + ", was " + describe());
        } else if (n == null && kind != CaseCursor.Kind.NULL) {
            problem(prefix, key, "must be a number, not " + notANumber());
        }
        return n;
    }

    /** Describes a value that is no number; text is called text, quoted as written, so {@code "5"} is not shown as [5]. */
    private String notANumber() throws IOException {
        if (in.kind() != CaseCursor.Kind.TEXT) {
            return describe();
        }
        String value = in.text();
        String shown = describe();
        if (!in.quoted()) {
            return "the text " + shown;
        }
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
            problem(prefix, key, "must be a whole number, not [" + n.toPlainString() + "]");
            return null;
        }
    }

    private Boolean bool(String prefix, String key) throws IOException {
        CaseCursor.Kind kind = in.kind();
        Boolean flag = kind == CaseCursor.Kind.BOOLEAN ? in.bool() : null;
        if (flag != null || kind == CaseCursor.Kind.NULL) {
            return flag;
        }
        problem(prefix, key, "must be true or false, not " + describe());
        return null;
    }

    private Instant instant(String prefix, String key) throws IOException {
        CaseCursor.Kind kind = in.kind();
        String text = kind.scalar() && kind != CaseCursor.Kind.NULL ? in.text() : null;
        Instant i = text == null ? null : Values.parseInstant(text);
        if (i != null || kind == CaseCursor.Kind.NULL) {
            return i;
        }
        problem(prefix, key, text != null && Values.isOutsideDateRange(text)
                ? "is outside the supported dates, " + Values.DATE_RANGE + ", not " + describe()
                : "must be an ISO-8601 date-time such as [2026-11-20T09:30:00Z], not " + describe());
        return null;
    }

    /**
     * A map being read: its field, where its key problems go, and its keys so far, compared in a small array (a case's
     * maps have a handful of keys), then, past {@value #FEW} of them, in a hash set, so a map of many keys stays
     * linear. Kept per depth and reused within a case: a history line makes three, however many maps it holds.
     */
    private static final class OpenMap {

        private static final int FEW = 16;

        private String field;
        private int start;
        private int keyProblems;
        private final String[] few = new String[FEW];
        /** The hash of each key in {@link #few}: most keys differ in it, and a parser's keys cache theirs. */
        private final int[] hashes = new int[FEW];
        private int n;
        private Set<String> many;

        void reset(String field, int start) {
            this.field = field;
            this.start = start;
            keyProblems = 0;
            Arrays.fill(few, 0, n, null);
            n = 0;
            many = null;
        }

        /** Adds a key; returns false if the map had it already. */
        boolean add(String key) {
            if (many != null) {
                return many.add(key);
            }
            int hash = key.hashCode();
            for (int i = 0; i < n; i++) {
                if (hashes[i] == hash && few[i].equals(key)) {
                    return false;
                }
            }
            if (n < FEW) {
                hashes[n] = hash;
                few[n++] = key;
                return true;
            }
            many = new HashSet<>(Arrays.asList(few));
            return many.add(key);
        }
    }
}
