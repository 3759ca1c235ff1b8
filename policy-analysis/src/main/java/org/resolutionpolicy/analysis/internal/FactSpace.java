package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import org.resolutionpolicy.model.value.Values;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.model.Validity;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.FactType;

/**
 * Declares the solver's variables for the facts of a case and one proposal, with their domains: severity and role as
 * ranks, text as a code into the literals the policies use (plus one "other" value), numbers on a decimal grid,
 * booleans, dates as epoch seconds, and the customer's history as counts and totals per remedy and window. Every fact
 * a case may lack has its own presence variable, since the decision semantics treats an absent fact apart.
 *
 * <p>One space serves one analysis (one or two policies over the same cases); {@link #domain()} is asserted with
 * every check.
 */
public final class FactSpace {

    /** Epoch seconds of 2000-01-01 and 2100-01-01: witnesses keep their dates between them where they can. */
    static final long FIRST_DATE = 946_684_800L;
    static final long LAST_DATE = 4_102_444_800L;
    /** The largest number a witness has where it can; every number a case may hold is searched. */
    static final long LARGEST = 1_000_000_000L;
    /** The largest number a witness has where it can: a billion, or ten times the policy's largest number. */
    private final BigDecimal typicalLargest;
    /** The most earlier grants a witness gives one remedy in one window where it can; any number is searched. */
    static final int MOST_GRANTS = 60;
    /** The places of the grid: every number a case may hold (18 digits after the point) is on it. */
    static final int PLACES = Values.MAX_DIGITS;
    /** Every number a case may hold is below this in size (18 digits before the point). */
    static final BigDecimal BOUND = BigDecimal.TEN.pow(Values.MAX_DIGITS);

    /**
     * One fact's variables.
     *
     * @param name the fact path
     * @param type its type
     * @param present true when the case has it (the constant true for facts every case has)
     * @param raw the variable read back for witnesses: a code, grid number, count, epoch seconds or rank; for
     *            booleans the value; null for history presence
     */
    public record Var(String name, FactType type, Term present, Term raw) {
    }

    /**
     * The customer's use of one remedy in one window.
     *
     * @param remedy the remedy
     * @param window the window, or null for the whole history
     * @param count how many earlier grants
     * @param total their amounts added up, on the grid
     */
    public record Use(String remedy, TemporalAmount window, Term count, Term total) {
    }

    private final Smt smt;
    private final BigInteger scale;
    private final List<String> strings;
    /** False when some answer of the text tests has no text among {@link #strings}: text tests are not encoded. */
    private final boolean textsComplete;
    private final String other;
    private final List<String> severities;
    private final List<String> roles;
    private final Map<String, Var> facts = new LinkedHashMap<>();
    private final Map<String, Use> uses = new LinkedHashMap<>();
    private final Map<String, RemedyUnit> units;
    private final Term amountGrid;
    private final Term amountCount;
    /** The case's proposals of the checked remedy before the one decided: how many, and their amounts on the grid. */
    private final Term earlierCount;
    private final Term earlierTotal;
    private final Term historyPresent;
    private final Term historyOlder;
    private final List<Term> domain = new ArrayList<>();
    private final List<Term> preferred = new ArrayList<>();
    /** What a witness a person recognises keeps to where it can: dates of this century, round numbers, short histories. */
    private final List<Term> typical = new ArrayList<>();
    private final BigInteger typicalUnit;
    /** False when two windows of a remedy hold more or less than each other depending on the date (P1M, P30D). */
    private boolean nested = true;

    /** True if a condition reads {@code openedAt} itself; see {@link #undatedAt()}. */
    private final boolean openedAtRead;
    /** See {@link #undatedAt()}; set by {@link #inForce}. */
    private Instant undated;

