package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * Compiles a checked expression tree into a tree of small typed closures, built once at load: operators and the
 * shape of each comparison are chosen at compile time, and nothing is looked up while deciding.
 *
 * <p>The closures give exactly what {@link ExprExplainer#eval} gives (a property holds them to it, and another to a
 * {@code BigDecimal} oracle): numbers are exact decimals, a quotient rounds by the policy's rule, a comparison that
 * reads an absent fact or a quotient by zero is false. Dates compare as instants and ranks as ranks without becoming
 * decimals. Shapes without a numeric form (strings, booleans, remedies compared with {@code ==}) read boxed values,
 * as the tree does.
 */
final class ExprCompiler {

    /** A compiled boolean expression: true exactly when the tree evaluates to {@code Boolean.TRUE}. */
    interface Bool {
        boolean test(Facts facts);
    }

    /** A compiled numeric expression. */
    interface Num {
        /** Returns the value, exact; null when a fact it reads is absent or it divides by zero. */
        BigDecimal get(Facts facts);
    }

    /** A compiled expression of any type, boxed as the tree evaluator boxes it; null for absent. */
    interface Val {
        Object get(Facts facts);
    }

    private static final int EQ = 0;
    private static final int NE = 1;
    private static final int LT = 2;
    private static final int LE = 3;
    private static final int GT = 4;
    private static final int GE = 5;

    private final ExprExplainer interpreter;
    private final Arithmetic arithmetic;

    ExprCompiler(ExprExplainer interpreter) {
        this.interpreter = interpreter;
        this.arithmetic = interpreter.arithmetic();
    }

    /** Compiles a condition. */
    Bool bool(Expr e) {
        if (e instanceof Expr.Binary b) {
            if (b.op().equals("&&")) {
                Bool l = bool(b.left());
                Bool r = bool(b.right());
                return f -> l.test(f) && r.test(f);
            }
            if (b.op().equals("||")) {
                Bool l = bool(b.left());
                Bool r = bool(b.right());
                return f -> l.test(f) || r.test(f);
            }
            if (b.isComparison()) {
                return comparison(b);
            }
        }
        if (e instanceof Expr.Unary u && u.op().equals("!")) {
            Bool operand = bool(u.operand());
            return f -> !operand.test(f);
        }
        if (e instanceof Expr.Presence p) {
            FactPath path = p.fact().path();
            return p.present() ? f -> path.read(f) != null : f -> path.read(f) == null;
        }
        Val v = val(e);
        return f -> Boolean.TRUE.equals(v.get(f));
    }

    private Bool comparison(Expr.Binary b) {
        int op = opcode(b.op());
        if (numeric(b.left()) && numeric(b.right())) {
            Bool ordered = ordered(b.left(), b.right(), op);
            if (ordered != null) {
                return ordered;
            }
            Num l = num(b.left());
            Num r = num(b.right());
            return f -> {
                BigDecimal x = l.get(f);
                if (x == null) {
                    return false;
                }
                BigDecimal y = r.get(f);
                return y != null && compare(op, x.compareTo(y));
            };
        }
        Val l = val(b.left());
        Val r = val(b.right());
        String name = b.op();
        FactPath[] guarded = java.util.stream.Stream.concat(ExprExplainer.operandFacts(b.left()).stream(),
                ExprExplainer.operandFacts(b.right()).stream()).distinct().toArray(FactPath[]::new);
        return f -> {
            for (FactPath path : guarded) {
                if (path.read(f) == null) {
                    return false;
                }
            }
            Object x = l.get(f);
            if (x == null) {
                return false;
            }
            Object y = r.get(f);
            return y != null && ExprExplainer.compare(name, x, y);
        };
    }

    private static int opcode(String op) {
        return switch (op) {
            case "==" -> EQ;
            case "!=" -> NE;
            case "<" -> LT;
            case "<=" -> LE;
            case ">" -> GT;
            default -> GE;
        };
    }

