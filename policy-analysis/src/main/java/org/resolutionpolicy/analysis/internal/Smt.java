package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.ApplicationTerm;
import de.uni_freiburg.informatik.ultimate.logic.ConstantTerm;
import de.uni_freiburg.informatik.ultimate.logic.Logics;
import de.uni_freiburg.informatik.ultimate.logic.Model;
import de.uni_freiburg.informatik.ultimate.logic.Rational;
import de.uni_freiburg.informatik.ultimate.logic.Script;
import de.uni_freiburg.informatik.ultimate.logic.Sort;
import de.uni_freiburg.informatik.ultimate.logic.Term;
import de.uni_freiburg.informatik.ultimate.smtinterpol.smtlib2.SMTInterpol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one SMTInterpol context for one analysis: declares variables, builds terms, and checks assertions each under
 * its own time limit. SMTInterpol keeps one assertion stack per context, so a context serves one thread; an analysis
 * makes its own.
 */
public final class Smt implements AutoCloseable {

    /** What a check found. */
    public enum Result {
        /** The assertions can hold together: a model is there to read. */
        SAT,
        /** They cannot. */
        UNSAT,
        /** The solver gave up, ran out of time or could not decide: never read as "holds". */
        UNKNOWN
    }

    private final SMTInterpol script;
    private final Sort intSort;
    private final Sort realSort;
    private final Sort boolSort;
    private final Term tt;
    private final Term ff;
    private final long limitNanos;
    private volatile long deadline = Long.MAX_VALUE;
    private int names;
    private Model model;
    /** How many levels the last check pushed, popped by the next check. */
    private int depth;
    private boolean satisfied;
    private int checks;

    /**
     * Creates a context.
     *
     * @param limit the time limit of each check
     */
    public Smt(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.script = new SMTInterpol(new SolverLog(), () -> System.nanoTime() > deadline);
        script.setOption(":produce-models", true);
        // encoders declare variables lazily, between checks: declarations must survive the checks' pops
        script.setOption(":global-declarations", true);
        script.setOption(":timeout", BigInteger.valueOf(Math.max(1, limit.toMillis())));
        script.setLogic(Logics.QF_LIRA);
        intSort = script.sort("Int");
        realSort = script.sort("Real");
        boolSort = script.sort("Bool");
        tt = script.term("true");
        ff = script.term("false");
    }

    /** Returns how many checks ran. */
    public int checks() {
        return checks;
    }

    /** Declares a fresh integer variable. */
    public Term intVar(String name) {
        return declare(name, intSort);
    }

    /** Declares a fresh boolean variable. */
    public Term boolVar(String name) {
        return declare(name, boolSort);
    }

    private Term declare(String name, Sort sort) {
        String unique = "v" + (names++) + "_" + name.replaceAll("[^A-Za-z0-9_.]", "_");
        script.declareFun(unique, new Sort[0], sort);
        return script.term(unique);
    }

    /** Returns true. */
    public Term yes() {
        return tt;
    }

    /** Returns false. */
    public Term no() {
        return ff;
    }

    /** Returns a boolean constant. */
    public Term bool(boolean value) {
        return value ? tt : ff;
    }

    /** Returns an integer constant. */
    public Term num(long value) {
        return num(BigInteger.valueOf(value));
    }

    /** Returns an integer constant. */
    public Term num(BigInteger value) {
        Term n = script.numeral(value.abs());
        return value.signum() < 0 ? script.term("-", n) : n;
    }

    /** Returns a real constant. */
    public Term real(BigDecimal value) {
        Term n = script.decimal(value.abs());
        return value.signum() < 0 ? script.term("-", n) : n;
    }

    /** Returns an integer term as a real. */
    public Term toReal(Term intTerm) {
        return script.term("to_real", intTerm);
    }