    /**
     * Returns the instant a witness without {@code openedAt} is written with, or null to write none. A case without
     * it is decided by the version in force at the decision time, so a witness of a dated policy that left it out
     * would be decided by another version once that one is in force. Written with the first instant of the version
     * in force when the analysis ran (the one the solver decided it by), it decides as the solver claimed on any
     * day. Not when a condition reads {@code openedAt} itself: there an absent one is what the solver chose. (A
     * case without {@code openedAt} has no history in the solver's model, so no window depends on the date.)
     */
    public Instant undatedAt() {
        return openedAtRead ? null : undated;
    }

    FactSpace(Smt smt, Vocabulary v) {
        this.smt = smt;
        this.scale = BigInteger.TEN.pow(PLACES);
        this.typicalUnit = BigInteger.TEN.pow(PLACES - v.decimals());
        BigDecimal tenfold = v.largest().multiply(BigDecimal.TEN);
        this.typicalLargest = tenfold.compareTo(BOUND) >= 0 ? BOUND.subtract(BigDecimal.ONE)
                : tenfold.max(BigDecimal.valueOf(LARGEST));
        this.strings = List.copyOf(v.strings());
        this.textsComplete = v.textsComplete();
        this.other = v.other();
        this.severities = v.severities();
        this.roles = v.roles();
        this.units = v.units();
        this.openedAtRead = v.openedAtRead();
        declare("severity", FactType.SEVERITY);
        declare("employee.role", FactType.ROLE);
        if (!v.windows().isEmpty()) {
            // windows end at openedAt: a witness with earlier grants has one
            declare("openedAt", FactType.DATETIME);
        }
        v.facts().forEach((name, type) -> {
            if (!facts.containsKey(name)) {
                declare(name, type);
            }
        });
        amountGrid = smt.intVar("amount");
        amountCount = smt.intVar("amount.count");
        domain.add(smt.le(smt.num(0), amountGrid));
        domain.add(smt.lt(amountGrid, grid(BOUND)));
        domain.add(smt.le(smt.num(0), amountCount));
        domain.add(smt.lt(amountCount, smt.num(BOUND.toBigInteger())));
        typical(amountGrid, false);
        typical.add(smt.le(amountCount, smt.num(LARGEST)));
        earlierCount = smt.intVar("earlier.count");
        earlierTotal = smt.intVar("earlier.total");
        domain.add(smt.le(smt.num(0), earlierCount));
        domain.add(smt.le(smt.num(0), earlierTotal));
        // a case shown has one proposal where it can
        typical.add(smt.eq(earlierCount, smt.num(0)));
        historyPresent = smt.boolVar("history");
        historyOlder = smt.boolVar("history.older");
        for (Vocabulary.Window w : v.windows()) {
            Use u = new Use(w.remedy(), w.window(), smt.intVar("count." + w.remedy()),
                    smt.intVar("total." + w.remedy()));
            uses.put(key(w.remedy(), w.window()), u);
            domain.add(smt.le(smt.num(0), u.count()));
            domain.add(smt.le(smt.num(0), u.total()));
            // a total needs a grant to carry it: a witness writes the total on its first grant
            domain.add(smt.implies(smt.eq(u.count(), smt.num(0)), smt.eq(u.total(), smt.num(0))));
            typical.add(smt.le(u.count(), smt.num(MOST_GRANTS)));
            typical(u.total(), false);
        }
        historyDomain();
        preferences();
        smt.assertAlways(smt.and(domain));
    }

