package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.resolutionpolicy.engine.internal.model.Condition;
import org.resolutionpolicy.engine.internal.model.Exists;
import org.resolutionpolicy.engine.internal.model.Expression;
import org.resolutionpolicy.engine.internal.model.FactMatcher;
import org.resolutionpolicy.engine.internal.model.FactType;
import org.resolutionpolicy.engine.internal.model.ValueTest;
import org.resolutionpolicy.engine.internal.mvel.Expr;
import org.resolutionpolicy.engine.internal.mvel.HelperKind;
import org.resolutionpolicy.engine.internal.mvel.SandboxedExpression;
import org.resolutionpolicy.engine.internal.support.Values;

/**
 * Turns a condition tree into a formula over a {@link FactSpace}, for one proposal's remedy: the same answer the
 * engine's {@code Condition.test} gives, with its treatment of absent facts (a matcher on an absent fact is false,
 * {@code not} included; an expression comparison that reads an absent fact is false).
 *
 * <p>What it does not know (a new kind of condition, value test or helper; arithmetic the linear solver cannot
 * express) is a {@link NotEncoded}, never a guess: every {@code instanceof} chain ends there.
 */
public final class ConditionEncoder {

    /** A number in an expression: its value as a real term and whether every fact under it is present. */
    private record Num(Term value, Term defined, boolean constant, BigDecimal constantValue) {
    }

    private final FactSpace space;
    private final Smt smt;
    private final String remedy;

    /**
     * Creates an encoder for proposals of one remedy.
     *
     * @param remedy the remedy of the proposal
     */
    public ConditionEncoder(FactSpace space, String remedy) {
        this.space = space;
        this.smt = space.smt();
        this.remedy = remedy;
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
            Term present = present(m.path().name());
            // a matcher on a fact the proposal cannot have (the amount of an apology) is false, whatever it tests
            return present == smt.no() ? present
                    : smt.and(present, test(m.path().name(), m.path().type(), m.valueTest()));
        }
        if (c instanceof Exists e) {
            Term present = present(e.path().name());
            return e.present() ? present : smt.not(present);
        }
        if (c instanceof Expression e) {
            if (e.body() instanceof SandboxedExpression s) {
                return bool(s.tree());
            }
            throw new NotEncoded("expression [" + e.text() + "] was compiled by a compiler the analysis does not know");
        }
        throw new NotEncoded("condition [" + c + "] is of a kind the analysis does not know");
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
        FactSpace.Var v = space.fact(fact);
        if (v == null) {
            throw new NotEncoded("fact [" + fact + "] has no variable");
        }
        return v;
    }

    private Term test(String fact, FactType type, ValueTest t) throws NotEncoded {
        if (t instanceof ValueTest.AllOf all) {
            List<Term> parts = new ArrayList<>();
            for (ValueTest p : all.tests()) {
                parts.add(test(fact, type, p));
            }
            return smt.and(parts);
        }
        if (t instanceof ValueTest.Not n) {
            return smt.not(test(fact, type, n.test()));
        }
        if (t instanceof ValueTest.OneOf o) {
            List<Term> any = new ArrayList<>();
            for (Object v : o.values()) {
                any.add(test(fact, type, new ValueTest.Equals(v)));
            }
            return smt.or(any);
        }
        if (t instanceof ValueTest.Equals e) {
            return equalsValue(fact, type, e.value());
        }
        if (t instanceof ValueTest.Compare c) {
            return compare(fact, type, c.op(), c.bound());
        }
        throw new NotEncoded("value test [" + t + "] on [" + fact + "] is of a kind the analysis does not know");
    }

    private Term equalsValue(String fact, FactType type, Object value) throws NotEncoded {
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
                return compare(fact, type, null, value);
        }
    }

    /** Compares an ordered fact with a bound; a null operator means equality. */
    private Term compare(String fact, FactType type, ValueTest.Op op, Object bound) throws NotEncoded {
        Term left;
        Term right;
        switch (type) {
            case SEVERITY, ROLE -> {
                left = var(fact).raw();
                right = smt.num(((Integer) bound).longValue());
            }
            case NUMBER -> {
                left = smt.toReal(fact.equals("amount") ? amount() : var(fact).raw());
                right = smt.op("*", smt.real((BigDecimal) bound), smt.real(new BigDecimal(space.scale())));
            }
            case DATETIME -> {
                // seconds against the bound's milliseconds, exactly
                left = smt.op("*", smt.toReal(var(fact).raw()), smt.real(BigDecimal.valueOf(1000)));
                right = smt.real(BigDecimal.valueOf(Values.epochMillis((Instant) bound)));
            }
            default -> throw new NotEncoded("[" + fact + "] of type [" + type.label() + "] is not ordered");
        }
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
            Term present = present(p.fact().path().name());
            return p.present() ? present : smt.not(present);
        }
        if (e instanceof Expr.Literal l && l.value() instanceof Boolean v) {
            return smt.bool(v);
        }
        if (e instanceof Expr.FactRef f && f.type() == FactType.BOOLEAN) {
            String name = f.path().name();
            return smt.and(present(name), var(name).raw());
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
        if (numeric(b.left()) && numeric(b.right())) {
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

    /** Returns [present, value] of a text, boolean or remedy operand of {@code ==}. */
    private Term[] value(Expr e) throws NotEncoded {
        if (e instanceof Expr.FactRef f) {
            String name = f.path().name();
            if (f.type() == FactType.REMEDY) {
                return new Term[] {smt.yes(), null};
            }
            return new Term[] {present(name), var(name).raw()};
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

    private static boolean numeric(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof BigDecimal || l.value() instanceof Integer || l.value() instanceof Instant;
        }
        if (e instanceof Expr.FactRef || e instanceof Expr.Helper) {
            return e.type() == FactType.NUMBER || e.type() == FactType.SEVERITY || e.type() == FactType.ROLE
                    || e.type() == FactType.DATETIME;
        }
        if (e instanceof Expr.Unary u) {
            return u.op().equals("-") && numeric(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return b.op().length() == 1 && "+-*/%".contains(b.op()) && numeric(b.left()) && numeric(b.right());
        }
        return false;
    }

    private Num num(Expr e) throws NotEncoded {
        if (e instanceof Expr.Literal l) {
            BigDecimal c = l.value() instanceof BigDecimal n ? n : l.value() instanceof Integer i ? BigDecimal.valueOf(i)
                    : BigDecimal.valueOf(Values.epochMillis((Instant) l.value()));
            return new Num(smt.real(c), smt.yes(), true, c);
        }
        if (e instanceof Expr.FactRef f) {
            return fact(f.path().name(), f.type());
        }
        if (e instanceof Expr.Helper h) {
            return new Num(helper(h.kind()), smt.yes(), false, null);
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
                return new Num(smt.op("/", l.value(), r.value()), defined, false, null);
            default:
                throw new NotEncoded("the remainder [%] at offset [" + b.offset() + "] is not linear");
        }
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
        FactSpace.Use u = space.use(remedy, window);
        if (u == null) {
            throw new NotEncoded("history of [" + remedy + "] in [" + window + "] has no variable");
        }
        return u;
    }
}
