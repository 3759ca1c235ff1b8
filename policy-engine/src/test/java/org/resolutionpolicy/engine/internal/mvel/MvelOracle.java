package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * Real MVEL as the reference for our expression language: generates MVEL source from a checked tree, compiles it
 * with MVEL's strongly typed compiler and evaluates it, so that properties can hold the engine's closures and tree
 * evaluator to MVEL's answers.
 *
 * <p>Every fact, helper and string of the tree becomes a plain variable of the generated source and only numbers,
 * operators and parentheses appear literally; every comparison that reads a fact is guarded with null checks, which
 * is what "a comparison on an absent fact is false" means in MVEL. The engine itself never runs this: MVEL is a test
 * dependency only.
 */
final class MvelOracle {

    private final String source;
    private final Serializable compiled;
    private final List<Binding> bindings;

    private MvelOracle(String source, Serializable compiled, List<Binding> bindings) {
        this.source = source;
        this.compiled = compiled;
        this.bindings = List.copyOf(bindings);
    }

    /** Generates and compiles the MVEL form of a compiled expression. */
    static MvelOracle of(SandboxedExpression expression) {
        return of(expression.tree());
    }

    /** Generates and compiles the MVEL form of a checked tree. */
    static MvelOracle of(Expr tree) {
        Emitter emitter = new Emitter();
        String source = emitter.node(tree, true);
        ParserContext context = new ParserContext();
        context.setStrictTypeEnforcement(true);
        context.setStrongTyping(true);
        for (Binding b : emitter.bindings) {
            context.addInput(b.name(), b.javaType());
        }
        try {
            context.addImport("div", MvelFunctions.class.getMethod("div", double.class, double.class));
            context.addImport("floor", Math.class.getMethod("floor", double.class));
            context.addImport("ceil", Math.class.getMethod("ceil", double.class));
            context.addImport("floorTo", MvelFunctions.class.getMethod("floorTo", double.class, int.class));
            context.addImport("ceilTo", MvelFunctions.class.getMethod("ceilTo", double.class, int.class));
            context.addImport("roundTo", MvelFunctions.class.getMethod("roundTo", double.class, int.class));
            context.addImport("plusMonths", MvelFunctions.class.getMethod("plusMonths", double.class, double.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        try {
            return new MvelOracle(source, MVEL.compileExpression(source, context), emitter.bindings);
        } catch (RuntimeException e) {
            throw new IllegalStateException("generated expression [" + source + "] failed to compile: "
                    + e.getMessage(), e);
        }
    }

    /** Returns the generated MVEL source. */
    String source() {
        return source;
    }

    /** Evaluates the MVEL form: true exactly when MVEL gives {@code Boolean.TRUE}. */
    boolean test(Facts facts) {
        Map<String, Object> variables = new HashMap<>(bindings.size() * 2);
        for (Binding b : bindings) {
            variables.put(b.name(), b.read() == null ? b.constant() : mvel(b.read().apply(facts)));
        }
        return Boolean.TRUE.equals(MVEL.executeExpression(compiled, variables));
    }

    /** Returns a value as MVEL computes with it: numbers, ranks and dates (epoch milliseconds) as doubles. */
    private static Object mvel(Object value) {
        Object v = SandboxedExpression.toValue(value);
        return v instanceof BigDecimal n ? (Object) n.doubleValue() : v;
    }

    /** A variable of the generated source: read from the facts, or a constant string. */
    private record Binding(String name, Class<?> javaType, Function<Facts, Object> read, Object constant) {
    }

    /** Generates MVEL source from a checked tree. */
    private static final class Emitter {
        final List<Binding> bindings = new ArrayList<>();
        final Map<String, String> factVariables = new LinkedHashMap<>();

        String node(Expr e, boolean booleanContext) {
            if (e instanceof Expr.Literal l) {
                return literal(l);
            }
            if (e instanceof Expr.FactRef ref) {
                String v = fact(ref.path());
                return booleanContext && e.type() == FactType.BOOLEAN ? "(" + v + " != null && " + v + " == true)" : v;
            }
            if (e instanceof Expr.Helper h) {
                String name = "h" + bindings.size();
                bindings.add(new Binding(name, javaType(h.type()), h.read(), null));
                return name;
            }
            if (e instanceof Expr.Presence p) {
                return "(" + fact(p.fact().path()) + (p.present() ? " != null)" : " == null)");
            }
            if (e instanceof Expr.Unary u) {
                return u.op().equals("!") ? "(!" + node(u.operand(), true) + ")" : "(0.0 - " + node(u.operand(), false) + ")";
            }
            if (e instanceof Expr.Conditional c) {
                // MVEL's own conditional; a value that is absent in the branch taken stays absent (null)
                return "(" + node(c.condition(), true) + " ? " + node(c.then(), false) + " : "
                        + node(c.otherwise(), false) + ")";
            }
            if (e instanceof Expr.Call c) {
                return call(c);
            }
            Expr.Binary b = (Expr.Binary) e;
            if (b.op().equals("&&") || b.op().equals("||")) {
                return "(" + node(b.left(), true) + " " + b.op() + " " + node(b.right(), true) + ")";
            }
            if (b.op().equals("/")) {
                return "div(" + node(b.left(), false) + ", " + node(b.right(), false) + ")";
            }
            String expression = "(" + node(b.left(), false) + " " + b.op() + " " + node(b.right(), false) + ")";
            if (!b.isComparison()) {
                return expression;
            }
            Set<String> nullable = new LinkedHashSet<>();
            nullableFacts(b.left(), nullable);
            nullableFacts(b.right(), nullable);

            // a quotient or remainder by zero has no value in the engine: the comparison is false, as for absence
            Set<String> divisors = new LinkedHashSet<>();
            divisors(b.left(), divisors);
            divisors(b.right(), divisors);
            Set<String> guards = new LinkedHashSet<>();
            conditionalGuards(b.left(), guards);
            conditionalGuards(b.right(), guards);
            if (nullable.isEmpty() && divisors.isEmpty() && guards.isEmpty()) {
                return expression;
            }
            StringBuilder guarded = new StringBuilder("(");
            for (String g : guards) {
                guarded.append(g).append(" && ");
            }
            for (String v : nullable) {
                guarded.append(v).append(" != null && ");
            }
            for (String d : divisors) {
                guarded.append(d).append(" != 0.0 && ");
            }
            return guarded.append(expression).append(")").toString();
        }

        /** Collects the divisors of an operand's arithmetic, inner ones first, so that each guard can be computed. */
        private void divisors(Expr e, Set<String> out) {
            if (e instanceof Expr.Unary u && !u.op().equals("!")) {
                divisors(u.operand(), out);
            } else if (e instanceof Expr.Call c) {
                c.args().forEach(arg -> divisors(arg, out));
            } else if (e instanceof Expr.Binary b && "+-*/%".contains(b.op()) && b.op().length() == 1) {
                divisors(b.left(), out);
                divisors(b.right(), out);
                if (b.op().equals("/") || b.op().equals("%")) {
                    out.add(node(b.right(), false));
                }
            }
        }

        /** Emits the rounding and date functions as MVEL calls of {@code java.lang.Math} or {@link MvelFunctions}. */
        private String call(Expr.Call c) {
            String x = node(c.args().get(0), false);
            switch (c.function()) {
                case "floor", "ceil" -> {
                    return c.args().size() == 1 ? c.function() + "(" + x + ")"
                            : c.function() + "To(" + x + ", " + places(c) + ")";
                }
                case "round" -> {
                    return "roundTo(" + x + ", " + (c.args().size() == 1 ? 2 : places(c)) + ")";
                }
                case "plusMonths" -> {
                    return "plusMonths(" + x + ", " + node(c.args().get(1), false) + ")";
                }
                default -> throw new IllegalArgumentException("the oracle does not emit [" + c.function() + "]");
            }
        }

        private static int places(Expr.Call c) {
            return ((BigDecimal) ((Expr.Literal) c.args().get(1)).value()).intValueExact();
        }

        /**
         * Adds, for every conditional among an operand's arithmetic, a guard that the branch it takes has its facts:
         * {@code (c ? f0 != null : true)}; a conditional nested in a branch is part of that branch's guard.
         */
        private void conditionalGuards(Expr e, Set<String> out) {
            if (e instanceof Expr.Conditional c) {
                // a conditional inside a branch is guarded only where that branch is taken
                out.add("(" + node(c.condition(), true) + " ? " + branch(c.then()) + " : " + branch(c.otherwise())
                        + ")");
            } else if (e instanceof Expr.Unary u && !u.op().equals("!")) {
                conditionalGuards(u.operand(), out);
            } else if (e instanceof Expr.Call c) {
                c.args().forEach(arg -> conditionalGuards(arg, out));
            } else if (e instanceof Expr.Binary b && "+-*/%".contains(b.op()) && b.op().length() == 1) {
                conditionalGuards(b.left(), out);
                conditionalGuards(b.right(), out);
            }
        }

        /** Returns the guard of a branch: its own facts present, and the guards of the conditionals inside it. */
        private String branch(Expr e) {
            Set<String> inner = new LinkedHashSet<>();
            conditionalGuards(e, inner);
            String own = present(e);
            if (inner.isEmpty()) {
                return own;
            }
            return "(" + own + " && " + String.join(" && ", inner) + ")";
        }

        private String present(Expr e) {
            Set<String> nullable = new LinkedHashSet<>();
            nullableFacts(e, nullable);
            Set<String> divisors = new LinkedHashSet<>();
            divisors(e, divisors);
            List<String> checks = new ArrayList<>();
            for (String v : nullable) {
                checks.add(v + " != null");
            }
            for (String d : divisors) {
                // MVEL folds a constant comparison inside a conditional wrongly: a constant divisor is decided here
                Double constant = constant(d);
                if (constant == null) {
                    checks.add(d + " != 0.0");
                } else if (constant == 0.0) {
                    return "false";
                }
            }
            return checks.isEmpty() ? "true" : "(" + String.join(" && ", checks) + ")";
        }

        private static Double constant(String source) {
            try {
                return Double.valueOf(source.replace("(", "").replace(")", ""));
            } catch (NumberFormatException notConstant) {
                return null;
            }
        }

        private void nullableFacts(Expr e, Set<String> out) {
            if (e instanceof Expr.FactRef ref) {
                if (ref.path().type() != FactType.SEVERITY && ref.path().type() != FactType.ROLE) {
                    out.add(fact(ref.path()));
                }
            } else if (e instanceof Expr.Unary u) {
                nullableFacts(u.operand(), out);
            } else if (e instanceof Expr.Call c) {
                c.args().forEach(arg -> nullableFacts(arg, out));
            } else if (e instanceof Expr.Binary b && !b.isComparison() && !b.op().equals("&&") && !b.op().equals("||")) {
                nullableFacts(b.left(), out);
                nullableFacts(b.right(), out);
            }
        }

        private String fact(FactPath path) {
            return factVariables.computeIfAbsent(path.name(), n -> {
                String name = "f" + bindings.size();
                bindings.add(new Binding(name, javaType(path.type()), path::read, null));
                return name;
            });
        }

        private String literal(Expr.Literal l) {
            if (l.type() == null) {
                return "null";
            }
            return switch (l.type()) {
                case BOOLEAN -> l.value().toString();
                case NUMBER -> number(((BigDecimal) l.value()).doubleValue());
                case SEVERITY, ROLE -> number(((Integer) l.value()).doubleValue());
                case DATETIME -> number((double) ((Instant) l.value()).toEpochMilli());
                default -> {
                    String name = "s" + bindings.size();
                    bindings.add(new Binding(name, String.class, null, l.value()));
                    yield name;
                }
            };
        }

        private static String number(double value) {
            String s = BigDecimal.valueOf(value).toPlainString();
            s = s.contains(".") ? s : s + ".0";
            return value < 0 ? "(" + s + ")" : s;
        }

        private static Class<?> javaType(FactType type) {
            return switch (type) {
                case STRING, REMEDY -> String.class;
                case BOOLEAN -> Boolean.class;
                default -> Double.class;
            };
        }
    }
}