    private void declare(String name, FactType type) {
        Var var;
        switch (type) {
            case SEVERITY -> var = new Var(name, type, smt.yes(), rank(name, severities.size()));
            case ROLE -> var = new Var(name, type, smt.yes(), rank(name, roles.size()));
            case STRING -> {
                Term code = smt.intVar(name);
                Term present = smt.boolVar(name + ".present");
                domain.add(smt.le(smt.num(0), code));
                domain.add(smt.le(code, smt.num(strings.size())));
                var = new Var(name, type, present, code);
            }
            case NUMBER -> {
                Term n = smt.intVar(name);
                Term present = smt.boolVar(name + ".present");
                boolean nonNegative = name.startsWith("impact.");
                domain.add(nonNegative ? smt.le(smt.num(0), n) : smt.lt(smt.op("-", grid(BOUND)), n));
                domain.add(smt.lt(n, grid(BOUND)));
                typical(n, !nonNegative);
                if (name.equals("impact.affectedCustomers") || name.equals("impact.socialReach")) {
                    // whole numbers in the case model: a multiple of the grid's unit
                    Term whole = smt.intVar(name + ".whole");
                    domain.add(smt.eq(n, smt.op("*", smt.num(scale), whole)));
                }
                var = new Var(name, type, present, n);
            }
            case BOOLEAN -> var = new Var(name, type, smt.boolVar(name + ".present"), smt.boolVar(name));
            case DATETIME -> {
                Term seconds = smt.intVar(name);
                domain.add(smt.le(smt.num(Values.MIN_INSTANT.getEpochSecond()), seconds));
                domain.add(smt.le(seconds, smt.num(Values.MAX_INSTANT.getEpochSecond())));
                typical.add(smt.le(smt.num(FIRST_DATE), seconds));
                typical.add(smt.le(seconds, smt.num(LAST_DATE)));
                var = new Var(name, type, smt.boolVar(name + ".present"), seconds);
            }
            case HISTORY -> var = new Var(name, type, smt.yes(), null);
            default -> throw new IllegalArgumentException("fact [" + name + "] of type [" + type + "]");
        }
        facts.put(name, var);
    }

    private Term rank(String name, int size) {
        Term r = smt.intVar(name);
        domain.add(smt.le(smt.num(0), r));
        domain.add(smt.lt(r, smt.num(size)));
        return r;
    }

    /**
     * Relates the counts and totals of one remedy's windows: a longer window holds at least what a shorter one does,
     * and holds more only if it has more grants. Without {@code openedAt} windows would end at the decision time,
     * which a witness cannot fix: then the history is empty.
     */
    private void historyDomain() {
        Map<String, List<Use>> byRemedy = new LinkedHashMap<>();
        uses.values().forEach(u -> byRemedy.computeIfAbsent(u.remedy(), k -> new ArrayList<>()).add(u));
        Var opened = facts.get("openedAt");
        List<Term> any = new ArrayList<>();
        for (List<Use> list : byRemedy.values()) {
            list.sort((a, b) -> start(b.window()).compareTo(start(a.window())));
            for (int i = 0; i < list.size(); i++) {
                Use u = list.get(i);
                domain.add(smt.le(smt.num(0), u.count()));
                for (int j = 0; j < i; j++) {
                    Use shorter = list.get(j);
                    if (Windows.containsAlways(u.window(), shorter.window())) {
                        domain.add(smt.le(shorter.count(), u.count()));
                        domain.add(smt.le(shorter.total(), u.total()));
                        domain.add(smt.implies(smt.eq(shorter.count(), u.count()), smt.eq(shorter.total(), u.total())));
                    } else if (j == i - 1) {
                        // P1M and P30D: which holds more depends on the month, so neither is assumed to
                        nested = false;
                    }
                }
                any.add(smt.lt(smt.num(0), u.count()));
                if (opened == null) {
                    domain.add(smt.eq(u.count(), smt.num(0)));
                } else {
                    domain.add(smt.implies(smt.not(opened.present()), smt.eq(u.count(), smt.num(0))));
                }
            }
        }
        boolean olderPossible = units.keySet().stream().anyMatch(r -> !uses.containsKey(key(r, null)));
        if (!olderPossible) {
            domain.add(smt.not(historyOlder));
        }
        any.add(historyOlder);
        domain.add(smt.eq(historyPresent, smt.or(any)));
    }

