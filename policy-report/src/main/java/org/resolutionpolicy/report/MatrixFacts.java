package org.resolutionpolicy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Derivation;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.SeverityScale;
import org.resolutionpolicy.model.ValueTest;
import org.resolutionpolicy.model.expr.Expr;

/**
 * Finds the facts of a case a policy's rules test, and makes each a filter of the matrix: the values a text or flag
 * fact is compared with, and the bands a number fact's thresholds make ({@code above 100} and {@code at least 500}
 * make {@code at most 100}, {@code above 100 and below 500} and {@code at least 500}). It reads the rules' conditions,
 * the severity scale, the named conditions and the tables the rules read, and the expressions' checked trees; a fact
 * it cannot turn into a filter (a date, one computed from other facts, one compared with another fact) it names with
 * the reason, so that the page says what it does not filter by.
 */
final class MatrixFacts {

    /** What values a filter's fact takes. */
    enum Kind {
        /** Text, compared for equality. */
        TEXT,
        /** true or false. */
        FLAG,
        /** A number, any value. */
        NUMBER,
        /** A number of zero or more (money of the case's model). */
        AMOUNT,
        /** A whole number of zero or more (counts of the case's model). */
        WHOLE
    }

    /**
     * One option of a filter.
     *
     * @param label as the page shows it: {@code GOLD}, {@code above 100 and below 500}
     * @param sample the value a case of this option has: String, Boolean or BigDecimal
     */
    record Option(String label, Object sample) {
    }

    /**
     * A fact the page filters by; a case that does not give it is the plain case, which every filter also offers.
     *
     * @param fact the fact as policies write it: {@code customer.tier}
     * @param options the values or bands, in order
     */
    record Filter(String fact, Kind kind, List<Option> options) {
    }

    /** The case facts a filter can set, with their kinds; the grid's axes and per-proposal facts are not here. */
    private static final Map<String, Kind> BUILT_IN = Map.ofEntries(
            Map.entry(AuthorityMatrix.TIER, Kind.TEXT), Map.entry(AuthorityMatrix.CATEGORY, Kind.TEXT),
            Map.entry("channel", Kind.TEXT), Map.entry("customer.lifetimeValue", Kind.AMOUNT),
            Map.entry("impact.outOfPocket", Kind.AMOUNT), Map.entry("impact.affectedCustomers", Kind.WHOLE),
            Map.entry("impact.socialReach", Kind.WHOLE), Map.entry("impact.legalThreat", Kind.FLAG),
            Map.entry("impact.safetyIssue", Kind.FLAG), Map.entry("impact.regulatorInvolved", Kind.FLAG));

    /** Facts that are the grid itself or differ per proposal: a filter of them would mean nothing. */
    private static final Set<String> AXES = Set.of("severity", "employee.role", "remedy", "amount", "total", "count",
            "openedAt");

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    /** The filters' facts in the order first met. */
    private final Map<String, Kind> found = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> texts = new TreeMap<>();
    /** For each number fact, its tests: a comparison, or null op for equality. */
    private final Map<String, List<Test>> numbers = new TreeMap<>();
    /** Text facts some test holds for a value none of their compared values is ({@code not}, presence). */
    private final Set<String> others = new HashSet<>();
    private final Map<String, String> notOffered = new TreeMap<>();
    private final Set<String> walked = new HashSet<>();

    private record Test(ValueTest.Op op, BigDecimal bound) {
        boolean holds(BigDecimal v) {
            return op == null ? v.compareTo(bound) == 0 : op.holds(v.compareTo(bound));
        }
    }

    private MatrixFacts() {
    }

