package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.resolutionpolicy.model.PolicyTime;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Derivation;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.ValueTest;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.expr.HelperKind;
import org.resolutionpolicy.model.value.Values;

/**
 * Turns a condition tree into a formula over a {@link FactSpace}, for one proposal's remedy: the same answer the
 * engine's {@code Condition.test} gives, with its treatment of absent facts (a matcher on an absent fact is false,
 * {@code not} included; an expression comparison that reads an absent fact is false). A fact the policy defines
 * ({@code named.*}, {@code tables.*}) is the formula of its definition over the case's facts, not a variable of its
 * own; so is an amount computed from the case.
 *
 * <p>What it does not know (a new kind of condition, value test or helper; arithmetic the linear solver cannot
 * express) is a {@link NotEncoded}, never a guess: every {@code instanceof} chain ends there.
 */
public final class ConditionEncoder {

    /** A number in an expression: its value as a real term and whether every fact under it is present. */
    record Num(Term value, Term defined, boolean constant, BigDecimal constantValue) {
    }

    /** A fact the policy defines, as formulas: whether it has a value, and the value (a real for a number). */
    private record Defined(Term present, Term value) {
    }

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);
    private static final long SECONDS_PER_DAY = 86_400;

    private final FactSpace space;
    private final Smt smt;
    private final String remedy;
    private final Rounding rounding;
    private final PolicyTime time;
    private final Map<String, Defined> defined = new HashMap<>();

    /**
     * Creates an encoder for proposals of one remedy.
     *
     * @param remedy the remedy of the proposal
     * @param rounding how the policy rounds quotients and computed money, as the engine does
     * @param time the policy's zone and calendars (see {@link ZonedDates})
     */
    public ConditionEncoder(FactSpace space, String remedy, Rounding rounding, PolicyTime time) {
        this.space = space;
        this.smt = space.smt();
        this.remedy = remedy;
        this.rounding = rounding;
        this.time = time;
    }

    /** Returns the formula of a condition. */
    public Term encode(Condition c) throws NotEncoded {
        if (c instanceof Condition.Always) {
            return smt.yes();
        }
        if (c instanceof Condition.AllOf all) {
            List<Term> parts = new ArrayList<>();
            for (Condition p : all.parts()) {
                parts.add(encode(p));
            }
            return smt.and(parts);
        }
        if (c instanceof FactMatcher m) {
            Term present = present(m.path());
            // a matcher on a fact the proposal cannot have (the amount of an apology) is false, whatever it tests
            return present == smt.no() ? present : smt.and(present, test(m.path(), m.valueTest()));
        }
        if (c instanceof Exists e) {
            Term present = present(e.path());
            return e.present() ? present : smt.not(present);
        }
        if (c instanceof Expression e) {
            if (e.body().tree() != null) {
                return bool(e.body().tree());
            }
            throw new NotEncoded("expression [" + e.text() + "] was compiled by a compiler the analysis does not know");
        }
        throw new NotEncoded("condition [" + c + "] is of a kind the analysis does not know");
    }

    /**
     * Returns whether a computed amount, as a limit ({@code ComputedAmount.limit}: rounded, 0 when it cannot be
     * computed or is negative), covers the proposal's amount; a remedy without amounts needs a limit above zero. */
    public Term covers(ComputedAmount limit) throws NotEncoded {
        Num exact = amount(limit);
        // money rounds at the end, a no-op (and no formula) for a value with no more places than the rounding keeps
        boolean roundsAlready = limit.tree() != null && RoundingFormula.scale(limit.tree(), space.decimals(),
                rounding) <= rounding.places();
        Num v = exact.constant() ? constant(rounding.round(exact.constantValue())) : roundsAlready ? exact
                : new Num(RoundingFormula.round(smt, exact.value(), rounding), exact.defined(), false, null);
        // held to the proposal's amount plus the case's earlier proposals' of the remedy
        Term grid = space.counted(remedy);
        if (grid == null) {
            return smt.and(v.defined(), smt.lt(smt.real(BigDecimal.ZERO), v.value()));
        }
        return smt.or(smt.le(grid, smt.num(0)), smt.and(v.defined(), smt.le(space.realOfGrid(grid), v.value())));
    }

    /** Returns an amount computed from the case: its value as a real, and whether it can be computed. */
    private Num amount(ComputedAmount a) throws NotEncoded {
        if (a.fixedValue() != null) {
            return constant(a.fixedValue());
        }
        if (a.tree() != null) {
            return num(a.tree());
        }
        throw new NotEncoded("amount [" + a.text() + "] was compiled by a compiler the analysis does not know");
    }

    /** Returns the formulas of a fact the policy defines, or null for a fact of the case. */
    private Defined defined(FactPath path) throws NotEncoded {
        Derivation d = path.derivation();
        if (d == null) {
            return null;
        }
        Defined known = defined.get(path.name());
        if (known != null) {
            return known;
        }
        Defined made;
        if (d instanceof Derivation.Named n) {
            made = new Defined(smt.yes(), encode(n.condition()));
        } else if (d instanceof Derivation.Computed c) {
            Num v = amount(c.amount());
            made = new Defined(v.defined(), v.value());
        } else if (d instanceof Derivation.Table t) {
            // the first row that holds gives the value; none holding, the fact is absent
            Term value = smt.real(BigDecimal.ZERO);
            Term present = smt.no();
            for (int i = t.rows().size() - 1; i >= 0; i--) {
                Derivation.Row row = t.rows().get(i);
                Term holds = encode(row.condition());
                Num v = amount(row.value());
                value = smt.ite(holds, v.value(), value);
                present = smt.ite(holds, v.defined(), present);
            }
            made = new Defined(present, value);
        } else {
            throw new NotEncoded("fact [" + path.name() + "] is defined in a way the analysis does not know");
        }
        defined.put(path.name(), made);
        return made;
    }

    /** Returns whether the case has a fact, read or defined. */
    private Term present(FactPath path) throws NotEncoded {
        Defined d = defined(path);
        return d != null ? d.present() : present(path.name());
    }

    /** Returns whether the case has a fact; the proposal's amount is present unless its remedy takes none. */
    private Term present(String fact) throws NotEncoded {
        if (fact.equals("remedy")) {
            return smt.yes();
        }
        if (fact.equals("amount")) {
            return smt.bool(space.amountGrid(remedy) != null);
        }
        if (fact.equals("customer.history")) {
            return space.historyPresent();
        }
        return var(fact).present();
    }

    private FactSpace.Var var(String fact) throws NotEncoded {
        return ZonedDates.check(fact, space.fact(fact), time);
    }

    private Term test(FactPath path, ValueTest t) throws NotEncoded {
        if (t instanceof ValueTest.AllOf all) {
            List<Term> parts = new ArrayList<>();
            for (ValueTest p : all.tests()) {
                parts.add(test(path, p));
            }
            return smt.and(parts);
        }
        if (t instanceof ValueTest.Not n) {
            return smt.not(test(path, n.test()));
        }
        if (t instanceof ValueTest.OneOf o) {
            List<Term> any = new ArrayList<>();
            for (Object v : o.values()) {
                any.add(test(path, new ValueTest.Equals(v)));
            }
            return smt.or(any);
        }
        if (t instanceof ValueTest.Equals e) {
            return equalsValue(path, e.value());
        }
        if (t instanceof ValueTest.Compare c) {
            return compare(path, c.op(), c.bound());
        }
        throw new NotEncoded("value test [" + t + "] on [" + path.name() + "] is of a kind the analysis does not know");
    }

    private Term equalsValue(FactPath path, Object value) throws NotEncoded {
        String fact = path.name();
        FactType type = path.type();
        Defined d = defined(path);
        if (d != null && type == FactType.BOOLEAN) {
            return Boolean.TRUE.equals(value) ? d.value() : smt.not(d.value());
        }
        switch (type) {
            case REMEDY:
                return smt.bool(remedy.equals(value));
            case STRING: {
                int code = space.code((String) value);
                return code < 0 ? smt.no() : smt.eq(var(fact).raw(), smt.num(code));
            }
            case BOOLEAN:
                return Boolean.TRUE.equals(value) ? var(fact).raw() : smt.not(var(fact).raw());
            default:
                return compare(path, null, value);
        }
    }

    /** Compares an ordered fact with a bound; a null operator means equality. */
    private Term compare(FactPath path, ValueTest.Op op, Object bound) throws NotEncoded {
        String fact = path.name();
        FactType type = path.type();
        Defined d = defined(path);
        Term left;
        Term right;
        if (d != null && type == FactType.NUMBER) {
            left = d.value();
            right = smt.real((BigDecimal) bound);
            return order(op, left, right);
        }
        switch (type) {
            case SEVERITY, ROLE -> {
                left = var(fact).raw();
                right = smt.num(((Integer) bound).longValue());
            }
            case NUMBER -> { // a whole bound on the grid, or whole seconds, compare integers: simpler to solve
                Term grid = fact.equals("amount") ? amount() : var(fact).raw();
                BigDecimal scaled = ((BigDecimal) bound).multiply(new BigDecimal(space.scale()));
                left = scaled.stripTrailingZeros().scale() <= 0 ? grid : smt.toReal(grid);
                right = left == grid ? smt.num(scaled.toBigIntegerExact()) : smt.real(scaled);
            }
            case DATETIME -> {
                double millis = Values.epochMillis((Instant) bound); // seconds against milliseconds, exactly
                boolean whole = millis == Math.rint(millis) && millis % 1000 == 0;
                Term seconds = var(fact).raw();
                left = whole ? seconds : smt.op("*", smt.toReal(seconds), smt.real(BigDecimal.valueOf(1000)));
                right = whole ? smt.num((long) millis / 1000) : smt.real(BigDecimal.valueOf(millis));
            }
            default -> throw new NotEncoded("[" + fact + "] of type [" + type.label() + "] is not ordered");
        }
        return order(op, left, right);
    }

    private Term order(ValueTest.Op op, Term left, Term right) {
        if (op == null) {
            return smt.eq(left, right);
        }
        return switch (op) {
            case AT_LEAST -> smt.le(right, left);
            case AT_MOST -> smt.le(left, right);
            case ABOVE -> smt.lt(right, left);
            case BELOW -> smt.lt(left, right);
        };
    }

    private Term amount() throws NotEncoded {
        Term a = space.amountGrid(remedy);
        if (a == null) {
            throw new NotEncoded("remedy [" + remedy + "] has no amount");
        }
        return a;
    }

    /** Returns the formula of a boolean expression, as the engine's compiled closures evaluate it. */
    private Term bool(Expr e) throws NotEncoded {
        if (e instanceof Expr.Binary b) {
            if (b.op().equals("&&")) {
                return smt.and(bool(b.left()), bool(b.right()));
            }
            if (b.op().equals("||")) {
                return smt.or(bool(b.left()), bool(b.right()));
            }
            if (b.isComparison()) {
                return comparison(b);
            }
        }
        if (e instanceof Expr.Unary u && u.op().equals("!")) {
            return smt.not(bool(u.operand()));
        }
        if (e instanceof Expr.Presence p) {
            Term present = present(p.fact().path());
            return p.present() ? present : smt.not(present);
        }
        if (e instanceof Expr.Literal l && l.value() instanceof Boolean v) {
            return smt.bool(v);
        }
        if (e instanceof Expr.FactRef f && f.type() == FactType.BOOLEAN) {
            return smt.and(present(f.path()), booleanValue(f.path()));
        }
        if (e instanceof Expr.Helper h) {
            return textHelper(h.kind());
        }
        throw new NotEncoded("expression part at offset [" + e.offset() + "] is of a kind the analysis does not know");
    }

    private Term textHelper(HelperKind k) throws NotEncoded {
        if (k instanceof HelperKind.StartsWith s) {
            return text(s.fact().name(), v -> v.startsWith(s.prefix()));
        }
        if (k instanceof HelperKind.EndsWith s) {
            return text(s.fact().name(), v -> v.endsWith(s.suffix()));
        }
        if (k instanceof HelperKind.Contains s) {
            return text(s.fact().name(), v -> v.contains(s.needle()));
        }
        throw new NotEncoded("helper [" + k + "] is not a text test");
    }

    /** Returns whether a text fact is present and its value passes a test, over the values a witness may use. */
    private Term text(String fact, Predicate<String> test) throws NotEncoded {
        if (!space.textsComplete()) {
            throw new NotEncoded("its text tests together can answer in more ways than the analysis searches ("
                    + TextClasses.MOST_STATES + " states)");
        }
        FactSpace.Var v = var(fact);
        List<Term> any = new ArrayList<>();
        List<String> values = space.strings();
        for (int i = 0; i < values.size(); i++) {
            if (test.test(values.get(i))) {
                any.add(smt.eq(v.raw(), smt.num(i)));
            }
        }
        if (test.test(space.other())) {
            any.add(smt.eq(v.raw(), smt.num(values.size())));
        }
        return smt.and(v.present(), smt.or(any));
    }

    private Term comparison(Expr.Binary b) throws NotEncoded {
        String op = b.op();
        if (ExprShapes.numeric(b.left()) && ExprShapes.numeric(b.right())) {
            Num l = num(b.left());
            Num r = num(b.right());
            Term cmp = switch (op) {
                case "==" -> smt.eq(l.value(), r.value());
                case "!=" -> smt.not(smt.eq(l.value(), r.value()));
                case "<" -> smt.lt(l.value(), r.value());
                case "<=" -> smt.le(l.value(), r.value());
                case ">" -> smt.lt(r.value(), l.value());
                default -> smt.le(r.value(), l.value());
            };
            return smt.and(l.defined(), r.defined(), cmp);
        }
        if (!op.equals("==") && !op.equals("!=")) {
            throw new NotEncoded("comparison [" + op + "] of non-numbers");
        }
        Term[] l = value(b.left());
        Term[] r = value(b.right());
        Term same = sameValue(b.left(), l[1], b.right(), r[1]);
        return smt.and(l[0], r[0], op.equals("==") ? same : smt.not(same));
    }

    /** Returns the value of a true/false fact, read or defined. */
    private Term booleanValue(FactPath path) throws NotEncoded {
        Defined d = defined(path);
        return d != null ? d.value() : var(path.name()).raw();
    }

    /** Returns [present, value] of a text, boolean or remedy operand of {@code ==}. */
    private Term[] value(Expr e) throws NotEncoded {
        if (e instanceof Expr.FactRef f) {
            if (f.type() == FactType.REMEDY) {
                return new Term[] {smt.yes(), null};
            }
            if (f.type() == FactType.BOOLEAN) {
                return new Term[] {present(f.path()), booleanValue(f.path())};
            }
            return new Term[] {present(f.path()), var(f.path().name()).raw()};
        }
        if (e instanceof Expr.Literal l && l.value() != null) {
            return new Term[] {smt.yes(), null};
        }
        if (e instanceof Expr.Helper) {
            return new Term[] {smt.yes(), bool(e)};
        }
        throw new NotEncoded("[==] on an operand at offset [" + e.offset() + "] the analysis does not know");
    }

    private Term sameValue(Expr le, Term lv, Expr re, Term rv) throws NotEncoded {
        Object lc = constant(le);
        Object rc = constant(re);
        if (lc != null && rc != null) {
            return smt.bool(lc.equals(rc));
        }
        if (lc != null) {
            return equalsConstant(re, rv, lc);
        }
        if (rc != null) {
            return equalsConstant(le, lv, rc);
        }
        return smt.eq(lv, rv);
    }

    /** Returns the constant value of a literal or of {@code remedy}, else null. */
    private Object constant(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.FactRef f && f.type() == FactType.REMEDY) {
            return remedy;
        }
        return null;
    }

    private Term equalsConstant(Expr e, Term v, Object c) throws NotEncoded {
        if (c instanceof Boolean b) {
            return b ? v : smt.not(v);
        }
        if (c instanceof String s && e.type() == FactType.STRING) {
            int code = space.code(s);
            return code < 0 ? smt.no() : smt.eq(v, smt.num(code));
        }
        throw new NotEncoded("[==] with [" + c + "]");
    }

    private Num num(Expr e) throws NotEncoded {
        if (e instanceof Expr.Literal l) {
            BigDecimal c = l.value() instanceof BigDecimal n ? n : l.value() instanceof Integer i ? BigDecimal.valueOf(i)
                    : BigDecimal.valueOf(Values.epochMillis((Instant) l.value()));
            return new Num(smt.real(c), smt.yes(), true, c);
        }
        if (e instanceof Expr.FactRef f) {
            Defined d = defined(f.path());
            return d != null ? new Num(d.value(), d.present(), false, null) : fact(f.path().name(), f.type());
        }
        if (e instanceof Expr.Helper h) {
            return new Num(helper(h.kind()), smt.yes(), false, null);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Conditional c) {
            return ExprShapes.conditional(smt, bool(c.condition()), num(c.then()), num(c.otherwise()));
        }
        if (e instanceof Expr.Unary u) {
            Num o = num(u.operand());
            return o.constant() ? constant(o.constantValue().negate())
                    : new Num(smt.op("-", o.value()), o.defined(), false, null);
        }
        Expr.Binary b = (Expr.Binary) e;
        Num l = num(b.left());
        Num r = num(b.right());
        Term defined = smt.and(l.defined(), r.defined());
        switch (b.op()) {
            case "+":
                return l.constant() && r.constant() ? constant(l.constantValue().add(r.constantValue()))
                        : new Num(smt.op("+", l.value(), r.value()), defined, false, null);
            case "-":
                return l.constant() && r.constant() ? constant(l.constantValue().subtract(r.constantValue()))
                        : new Num(smt.op("-", l.value(), r.value()), defined, false, null);
            case "*":
                if (!l.constant() && !r.constant()) {
                    throw new NotEncoded("a product of two facts at offset [" + b.offset() + "] is not linear");
                }
                return new Num(smt.op("*", l.value(), r.value()), defined, false, null);
            case "/":
                if (!r.constant() || r.constantValue().signum() == 0) {
                    throw new NotEncoded("a division by something other than a number at offset [" + b.offset()
                            + "] is not linear");
                }
                if (l.constant()) {
                    return constant(rounding.divide(l.constantValue(), r.constantValue()));
                }
                // the engine rounds every quotient by the policy's rounding
                return new Num(RoundingFormula.round(smt, smt.op("/", l.value(), r.value()), rounding), defined,
                        false, null);
            default:
                throw new NotEncoded("the remainder [%] at offset [" + b.offset() + "] is not linear");
        }
    }

    /** Returns a function's value: {@code min} and {@code max}, and the date differences but the business days. */
    private Num call(Expr.Call c) throws NotEncoded {
        String function = ZonedDates.check(c, time);
        if (function.equals("daysBetween")) {
            // calendar days between the UTC dates: whole days of epoch seconds, the case's dates being whole seconds
            Term from = day(c.args().get(0));
            Term to = day(c.args().get(1));
            return new Num(smt.toReal(smt.op("-", to, from)),
                    smt.and(dated(c.args().get(0)), dated(c.args().get(1))), false, null);
        }
        Rounding explicit = ExprShapes.explicitRounding(c, rounding);
        if (explicit != null) {
            return ExprShapes.rounded(smt, num(c.args().get(0)), explicit);
        }
        if (c.type() != FactType.NUMBER) {
            throw new NotEncoded("[" + function + "] at offset [" + c.offset() + "] is not encoded: date arithmetic "
                    + "moves along the calendar");
        }
        if (!function.equals("min") && !function.equals("max") && !function.equals("hoursBetween")) {
            throw new NotEncoded("[" + function + "] at offset [" + c.offset() + "] is not encoded: it counts days on"
                    + " the policy's calendar");
        }
        List<Num> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(num(a));
        }
        List<Term> defined = new ArrayList<>();
        args.forEach(a -> defined.add(a.defined()));
        if (function.equals("hoursBetween")) {
            Term millis = smt.op("-", args.get(1).value(), args.get(0).value());
            return new Num(smt.op("/", millis, smt.real(MILLIS_PER_HOUR)), smt.and(defined), false, null);
        }
        Term best = args.get(0).value();
        for (int i = 1; i < args.size(); i++) {
            Term v = args.get(i).value();
            best = function.equals("min") ? smt.ite(smt.lt(v, best), v, best) : smt.ite(smt.lt(best, v), v, best);
        }
        return new Num(best, smt.and(defined), false, null);
    }

    /** Returns the UTC day of a date operand (a date fact or literal) as an integer. */
    private Term day(Expr e) throws NotEncoded {
        if (e instanceof Expr.Literal l && l.value() instanceof Instant i) {
            return smt.num(i.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
        }
        if (e instanceof Expr.FactRef f && f.type() == FactType.DATETIME && f.path().derivation() == null) {
            return smt.op("div", var(f.path().name()).raw(), smt.num(SECONDS_PER_DAY));
        }
        throw new NotEncoded("a date at offset [" + e.offset() + "] the analysis does not know");
    }

    private Term dated(Expr e) throws NotEncoded {
        return e instanceof Expr.FactRef f ? present(f.path()) : smt.yes();
    }

    private Num constant(BigDecimal c) {
        return new Num(smt.real(c), smt.yes(), true, c);
    }

    /** Returns a fact as an expression reads it: numbers as they are, ranks, and dates as epoch milliseconds. */
    private Num fact(String name, FactType type) throws NotEncoded {
        if (name.equals("amount")) {
            Term a = space.amountGrid(remedy);
            return a == null ? new Num(smt.real(BigDecimal.ZERO), smt.no(), false, null)
                    : new Num(space.realOfGrid(a), smt.yes(), false, null);
        }
        FactSpace.Var v = var(name);
        return switch (type) {
            case NUMBER -> new Num(space.realOfGrid(v.raw()), v.present(), false, null);
            case SEVERITY, ROLE -> new Num(smt.toReal(v.raw()), smt.yes(), false, null);
            case DATETIME -> new Num(smt.op("*", smt.toReal(v.raw()), smt.real(BigDecimal.valueOf(1000))),
                    v.present(), false, null);
            default -> throw new NotEncoded("[" + name + "] is not a number");
        };
    }

    private Term helper(HelperKind k) throws NotEncoded {
        if (k instanceof HelperKind.SeverityRank) {
            return smt.toReal(var("severity").raw());
        }
        if (k instanceof HelperKind.RoleRank) {
            return smt.toReal(var("employee.role").raw());
        }
        if (k instanceof HelperKind.HistoryCount c) {
            return smt.toReal(use(c.remedy(), c.window()).count());
        }
        if (k instanceof HelperKind.HistoryTotal t) {
            return space.realOfGrid(use(t.remedy(), t.window()).total());
        }
        throw new NotEncoded("helper [" + k + "] is not a number");
    }

    private FactSpace.Use use(String remedy, java.time.temporal.TemporalAmount window) throws NotEncoded {
        FactSpace.Use u = space.use(remedy, ZonedDates.check(remedy, window));
        if (u == null) {
            throw new NotEncoded("history of [" + remedy + "] in [" + window + "] has no variable");
        }
        return u;
    }
}
