package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.ApplicationTerm;
import de.uni_freiburg.informatik.ultimate.logic.ConstantTerm;
import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The values a formula pins variables to: for each conjunct of the form {@code x = c}, or a disjunction of such
 * equalities over one variable ({@code x = c1 or x = c2}), the constants {@code x} may take wherever the formula
 * holds. Two formulas whose pins leave a variable no common value cannot hold together. Anything else in a formula
 * pins nothing, so the answer "compatible" is the safe one: it never claims two formulas exclusive that are not.
 * Terms are hash-consed by the solver, so equal constants and variables are the same objects.
 */
final class Pins {

    private static final Pins NONE = new Pins(Map.of());

    /** By variable, the constants it may take. */
    private final Map<Term, Set<Term>> allowed;

    private Pins(Map<Term, Set<Term>> allowed) {
        this.allowed = allowed;
    }

    /** Returns the pins of a formula. */
    static Pins of(Term formula) {
        Map<Term, Set<Term>> allowed = new HashMap<>();
        for (Term conjunct : conjuncts(formula)) {
            Map<Term, Set<Term>> one = equalities(conjunct);
            if (one == null || one.size() != 1) {
                continue;
            }
            Map.Entry<Term, Set<Term>> e = one.entrySet().iterator().next();
            allowed.merge(e.getKey(), e.getValue(), (a, b) -> {
                Set<Term> both = new HashSet<>(a);
                both.retainAll(b);
                return both;
            });
        }
        return allowed.isEmpty() ? NONE : new Pins(allowed);
    }

    /** Returns false only if some variable pinned by both may take none of the same values. */
    boolean compatible(Pins other) {
        Map<Term, Set<Term>> small = allowed.size() <= other.allowed.size() ? allowed : other.allowed;
        Map<Term, Set<Term>> large = small == allowed ? other.allowed : allowed;
        for (Map.Entry<Term, Set<Term>> e : small.entrySet()) {
            Set<Term> theirs = large.get(e.getKey());
            if (theirs != null && java.util.Collections.disjoint(e.getValue(), theirs)) {
                return false;
            }
        }
        return true;
    }

    private static Iterable<Term> conjuncts(Term t) {
        if (t instanceof ApplicationTerm a && a.getFunction().getName().equals("and")) {
            java.util.List<Term> out = new java.util.ArrayList<>();
            for (Term p : a.getParameters()) {
                conjuncts(p).forEach(out::add);
            }
            return out;
        }
        return java.util.List.of(t);
    }

    /** Returns the variable and constants of {@code x = c} or a disjunction of them over one variable, else null. */
    private static Map<Term, Set<Term>> equalities(Term t) {
        if (!(t instanceof ApplicationTerm a)) {
            return null;
        }
        String name = a.getFunction().getName();
        if (name.equals("=") && a.getParameters().length == 2) {
            Term x = a.getParameters()[0];
            Term c = a.getParameters()[1];
            if (isConstant(x) && isVariable(c)) {
                Term swap = x;
                x = c;
                c = swap;
            }
            if (!isVariable(x) || !isConstant(c)) {
                return null;
            }
            Set<Term> values = new HashSet<>();
            values.add(c);
            Map<Term, Set<Term>> out = new HashMap<>();
            out.put(x, values);
            return out;
        }
        if (name.equals("or")) {
            Term variable = null;
            Set<Term> values = new HashSet<>();
            for (Term p : a.getParameters()) {
                Map<Term, Set<Term>> one = equalities(p);
                if (one == null || one.size() != 1) {
                    return null;
                }
                Map.Entry<Term, Set<Term>> e = one.entrySet().iterator().next();
                if (variable != null && variable != e.getKey()) {
                    return null;
                }
                variable = e.getKey();
                values.addAll(e.getValue());
            }
            if (variable == null) {
                return null;
            }
            Map<Term, Set<Term>> out = new HashMap<>();
            out.put(variable, values);
            return out;
        }
        return null;
    }

    /** A declared constant of the solver: an application of a function without parameters that is not a literal. */
    private static boolean isVariable(Term t) {
        return t instanceof ApplicationTerm a && a.getParameters().length == 0
                && !a.getFunction().isIntern();
    }

    /** A numeral, a decimal, or a negated one. */
    private static boolean isConstant(Term t) {
        if (t instanceof ConstantTerm) {
            return true;
        }
        return t instanceof ApplicationTerm a && a.getFunction().getName().equals("-") && a.getParameters().length == 1
                && a.getParameters()[0] instanceof ConstantTerm;
    }
}