    /**
     * Makes what a witness should have where it can, in groups tried in turn: no optional fact and no earlier grant;
     * no earlier grant; no optional fact.
     */
    private void preferences() {
        List<Term> absent = new ArrayList<>();
        for (Var v : facts.values()) {
            if (v.present() != smt.yes()) {
                absent.add(smt.not(v.present()));
            }
        }
        List<Term> noHistory = new ArrayList<>();
        for (Use u : uses.values()) {
            noHistory.add(smt.eq(u.count(), smt.num(0)));
        }
        noHistory.add(smt.not(historyOlder));
        Term usual = smt.and(typical);
        preferred.add(smt.and(usual, smt.and(absent), smt.and(noHistory)));
        preferred.add(smt.and(usual, smt.and(noHistory)));
        preferred.add(smt.and(usual, smt.and(absent)));
        preferred.add(usual);
        preferred.add(smt.and(smt.and(absent), smt.and(noHistory)));
        preferred.add(smt.and(noHistory));
        preferred.add(smt.and(absent));
    }

    /** Wishes a grid number to be a usual one: at most the policy's own places, and within a billion. */
    private void typical(Term n, boolean signed) {
        typical.add(smt.eq(smt.op("mod", n, smt.num(typicalUnit)), smt.num(0)));
        typical.add(smt.le(n, grid(typicalLargest)));
        if (signed) {
            typical.add(smt.le(smt.op("-", grid(typicalLargest)), n));
        }
    }

    /** Returns what a witness should have where it can, for {@link Smt#check(List, Term...)}. */
    public List<Term> preferred() {
        return preferred;
    }

    /** Returns where a window starts before a fixed reference date, to order windows by length. */
    static Instant start(TemporalAmount window) {
        Instant reference = Instant.parse("2026-01-01T00:00:00Z");
        if (window == null) {
            return Instant.MIN;
        }
        return reference.atZone(ZoneOffset.UTC).minus(window).toInstant();
    }

    static String key(String remedy, TemporalAmount window) {
        return remedy + "@" + window;
    }

    /** Returns true: the domain of every variable is asserted once, for every check, when the space is made. */
    public Term domain() {
        return smt.yes();
    }

    /** Returns the solver context. */
    public Smt smt() {
        return smt;
    }

    /** Returns a fact's variables, or null when no condition reads the fact. */
    public Var fact(String name) {
        return facts.get(name);
    }

    /** Returns every fact's variables. */
    public Map<String, Var> facts() {
        return facts;
    }

    /** Returns the customer's use of a remedy in a window, or null when nothing reads it. */
    public Use use(String remedy, TemporalAmount window) {
        return uses.get(key(remedy, window));
    }

    /** Returns every use. */
    public Map<String, Use> uses() {
        return uses;
    }

    /** Returns true if the customer has any history; a condition may test it with {@code exists}. */
    public Term historyPresent() {
        return historyPresent;
    }

    /** Returns true when the history has an entry older than every window. */
    Term historyOlder() {
        return historyOlder;
    }

    /** Returns the code of a text value, or -1 when no policy uses it. */
    public int code(String value) {
        return strings.indexOf(value);
    }

    /**
     * Returns what a case must satisfy to be decided by a version in force over {@code period}: an {@code openedAt}
     * within it, or, only for the version in force when the analysis runs, none (such a case is decided by the
     * version in force at the decision time).
     */
    public Term inForce(Validity period, boolean inForceNow) {
        Var opened = facts.get("openedAt");
        List<Term> within = new ArrayList<>();
        within.add(opened.present());
        if (period.from() != null) {
            Instant f = period.from();
            long first = f.getEpochSecond() + (f.getNano() > 0 ? 1 : 0);
            within.add(smt.le(smt.num(first), opened.raw()));
        }
        if (period.until() != null) {
            Instant u = period.until();
            within.add(u.getNano() > 0 ? smt.le(opened.raw(), smt.num(u.getEpochSecond()))
                    : smt.lt(opened.raw(), smt.num(u.getEpochSecond())));
        }
        Term in = smt.and(within);
        if (inForceNow) {
            undated = period.from() != null ? period.from()
                    : period.until() != null ? period.until().minusSeconds(1) : null;
        }
        return inForceNow ? smt.or(smt.not(opened.present()), in) : in;
    }

    /** Returns true if the text values give every answer the policy's text tests can give together. */
    public boolean textsComplete() {
        return textsComplete;
    }

