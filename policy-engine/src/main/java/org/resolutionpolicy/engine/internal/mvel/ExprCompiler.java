package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.value.Values;

/**
 * Compiles a checked expression tree into a tree of small typed closures, built once at load: numbers stay
 * primitive doubles, operators are chosen at compile time, and nothing is boxed or looked up while deciding.
 *
 * <p>The closures give exactly what {@link ExprExplainer#eval} gives (MVEL's semantics, which a property test checks
 * against real MVEL): doubles for every number, severity, role and date; a comparison that reads an absent fact is
 * false. A number reads as NaN when a fact under it is absent; a comparison that sees NaN asks whether a fact was
 * absent before deciding, so a NaN that arithmetic made (0 / 0) still compares as MVEL compares it. Shapes without
 * a numeric form (strings, booleans, remedies compared with {@code ==}) read boxed values, as the tree does.
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
            Num l = num(b.left());
            Num r = num(b.right());
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

    private static boolean compare(int op, double a, double b) {
        return switch (op) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            default -> a >= b;
        };
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
        if (e instanceof Expr.Call) {
            return true;
        }
        if (e instanceof Expr.Binary b) {
            return "+-*/%".contains(b.op()) && b.op().length() == 1 && numeric(b.left()) && numeric(b.right());
        }
        return false;
    }

    private static Num num(Expr e) {
        if (e instanceof Expr.Literal l) {
            double c = toDouble(l.value());
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
        if (e instanceof Expr.FactRef ref) {
            FactPath path = ref.path();
            return read(path::read);
        }
        if (e instanceof Expr.Helper h) {
            return read(h.read());
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Unary u) {
            Num operand = num(u.operand());
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
        Num l = num(b.left());
        Num r = num(b.right());
        char op = b.op().charAt(0);
        return new Num() {
            @Override
            public double get(Facts f) {
                double x = l.get(f);
                double y = r.get(f);
                return switch (op) {
                    case '+' -> x + y;
                    case '-' -> x - y;
                    case '*' -> x * y;
                    case '/' -> x / y;
                    default -> x % y;
                };
            }

            @Override
            public boolean present(Facts f) {
                return l.present(f) && r.present(f);
            }
        };
    }

    private static Num call(Expr.Call c) {
        Num[] args = c.args().stream().map(ExprCompiler::num).toArray(Num[]::new);
        String function = c.function();
        return new Num() {
            @Override
            public double get(Facts f) {
                double[] values = new double[args.length];
                for (int i = 0; i < args.length; i++) {
                    values[i] = args[i].get(f);
                    if (values[i] != values[i] && !args[i].present(f)) {
                        return Double.NaN;
                    }
                }
                return Functions.approximate(function, values, c.calendar());
            }

            @Override
            public boolean present(Facts f) {
                for (Num arg : args) {
                    if (!arg.present(f)) {
                        return false;
                    }
                }
                return true;
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

    /**
     * The number the closures, the tree evaluator (through {@link SandboxedExpression#toMvel}) and MVEL see for a
     * number, rank or date; unboxed, since decisions read facts through it.
     */
    static double toDouble(Object v) {
        if (v instanceof BigDecimal n) {
            return n.doubleValue();
        }
        if (v instanceof Integer rank) {
            return rank.doubleValue();
        }
        if (v instanceof Instant instant) {
            return Values.epochMillis(instant);
        }
        throw new IllegalStateException("a numeric expression read a " + v.getClass().getName());
    }

    private Val val(Expr e) {
        if (e instanceof Expr.Literal l) {
            Object c = SandboxedExpression.toMvel(l.value());
            return f -> c;
        }
        if (e instanceof Expr.FactRef ref) {
            FactPath path = ref.path();
            return f -> SandboxedExpression.toMvel(path.read(f));
        }
        if (e instanceof Expr.Helper h) {
            Function<Facts, Object> read = h.read();
            return f -> SandboxedExpression.toMvel(read.apply(f));
        }
        // rarer shapes (a boolean expression compared with ==, say) keep the tree evaluator's boxed values
        return f -> interpreter.eval(e, f);
    }
}