    /**
     * Returns the filters of some versions of a policy and the facts it does not filter by.
     *
     * @param models the versions' models (none for a policy that publishes no model)
     * @param tables the versions' authority tables, for the values DRL rules compare with
     */
    static MatrixFacts of(List<PolicyModel> models, List<AuthorityTable> tables) {
        MatrixFacts facts = new MatrixFacts();
        models.forEach(m -> m.attributes().forEach((name, type) -> facts.kinds.putIfAbsent("attributes." + name,
                switch (type) {
                    case STRING -> Kind.TEXT;
                    case BOOLEAN -> Kind.FLAG;
                    case NUMBER -> Kind.NUMBER;
                    default -> null;
                })));
        for (PolicyModel m : models) {
            for (Rule r : m.rules()) {
                if (r.enabled()) {
                    facts.condition(r.when());
                    if (r.effect() != null && r.effect().computed() != null) {
                        // a limit computed from a table: the table's rows test facts too
                        facts.amount(r.effect().computed());
                    }
                }
            }
            m.authority().values().forEach(entries -> {
                for (org.resolutionpolicy.model.AuthorityEntry e : entries) {
                    if (e != null && e.computed() != null) {
                        facts.amount(e.computed());
                    }
                }
            });
            for (SeverityScale.Entry e : m.severityScale().entries()) {
                facts.condition(e.when());
            }
        }
        // what the authority tables say the rules compare for equality covers DRL rules too
        for (AuthorityTable t : tables) {
            for (AuthorityTable.Rule r : t.rules()) {
                if (r.enabled()) {
                    r.values().forEach(facts::values);
                }
            }
        }
        return facts;
    }

    /** Returns the filters, tier and category first, then in the order met. */
    List<Filter> filters() {
        List<String> order = new ArrayList<>();
        for (String first : List.of(AuthorityMatrix.TIER, AuthorityMatrix.CATEGORY)) {
            if (found.containsKey(first)) {
                order.add(first);
            }
        }
        found.keySet().stream().filter(f -> !order.contains(f)).forEach(order::add);
        List<Filter> out = new ArrayList<>();
        for (String fact : order) {
            Kind kind = found.get(fact);
            List<Option> options = switch (kind) {
                case TEXT -> textOptions(fact);
                case FLAG -> List.of(new Option("true", Boolean.TRUE), new Option("false", Boolean.FALSE));
                default -> bands(kind, numbers.getOrDefault(fact, List.of()));
            };
            if (!options.isEmpty()) {
                out.add(new Filter(fact, kind, options));
            }
        }
        return out;
    }

    /** Returns the facts the rules test that no filter offers, each with why. */
    Map<String, String> notOffered() {
        Map<String, String> out = new TreeMap<>(notOffered);
        found.keySet().forEach(out::remove);
        return out;
    }

    private List<Option> textOptions(String fact) {
        List<Option> options = new ArrayList<>();
        TreeSet<String> values = texts.getOrDefault(fact, new TreeSet<>());
        values.forEach(v -> options.add(new Option(v, v)));
        if (others.contains(fact)) {
            // a value none of the rules names, but present: a "not" or a presence test tells it from an absent one
            String other = "(another value)";
            while (values.contains(other)) {
                other = "(" + other + ")";
            }
            options.add(new Option("another value", other));
        }
        return options;
    }

    // ---------------------------------------------------------------- bands