    /** Returns the conjunction; true for none. */
    public Term and(List<Term> terms) {
        List<Term> kept = new ArrayList<>();
        for (Term t : terms) {
            if (t == ff) {
                return ff;
            }
            if (t != tt) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? tt : kept.size() == 1 ? kept.get(0) : script.term("and", kept.toArray(new Term[0]));
    }

    /** Returns the conjunction; true for none. */
    public Term and(Term... terms) {
        return and(List.of(terms));
    }

    /** Returns the disjunction; false for none. */
    public Term or(List<Term> terms) {
        List<Term> kept = new ArrayList<>();
        for (Term t : terms) {
            if (t == tt) {
                return tt;
            }
            if (t != ff) {
                kept.add(t);
            }
        }
        return kept.isEmpty() ? ff : kept.size() == 1 ? kept.get(0) : script.term("or", kept.toArray(new Term[0]));
    }

    /** Returns the disjunction; false for none. */
    public Term or(Term... terms) {
        return or(List.of(terms));
    }

    /** Returns the negation. */
    public Term not(Term t) {
        return t == tt ? ff : t == ff ? tt : script.term("not", t);
    }

    /** Returns {@code a => b}. */
    public Term implies(Term a, Term b) {
        return or(not(a), b);
    }

    /** Returns {@code if c then a else b}. */
    public Term ite(Term c, Term a, Term b) {
        if (c == tt) {
            return a;
        }
        if (c == ff) {
            return b;
        }
        return a == b ? a : script.term("ite", c, a, b);
    }

    /** Returns an operator applied to terms: {@code = < <= > >= + - *}. */
    public Term op(String op, Term... terms) {
        return script.term(op, terms);
    }

    /** Returns {@code a = b}. */
    public Term eq(Term a, Term b) {
        return script.term("=", a, b);
    }

    /** Returns {@code a <= b}. */
    public Term le(Term a, Term b) {
        return script.term("<=", a, b);
    }

    /** Returns {@code a < b}. */
    public Term lt(Term a, Term b) {
        return script.term("<", a, b);
    }

    /** Returns the larger of two integer terms. */
    public Term max(Term a, Term b) {
        return ite(le(a, b), b, a);
    }

    /**
     * Checks whether the assertions can hold together, within the time limit. They stay asserted until the next
     * check, so that the model of a SAT answer can be read until then.
     */
    public Result check(Term... assertions) {
        checks++;
        model = null;
        satisfied = false;
        if (depth > 0) {
            script.pop(depth);
            depth = 0;
        }
        script.push(1);
        depth = 1;
        try {
            for (Term t : assertions) {
                script.assertTerm(t);
            }
            deadline = System.nanoTime() + limitNanos;
            Script.LBool answer = script.checkSat();
            if (answer == Script.LBool.SAT) {
                // reading values needs the model while the assertions are still there: it is built on first read
                satisfied = true;
                return Result.SAT;
            }
            return answer == Script.LBool.UNSAT ? Result.UNSAT : Result.UNKNOWN;
        } finally {
            deadline = Long.MAX_VALUE;
        }
    }

    /**
     * Checks like {@link #check}, then makes the model keep as many groups of wishes true as it can (a witness
     * without facts it does not need): each group in turn is asserted on top, kept when the answer stays SAT.
     * (SMTInterpol's check under assumptions was tried for this and, after an unsat answer, could make a later plain
     * check unsat too; pushed levels are what the solver is sure about.)
     *
     * @param groups formulas to make true where possible, the most wanted first
     */
    public Result check(List<Term> groups, Term... assertions) {
        Result r = check(assertions);
        if (r != Result.SAT) {
            return r;
        }
        boolean lastSat = true;
        for (Term group : groups) {
            script.push(1);
            depth++;
            script.assertTerm(group);
            deadline = System.nanoTime() + limitNanos;
            try {
                lastSat = script.checkSat() == Script.LBool.SAT;
                if (!lastSat) {
                    script.pop(1);
                    depth--;
                }
            } finally {
                deadline = Long.MAX_VALUE;
            }
            if (lastSat) {
                break;
            }
        }
        if (!lastSat) {
            Script.LBool again = script.checkSat();
            if (again != Script.LBool.SAT) {
                throw new IllegalStateException("the solver answered [" + again + "] to a check it had found SAT");
            }
        }
        model = null;
        return Result.SAT;
    }

    /** Asserts a formula for every later check, such as the domain of the variables; only before the first check. */
    public void assertAlways(Term t) {
        if (depth > 0) {
            throw new IllegalStateException("base assertions come before the first check");
        }
        script.assertTerm(t);
    }

    /** Returns the value of an integer term in the last model. */
    public BigInteger intValue(Term t) {
        Rational r = rational(t);
        return r.numerator().divide(r.denominator());
    }

    /** Returns the value of a real or integer term in the last model. */
    public BigDecimal realValue(Term t) {
        Rational r = rational(t);
        return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), java.math.MathContext.DECIMAL64);
    }

    private Rational rational(Term t) {
        Term v = model().evaluate(t);
        if (v instanceof ConstantTerm c && Point.rational(c.getValue()) != null) {
            return Point.rational(c.getValue());
        }
        if (v instanceof ApplicationTerm a && a.getFunction().getName().equals("-") && a.getParameters().length == 1) {
            return rational(a.getParameters()[0]).negate();
        }
        throw new IllegalStateException("the solver gave no number for [" + t + "] but [" + v + "]");
    }

    /**
     * Returns the values the last model gives the variables, to evaluate formulas over after the next check.
     */
    Point point(java.util.Collection<Term> variables) {
        java.util.Map<Term, Object> values = new java.util.HashMap<>();
        for (Term v : variables) {
            values.put(v, v.getSort() == boolSort ? (Object) boolValue(v) : rational(v));
        }
        return new Point(values);
    }

    /** Returns the declared variables a formula reads. */
    static java.util.Set<Term> variables(Term formula) {
        java.util.Set<Term> out = new java.util.HashSet<>();
        java.util.Set<Term> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Term> todo = new java.util.ArrayDeque<>();
        todo.push(formula);
        while (!todo.isEmpty()) {
            Term t = todo.pop();
            if (!seen.add(t) || !(t instanceof ApplicationTerm a)) {
                continue;
            }
            if (a.getParameters().length == 0) {
                if (!a.getFunction().isIntern()) {
                    out.add(t);
                }
                continue;
            }
            for (Term p : a.getParameters()) {
                todo.push(p);
            }
        }
        return out;
    }

    /** Returns the value of a boolean term in the last model. */
    public boolean boolValue(Term t) {
        return model().evaluate(t) == tt;
    }

    private Model model() {
        if (model == null && satisfied) {
            model = script.getModel();
        }
        if (model == null) {
            throw new IllegalStateException("no model: the last check was not SAT");
        }
        return model;
    }

    @Override
    public void close() {
        model = null;
        script.exit();
    }
}