    private static boolean compare(int op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /**
     * Compiles a comparison of two dates or of two ranks of one ladder, read as they are (instants, ranks) and
     * compared without a decimal; null for any other comparison.
     */
    private static Bool ordered(Expr left, Expr right, int op) {
        FactType type = left.type();
        boolean leaves = leaf(left) && leaf(right);
        if (!leaves || type != right.type()
                || type != FactType.DATETIME && type != FactType.SEVERITY && type != FactType.ROLE) {
            return null;
        }
        Val l = raw(left);
        Val r = raw(right);
        return f -> {
            Object x = l.get(f);
            if (x == null) {
                return false;
            }
            Object y = r.get(f);
            return y != null && compare(op, compareSame(x, y));
        };
    }

    @SuppressWarnings("unchecked")
    private static int compareSame(Object x, Object y) {
        return ((Comparable<Object>) x).compareTo(y);
    }

    private static boolean leaf(Expr e) {
        return e instanceof Expr.Literal || e instanceof Expr.FactRef || e instanceof Expr.Helper;
    }

    /** Reads a leaf as the case holds it: a decimal, a rank, an instant. */
    private static Val raw(Expr e) {
        if (e instanceof Expr.Literal l) {
            Object c = l.value();
            return f -> c;
        }
        if (e instanceof Expr.FactRef ref) {
            FactPath path = ref.path();
            return path::read;
        }
        Function<Facts, Object> read = ((Expr.Helper) e).read();
        return read::apply;
    }

    /** Returns true if the tree evaluator gives a Double (or null) for this expression. */
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
        if (e instanceof Expr.Call || e instanceof Expr.Conditional) {
            return true;
        }
        if (e instanceof Expr.Binary b) {
            return "+-*/%".contains(b.op()) && b.op().length() == 1 && numeric(b.left()) && numeric(b.right());
        }
        return false;
    }

    private Num num(Expr e) {
        if (e instanceof Expr.Literal l) {
            BigDecimal c = Arithmetic.number(l.value());
            return f -> c;
        }
        if (e instanceof Expr.FactRef ref) {
            FactPath path = ref.path();
            return f -> Arithmetic.number(path.read(f));
        }
        if (e instanceof Expr.Helper h) {
            Function<Facts, Object> read = h.read();
            return f -> Arithmetic.number(read.apply(f));
        }
        if (e instanceof Expr.Call c) {
            return f -> interpreter.call(c, f);
        }
        if (e instanceof Expr.Conditional c) {
            Bool condition = bool(c.condition());
            Num then = num(c.then());
            Num otherwise = num(c.otherwise());
            return f -> condition.test(f) ? then.get(f) : otherwise.get(f);
        }
        if (e instanceof Expr.Unary u) {
            Num operand = num(u.operand());
            return f -> {
                BigDecimal v = operand.get(f);
                return v == null ? null : v.negate();
            };
        }
        Expr.Binary b = (Expr.Binary) e;
        Num l = num(b.left());
        Num r = num(b.right());
        char op = b.op().charAt(0);
        Arithmetic math = arithmetic;
        return f -> {
            BigDecimal x = l.get(f);
            if (x == null) {
                return null;
            }
            BigDecimal y = r.get(f);
            return y == null ? null : math.apply(op, x, y);
        };
    }

    private Val val(Expr e) {
        if (e instanceof Expr.Literal l) {
            Object c = SandboxedExpression.toValue(l.value());
            return f -> c;
        }
        if (e instanceof Expr.FactRef ref) {
            FactPath path = ref.path();
            return f -> SandboxedExpression.toValue(path.read(f));
        }
        if (e instanceof Expr.Helper h) {
            Function<Facts, Object> read = h.read();
            return f -> SandboxedExpression.toValue(read.apply(f));
        }
        // rarer shapes (a boolean expression compared with ==, say) keep the tree evaluator's boxed values
        return f -> interpreter.eval(e, f);
    }
}