    /** Returns the text values, by code; the code {@code strings().size()} is a value none of them is. */
    public List<String> strings() {
        return strings;
    }

    /** Returns the text a witness gives a fact whose code is "other". */
    public String other() {
        return other;
    }

    /** Returns the severities. */
    public List<String> severities() {
        return severities;
    }

    /** Returns the roles. */
    public List<String> roles() {
        return roles;
    }

    /** Returns the remedies and their units. */
    public Map<String, RemedyUnit> units() {
        return units;
    }

    /**
     * Returns true if every remedy's windows nest whatever the date, so that a case read back from the solver holds
     * its earlier grants as the solver counted them; false when two do not (P1M and P30D), and a case shown may not.
     */
    public boolean windowsNested() {
        return nested;
    }

    /** Returns the decimal places of the grid: the places every number of a case has here. */
    public int decimals() {
        return scale.toString().length() - 1;
    }

    /** Returns the number of grid units in 1. */
    public BigInteger scale() {
        return scale;
    }

    /** Returns a number as a grid constant, rounded down; numbers are on the grid when the vocabulary chose it. */
    public Term grid(BigDecimal value) {
        return smt.num(value.multiply(new BigDecimal(scale)).setScale(0, java.math.RoundingMode.FLOOR).toBigInteger());
    }

    /** Returns a grid variable as a real number. */
    public Term realOfGrid(Term gridTerm) {
        return smt.op("/", smt.toReal(gridTerm), smt.real(new BigDecimal(scale)));
    }

    /** Returns the proposal's amount on the grid for a remedy's unit; null for remedies without amounts. */
    public Term amountGrid(String remedy) {
        RemedyUnit unit = units.get(remedy);
        if (unit == RemedyUnit.NONE) {
            return null;
        }
        return unit == RemedyUnit.COUNT ? smt.op("*", smt.num(scale), amountCount) : amountGrid;
    }

    /**
     * Returns what a proposal of the remedy and the case's earlier proposals of it must satisfy: percentages within
     * 0..100, counts whole, each earlier amount within what a case may hold (so their total is at most their number
     * times the largest), and no total without an earlier proposal.
     */
    public Term amountDomain(String remedy) {
        RemedyUnit unit = units.get(remedy);
        BigInteger largest = largestEarlier(unit);
        List<Term> all = new ArrayList<>();
        if (unit == RemedyUnit.PERCENT) {
            all.add(smt.le(amountGrid, grid(BigDecimal.valueOf(100))));
        }
        if (unit == RemedyUnit.COUNT) {
            all.add(smt.eq(smt.op("mod", earlierTotal, smt.num(scale)), smt.num(0)));
        }
        all.add(smt.le(earlierTotal, smt.op("*", smt.num(largest), earlierCount)));
        return smt.and(all);
    }

    /**
     * Returns the largest amount one earlier proposal of a unit may hold, on the grid: 100 for a percentage, a whole
     * count or a money amount below 10^18; nothing for a remedy without amounts.
     */
    BigInteger largestEarlier(RemedyUnit unit) {
        return switch (unit) {
            case PERCENT -> BigInteger.valueOf(100).multiply(scale);
            case COUNT -> BOUND.toBigInteger().subtract(BigInteger.ONE).multiply(scale);
            case NONE -> BigInteger.ZERO;
            default -> BOUND.toBigInteger().multiply(scale).subtract(BigInteger.ONE);
        };
    }

    /** Returns how many proposals of the checked remedy the case has before the one decided. */
    public Term earlierCount() {
        return earlierCount;
    }

    /**
     * Returns the amount the per-grant limit is held to: the proposal's plus the case's earlier proposals' of the
     * remedy, on the grid; null for remedies without amounts.
     */
    public Term counted(String remedy) {
        Term amount = amountGrid(remedy);
        return amount == null ? null : smt.op("+", amount, earlierTotal);
    }

    /** Returns the raw amount variables, for witnesses: the grid amount and the counted amount. */
    Term[] amountVars() {
        return new Term[] {amountGrid, amountCount, earlierCount, earlierTotal};
    }
}