    /**
     * Returns the bands a number fact's tests make: the line cut at every bound into points and the stretches
     * between them, neighbours that every test treats alike joined, each with a value inside it.
     */
    static List<Option> bands(Kind kind, List<Test> tests) {
        TreeSet<BigDecimal> bounds = new TreeSet<>();
        tests.forEach(t -> bounds.add(t.bound().stripTrailingZeros()));
        if (bounds.isEmpty()) {
            return List.of();
        }
        // atoms: below the first bound, each bound, between neighbours, above the last
        List<Atom> atoms = new ArrayList<>();
        BigDecimal previous = null;
        for (BigDecimal b : bounds) {
            BigDecimal between = previous == null ? b.subtract(BigDecimal.ONE) : inside(kind, previous, b);
            if (between != null) {
                atoms.add(new Atom(previous, false, b, false, between));
            }
            atoms.add(new Atom(b, true, b, true, b));
            previous = b;
        }
        BigDecimal above = previous.add(BigDecimal.ONE);
        atoms.add(new Atom(previous, false, null, false, kind == Kind.WHOLE ? whole(previous).add(BigDecimal.ONE)
                : above));
        // a value the case model cannot hold (a negative count or amount, a fraction of a count) is no case
        atoms.removeIf(a -> kind != Kind.NUMBER && a.sample().signum() < 0
                || kind == Kind.WHOLE && a.sample().stripTrailingZeros().scale() > 0);
        List<Option> out = new ArrayList<>();
        int i = 0;
        while (i < atoms.size()) {
            Atom first = atoms.get(i);
            List<Boolean> verdicts = verdicts(tests, first.sample());
            int j = i;
            while (j + 1 < atoms.size() && verdicts(tests, atoms.get(j + 1).sample()).equals(verdicts)) {
                j++;
            }
            Atom last = atoms.get(j);
            BigDecimal sample = first.sample();
            for (int k = i; k <= j; k++) {
                if (atoms.get(k).lowClosed()) {
                    // a bound is the plainest value of its band
                    sample = atoms.get(k).sample();
                    break;
                }
            }
            boolean fromStart = i == 0;
            out.add(new Option(label(fromStart ? null : first.low(), first.lowClosed(), last.high(), last.highClosed()),
                    sample));
            i = j + 1;
        }
        return out;
    }

    private record Atom(BigDecimal low, boolean lowClosed, BigDecimal high, boolean highClosed, BigDecimal sample) {
    }

    private static List<Boolean> verdicts(List<Test> tests, BigDecimal v) {
        List<Boolean> out = new ArrayList<>(tests.size());
        tests.forEach(t -> out.add(t.holds(v)));
        return out;
    }

    /** Returns a value strictly between two bounds, a whole one for a whole fact, or null when there is none. */
    private static BigDecimal inside(Kind kind, BigDecimal low, BigDecimal high) {
        if (kind == Kind.WHOLE) {
            BigDecimal next = whole(low).add(BigDecimal.ONE);
            return next.compareTo(high) < 0 ? next : null;
        }
        return low.add(high).divide(BigDecimal.valueOf(2)).stripTrailingZeros();
    }

    private static BigDecimal whole(BigDecimal v) {
        return v.setScale(0, java.math.RoundingMode.FLOOR);
    }

    private static String label(BigDecimal low, boolean lowClosed, BigDecimal high, boolean highClosed) {
        if (low == null && high == null) {
            return "any value";
        }
        if (low == null) {
            return (highClosed ? "at most " : "below ") + high.toPlainString();
        }
        if (high == null) {
            return (lowClosed ? "at least " : "above ") + low.toPlainString();
        }
        if (low.compareTo(high) == 0) {
            return "exactly " + low.toPlainString();
        }
        return (lowClosed ? "at least " : "above ") + low.toPlainString() + " and "
                + (highClosed ? "at most " : "below ") + high.toPlainString();
    }

    // ---------------------------------------------------------------- walking the rules

    private void condition(Condition c) {
        if (c instanceof Condition.AllOf all) {
            all.parts().forEach(this::condition);
        } else if (c instanceof FactMatcher m) {
            tested(m.path(), m.valueTest());
        } else if (c instanceof Exists e) {
            presence(e.path());
        } else if (c instanceof Expression e) {
            if (e.body().tree() == null) {
                notOffered.put("\"" + e.text() + "\"", "an expression compiled without a readable tree");
            } else {
                expr(e.body().tree());
            }
        }
    }

    /** Returns the kind of a fact a filter can set, or null (and notes why) when it cannot. */
    private Kind settable(FactPath path) {
        String name = path.name();
        if (path.derivation() != null) {
            derivation(path);
            return null;
        }
        if (AXES.contains(name)) {
            return null;
        }
        Kind kind = BUILT_IN.containsKey(name) ? BUILT_IN.get(name) : kinds.get(name);
        if (kind == null) {
            notOffered.putIfAbsent(name, path.type() == FactType.DATETIME ? "a date"
                    : path.type() == FactType.HISTORY ? "the customer's history" : "not a fact a case states alone");
        }
        return kind;
    }

