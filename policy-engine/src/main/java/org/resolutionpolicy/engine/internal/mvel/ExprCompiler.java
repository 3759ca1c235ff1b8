package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;
import org.resolutionpolicy.engine.internal.model.FactPath;
import org.resolutionpolicy.engine.internal.model.FactType;
import org.resolutionpolicy.engine.internal.model.Facts;

/**
 * Compiles a checked expression tree into a tree of small typed closures, built once at load: numbers stay
 * primitive doubles, operators are chosen at compile time, and nothing is boxed or looked up while deciding.
 *
 * <p>The closures give exactly what {@link ExprExplainer#eval} gives (the semantics of the MVEL source compiled at
 * load): doubles for every number, severity, role and date; a comparison that reads an absent fact is false. A
 * number reads as NaN when a fact under it is absent; a comparison that sees NaN asks whether a fact was absent
 * before deciding, so a NaN that arithmetic made (0 / 0) still compares as MVEL compares it. Shapes without a
 * numeric form (strings, booleans, remedies compared with {@code ==}) read boxed values, as the tree does.
 */
final class ExprCompiler {

    /** A compiled boolean expression: true exactly when the tree evaluates to {@code Boolean.TRUE}. */
    interface Bool {
        boolean test(Facts facts);
    }

    /** A compiled numeric expression. */
    interface Num {
        /** Returns the value, NaN when a fact it reads is absent (and possibly when arithmetic made NaN). */
        double get(Facts facts);

        /** Returns true if every fact it reads is present. */
        boolean present(Facts facts);
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

    ExprCompiler(ExprExplainer interpreter) {
        this.interpreter = interpreter;
    }

    /** Compiles a condition. */
    Bool bool(Expr e) {
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            if (b.op.equals("&&")) {
                Bool l = bool(b.left);
                Bool r = bool(b.right);
                return f -> l.test(f) && r.test(f);
            }
            if (b.op.equals("||")) {
                Bool l = bool(b.left);
                Bool r = bool(b.right);
                return f -> l.test(f) || r.test(f);
            }
            if (b.isComparison()) {
                return comparison(b);
            }
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op.equals("!")) {
            Bool operand = bool(((Expr.Unary) e).operand);
            return f -> !operand.test(f);
        }
        if (e instanceof Expr.Presence) {
            Expr.Presence p = (Expr.Presence) e;
            FactPath path = p.fact.path;
            return p.present ? f -> path.read(f) != null : f -> path.read(f) == null;
        }
        Val v = val(e);
        return f -> Boolean.TRUE.equals(v.get(f));
    }

    private Bool comparison(Expr.Binary b) {
        int op = opcode(b.op);
        if (numeric(b.left) && numeric(b.right)) {
            Num l = num(b.left);
            Num r = num(b.right);
            return f -> {
                double x = l.get(f);
                if (x != x && !l.present(f)) {
                    return false;
                }
                double y = r.get(f);
                if (y != y && !r.present(f)) {
                    return false;
                }
                return compare(op, x, y);
            };
        }
        Val l = val(b.left);
        Val r = val(b.right);
        String name = b.op;
        return f -> {
            Object x = l.get(f);
            if (x == null) {
                return false;
            }
            Object y = r.get(f);
            return y != null && ExprExplainer.compare(name, x, y);
        };
    }

    private static int opcode(String op) {
        switch (op) {
            case "==":
                return EQ;
            case "!=":
                return NE;
            case "<":
                return LT;
            case "<=":
                return LE;
            case ">":
                return GT;
            default:
                return GE;
        }
    }

    private static boolean compare(int op, double a, double b) {
        switch (op) {
            case EQ:
                return a == b;
            case NE:
                return a != b;
            case LT:
                return a < b;
            case LE:
                return a <= b;
            case GT:
                return a > b;
            default:
                return a >= b;
        }
    }

    /** Returns true if the tree evaluator gives a Double (or null) for this expression. */
    private static boolean numeric(Expr e) {
        if (e instanceof Expr.Literal) {
            Object v = ((Expr.Literal) e).value;
            return v instanceof BigDecimal || v instanceof Integer || v instanceof Instant;
        }
        if (e instanceof Expr.FactRef || e instanceof Expr.Helper) {
            return e.type == FactType.NUMBER || e.type == FactType.SEVERITY || e.type == FactType.ROLE
                    || e.type == FactType.DATETIME;
        }
        if (e instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) e;
            return u.op.equals("-") && numeric(u.operand);
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            return "+-*/%".contains(b.op) && b.op.length() == 1 && numeric(b.left) && numeric(b.right);
        }
        return false;
    }

    private static Num num(Expr e) {
        if (e instanceof Expr.Literal) {
            double c = toDouble(((Expr.Literal) e).value);
            return new Num() {
                @Override
                public double get(Facts f) {
                    return c;
                }

                @Override
                public boolean present(Facts f) {
                    return true;
                }
            };
        }
        if (e instanceof Expr.FactRef) {
            FactPath path = ((Expr.FactRef) e).path;
            return read(path::read);
        }
        if (e instanceof Expr.Helper) {
            return read(((Expr.Helper) e).read);
        }
        if (e instanceof Expr.Unary) {
            Num operand = num(((Expr.Unary) e).operand);
            return new Num() {
                @Override
                public double get(Facts f) {
                    return 0.0 - operand.get(f);
                }

                @Override
                public boolean present(Facts f) {
                    return operand.present(f);
                }
            };
        }
        Expr.Binary b = (Expr.Binary) e;
        Num l = num(b.left);
        Num r = num(b.right);
        char op = b.op.charAt(0);
        return new Num() {
            @Override
            public double get(Facts f) {
                double x = l.get(f);
                double y = r.get(f);
                switch (op) {
                    case '+':
                        return x + y;
                    case '-':
                        return x - y;
                    case '*':
                        return x * y;
                    case '/':
                        return x / y;
                    default:
                        return x % y;
                }
            }

            @Override
            public boolean present(Facts f) {
                return l.present(f) && r.present(f);
            }
        };
    }

    private static Num read(Function<Facts, Object> reader) {
        return new Num() {
            @Override
            public double get(Facts f) {
                Object v = reader.apply(f);
                return v == null ? Double.NaN : toDouble(v);
            }

            @Override
            public boolean present(Facts f) {
                return reader.apply(f) != null;
            }
        };
    }

    /** The number the tree evaluator (and MVEL) sees for a fact or literal value. */
    private static double toDouble(Object v) {
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).doubleValue();
        }
        if (v instanceof Integer) {
            return ((Integer) v).doubleValue();
        }
        if (v instanceof Instant) {
            return (double) ((Instant) v).toEpochMilli();
        }
        throw new IllegalStateException("a numeric expression read a " + v.getClass().getName());
    }

    private Val val(Expr e) {
        if (e instanceof Expr.Literal) {
            Object c = SandboxedExpression.toMvel(((Expr.Literal) e).value);
            return f -> c;
        }
        if (e instanceof Expr.FactRef) {
            FactPath path = ((Expr.FactRef) e).path;
            return f -> SandboxedExpression.toMvel(path.read(f));
        }
        if (e instanceof Expr.Helper) {
            Function<Facts, Object> read = ((Expr.Helper) e).read;
            return f -> SandboxedExpression.toMvel(read.apply(f));
        }
        // rarer shapes (a boolean expression compared with ==, say) keep the tree evaluator's boxed values
        return f -> interpreter.eval(e, f);
    }
}