    private void tested(FactPath path, ValueTest test) {
        Kind kind = settable(path);
        if (kind == null) {
            if (path.derivation() instanceof Derivation.Computed) {
                notOffered.putIfAbsent(path.name(), "computed from other facts");
            }
            return;
        }
        found.putIfAbsent(path.name(), kind);
        valueTest(path.name(), kind, test);
    }

    private void valueTest(String fact, Kind kind, ValueTest test) {
        if (test instanceof ValueTest.Equals e) {
            value(fact, kind, e.value());
        } else if (test instanceof ValueTest.OneOf o) {
            o.values().forEach(v -> value(fact, kind, v));
        } else if (test instanceof ValueTest.Compare c && c.bound() instanceof BigDecimal b && isNumber(kind)) {
            numbers.computeIfAbsent(fact, k -> new ArrayList<>()).add(new Test(c.op(), b));
        } else if (test instanceof ValueTest.AllOf all) {
            all.tests().forEach(t -> valueTest(fact, kind, t));
        } else if (test instanceof ValueTest.Not not) {
            others.add(fact);
            valueTest(fact, kind, not.test());
        }
    }

    private static boolean isNumber(Kind kind) {
        return kind == Kind.NUMBER || kind == Kind.AMOUNT || kind == Kind.WHOLE;
    }

    private void value(String fact, Kind kind, Object v) {
        if (kind == Kind.TEXT && v instanceof String s) {
            texts.computeIfAbsent(fact, k -> new TreeSet<>()).add(s);
        } else if (isNumber(kind) && v instanceof BigDecimal b) {
            numbers.computeIfAbsent(fact, k -> new ArrayList<>()).add(new Test(null, b));
        }
    }

    /** Adds the values an authority table says a rule compares a fact with (DRL rules say no more). */
    private void values(String fact, List<String> shown) {
        Kind kind = BUILT_IN.containsKey(fact) ? BUILT_IN.get(fact) : kinds.get(fact);
        if (kind == null || AXES.contains(fact)) {
            return;
        }
        found.putIfAbsent(fact, kind);
        for (String s : shown) {
            if (kind == Kind.TEXT) {
                texts.computeIfAbsent(fact, k -> new TreeSet<>()).add(s);
            } else if (isNumber(kind)) {
                try {
                    numbers.computeIfAbsent(fact, k -> new ArrayList<>()).add(new Test(null, new BigDecimal(s)));
                } catch (NumberFormatException e) {
                    notOffered.putIfAbsent(fact, "compared with [" + s + "], not a number");
                }
            }
        }
    }

    private void presence(FactPath path) {
        Kind kind = settable(path);
        if (kind == null) {
            return;
        }
        found.putIfAbsent(path.name(), kind);
        if (kind == Kind.TEXT) {
            others.add(path.name());
        } else if (isNumber(kind)) {
            // present at all: any value is one band unless a comparison cuts it
            numbers.computeIfAbsent(path.name(), k -> new ArrayList<>());
            if (numbers.get(path.name()).isEmpty()) {
                numbers.get(path.name()).add(new Test(ValueTest.Op.AT_LEAST, BigDecimal.ZERO));
            }
        }
    }

    private void derivation(FactPath path) {
        if (!walked.add(path.name())) {
            return;
        }
        Derivation d = path.derivation();
        if (d instanceof Derivation.Named n) {
            condition(n.condition());
        } else if (d instanceof Derivation.Computed c) {
            amount(c.amount());
        } else if (d instanceof Derivation.Table t) {
            for (Derivation.Row row : t.rows()) {
                condition(row.condition());
                amount(row.value());
            }
        }
    }

    private void amount(ComputedAmount amount) {
        if (amount.fixedValue() == null && amount.tree() != null) {
            expr(amount.tree());
        }
    }

    private void expr(Expr x) {
        if (x instanceof Expr.Binary b) {
            if (b.isComparison() && compared(b.op(), b.left(), b.right())) {
                return;
            }
            if (b.isComparison() && compared(flip(b.op()), b.right(), b.left())) {
                return;
            }
            expr(b.left());
            expr(b.right());
        } else if (x instanceof Expr.FactRef ref) {
            Kind kind = settable(ref.path());
            if (kind == Kind.FLAG) {
                found.putIfAbsent(ref.path().name(), kind);
            } else if (kind != null) {
                notOffered.putIfAbsent(ref.path().name(), "computed with, not compared with a fixed value");
            }
        } else if (x instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (x instanceof Expr.Presence p) {
            presence(p.fact().path());
        } else if (x instanceof Expr.Call c) {
            c.args().forEach(this::expr);
        } else if (x instanceof Expr.Conditional c) {
            expr(c.condition());
            expr(c.then());
            expr(c.otherwise());
        } else if (x instanceof Expr.Helper h) {
            notOffered.putIfAbsent(h.text(), "computed from the case's history or text");
        }
    }

    /** Takes {@code fact OP literal} as a value test of the fact; false when the comparison is not of that form. */
    private boolean compared(String op, Expr left, Expr right) {
        if (!(left instanceof Expr.FactRef ref) || !(right instanceof Expr.Literal lit) || lit.value() == null) {
            return false;
        }
        Object v = lit.value();
        ValueTest test = switch (op) {
            case "==" -> new ValueTest.Equals(v);
            case "!=" -> new ValueTest.Not(new ValueTest.Equals(v));
            case ">" -> new ValueTest.Compare(ValueTest.Op.ABOVE, v);
            case ">=" -> new ValueTest.Compare(ValueTest.Op.AT_LEAST, v);
            case "<" -> new ValueTest.Compare(ValueTest.Op.BELOW, v);
            case "<=" -> new ValueTest.Compare(ValueTest.Op.AT_MOST, v);
            default -> null;
        };
        if (test == null || v instanceof Boolean && !(test instanceof ValueTest.Equals)) {
            return false;
        }
        Kind kind = settable(ref.path());
        if (kind == null) {
            if (ref.path().derivation() instanceof Derivation.Computed) {
                notOffered.putIfAbsent(ref.path().name(), "computed from other facts");
            }
            return true;
        }
        found.putIfAbsent(ref.path().name(), kind);
        valueTest(ref.path().name(), kind, test);
        return true;
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    // ---------------------------------------------------------------- cases

    /**
     * Returns a case builder with the facts of some filters' chosen options set on the given one.
     *
     * @param chosen for each filter, its option, or null for a case that does not give the fact
     */
    static void apply(CustomerCase.Builder c, Customer.Builder customer, Impact.Builder impact, List<Filter> filters,
                      int[] chosen) {
        for (int i = 0; i < filters.size(); i++) {
            if (chosen[i] == 0) {
                continue;
            }
            Filter f = filters.get(i);
            Object v = f.options().get(chosen[i] - 1).sample();
            String fact = f.fact();
            switch (fact) {
                case "customer.tier" -> customer.tier((String) v);
                case "category" -> c.category((String) v);
                case "channel" -> c.channel((String) v);
                case "customer.lifetimeValue" -> customer.lifetimeValue((BigDecimal) v);
                case "impact.outOfPocket" -> impact.outOfPocket((BigDecimal) v);
                case "impact.affectedCustomers" -> impact.affectedCustomers(((BigDecimal) v).longValueExact());
                case "impact.socialReach" -> impact.socialReach(((BigDecimal) v).longValueExact());
                case "impact.legalThreat" -> impact.legalThreat((Boolean) v);
                case "impact.safetyIssue" -> impact.safetyIssue((Boolean) v);
                case "impact.regulatorInvolved" -> impact.regulatorInvolved((Boolean) v);
                default -> c.attribute(fact.substring("attributes.".length()), v);
            }
        }
    }
}
