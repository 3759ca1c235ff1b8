package org.resolutionpolicy.engine.internal.mvel;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.resolutionpolicy.api.Explanation.Failure;
import org.resolutionpolicy.engine.internal.model.Expression;
import org.resolutionpolicy.engine.internal.model.FactPath;
import org.resolutionpolicy.engine.internal.model.FactType;
import org.resolutionpolicy.engine.internal.model.Facts;

/**
 * A condition written in MVEL, admitted only after it passed the allow-list, compiled once, and evaluated
 * without any access to the outside world: the {@link Expression.Body} of a rule's {@link Expression} condition.
 *
 * <p>How the sandbox holds: the text is parsed by our own {@link Parser}, which knows only facts, literals,
 * operators and a fixed set of helpers, and rejects everything else with its position. MVEL then compiles
 * not the user's text but source generated from the checked tree, in which every fact, helper and string is a
 * plain variable and only numbers, operators and parentheses appear literally. No user-written identifier,
 * call or string ever reaches MVEL's parser, so there is nothing it could resolve to a class or a method.
 *
 * <p>Absent facts: every comparison that involves a fact the case lacks is false (the generated source guards
 * each comparison with null checks); {@code fact == null} tests presence.
 *
 * <p>Decisions run the checked tree compiled to typed closures ({@link ExprCompiler}: primitive doubles, operators
 * chosen at load); explanations walk the tree itself. The MVEL form is compiled at load and kept so that a property
 * test can hold all three to the same answers. Immutable and thread-safe.
 */
public final class SandboxedExpression implements Expression.Body {

    private final String text;
    private final Serializable compiled;
    private final String generated;
    private final String[] names;
    private final Function<Facts, Object>[] readers;
    private final Object[] constants;
    private final boolean perProposal;
    private final List<BigDecimal> amountThresholds;
    private final Expr tree;
    private final ExprExplainer explainer;
    private final ExprCompiler.Bool condition;

    private SandboxedExpression(String text, Serializable compiled, String generated, List<Binding> bindings,
                                boolean perProposal, List<BigDecimal> amountThresholds, Expr tree,
                                ExprExplainer explainer) {
        this.text = text;
        this.tree = tree;
        this.explainer = explainer;
        this.condition = new ExprCompiler(explainer).bool(tree);
        this.compiled = compiled;
        this.generated = generated;
        this.names = bindings.stream().map(Binding::name).toArray(String[]::new);
        @SuppressWarnings("unchecked")
        Function<Facts, Object>[] r = bindings.stream().map(Binding::read).toArray(Function[]::new);
        this.readers = r;
        this.constants = bindings.stream().map(Binding::constant).toArray();
        this.perProposal = perProposal;
        this.amountThresholds = List.copyOf(amountThresholds);
    }

    /**
     * Checks and compiles an expression.
     *
     * @param text the expression as written in the policy
     * @param context what it may refer to
     * @return the compiled condition
     * @throws ExpressionException if the expression is not allowed, is malformed or has a type error
     */
    public static SandboxedExpression compile(String text, ExpressionContext context) throws ExpressionException {
        Expr tree = Parser.parse(text, context);
        Emitter emitter = new Emitter();
        String source = emitter.emit(tree, true);
        ParserContext parserContext = new ParserContext();
        parserContext.setStrictTypeEnforcement(true);
        parserContext.setStrongTyping(true);
        for (Binding b : emitter.bindings) {
            parserContext.addInput(b.name(), b.javaType());
        }
        Serializable compiled;
        try {
            compiled = MVEL.compileExpression(source, parserContext);
        } catch (RuntimeException e) {
            // the generated source only uses what the checker admitted; a failure here is our bug, not the user's
            throw new IllegalStateException("generated expression [" + source + "] for [" + text
                    + "] failed to compile: " + e.getMessage(), e);
        }
        return new SandboxedExpression(text, compiled, source, emitter.bindings, emitter.perProposal,
                new ArrayList<>(emitter.amountNumbers), tree, new ExprExplainer(context.severities(), context.roles()));
    }

    /**
     * Evaluates the expression compiled to closures, with the semantics of the MVEL source compiled at load: doubles,
     * and comparisons on absent facts false. A jqwik property keeps it, the tree and MVEL in agreement.
     */
    @Override
    public boolean test(Facts facts) {
        return condition.test(facts);
    }

    /** Evaluates the checked tree, as explanations do; the agreement property compares it with {@link #test}. */
    boolean testWithTree(Facts facts) {
        return Boolean.TRUE.equals(explainer.eval(tree, facts));
    }

    /** Evaluates the MVEL form compiled at load; the agreement property compares it with {@link #test}. */
    boolean testWithMvel(Facts facts) {
        Map<String, Object> variables = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            variables.put(names[i], readers[i] == null ? constants[i] : toMvel(readers[i].apply(facts)));
        }
        return Boolean.TRUE.equals(MVEL.executeExpression(compiled, variables));
    }

    @Override
    public void explain(Facts facts, List<Failure> failures) {
        if (!test(facts)) {
            explainer.explain(tree, facts, failures);
        }
    }


    /** Returns the expression as written. */
    public String text() {
        return text;
    }

    /** Returns the MVEL source that was compiled, for diagnostics. */
    public String generatedSource() {
        return generated;
    }

    /** Returns true if the expression reads {@code remedy} or {@code amount}. */
    @Override
    public boolean perProposal() {
        return perProposal;
    }

    /** Returns the numbers the expression uses when it reads {@code amount}, for latitude boundaries. */
    @Override
    public List<BigDecimal> amountThresholds() {
        return amountThresholds;
    }

    @Override
    public String toString() {
        return text;
    }

    static Object toMvel(Object value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).doubleValue();
        }
        if (value instanceof Integer) {
            return ((Integer) value).doubleValue();
        }
        if (value instanceof Instant) {
            return (double) ((Instant) value).toEpochMilli();
        }
        return value;
    }

    /** A variable of the generated source: read from the facts, or a constant string. */
    private record Binding(String name, Class<?> javaType, Function<Facts, Object> read, Object constant) {
    }

    /** Generates MVEL source from a checked tree. */
    private static final class Emitter {
        final List<Binding> bindings = new ArrayList<>();
        final Map<String, String> factVariables = new LinkedHashMap<>();
        final Set<BigDecimal> amountNumbers = new TreeSet<>();
        final Set<BigDecimal> numbers = new TreeSet<>();
        boolean perProposal;
        boolean readsAmount;

        String emit(Expr tree, boolean booleanContext) {
            String source = node(tree, booleanContext);
            if (readsAmount) {
                amountNumbers.addAll(numbers);
            }
            return source;
        }

        private String node(Expr e, boolean booleanContext) {
            if (e instanceof Expr.Literal) {
                return literal((Expr.Literal) e);
            }
            if (e instanceof Expr.FactRef) {
                String v = fact(((Expr.FactRef) e).path);
                if (booleanContext && e.type == FactType.BOOLEAN) {
                    return "(" + v + " != null && " + v + " == true)";
                }
                return v;
            }
            if (e instanceof Expr.Helper) {
                Expr.Helper h = (Expr.Helper) e;
                String name = "h" + bindings.size();
                bindings.add(new Binding(name, javaType(h.type), h.read, null));
                return name;
            }
            if (e instanceof Expr.Presence) {
                Expr.Presence p = (Expr.Presence) e;
                return "(" + fact(p.fact.path) + (p.present ? " != null)" : " == null)");
            }
            if (e instanceof Expr.Unary) {
                Expr.Unary u = (Expr.Unary) e;
                if (u.op.equals("!")) {
                    return "(!" + node(u.operand, true) + ")";
                }
                return "(0.0 - " + node(u.operand, false) + ")";
            }
            Expr.Binary b = (Expr.Binary) e;
            if (b.op.equals("&&") || b.op.equals("||")) {
                return "(" + node(b.left, true) + " " + b.op + " " + node(b.right, true) + ")";
            }
            String expression = "(" + node(b.left, false) + " " + b.op + " " + node(b.right, false) + ")";
            if (!b.isComparison()) {
                return expression;
            }
            Set<String> nullable = new java.util.LinkedHashSet<>();
            nullableFacts(b.left, nullable);
            nullableFacts(b.right, nullable);
            if (nullable.isEmpty()) {
                return expression;
            }
            StringBuilder guarded = new StringBuilder("(");
            for (String v : nullable) {
                guarded.append(v).append(" != null && ");
            }
            return guarded.append(expression).append(")").toString();
        }

        private void nullableFacts(Expr e, Set<String> out) {
            if (e instanceof Expr.FactRef) {
                FactPath path = ((Expr.FactRef) e).path;
                if (path.type() != FactType.SEVERITY && path.type() != FactType.ROLE) {
                    out.add(fact(path));
                }
            } else if (e instanceof Expr.Unary) {
                nullableFacts(((Expr.Unary) e).operand, out);
            } else if (e instanceof Expr.Binary && !((Expr.Binary) e).isComparison()
                    && !((Expr.Binary) e).op.equals("&&") && !((Expr.Binary) e).op.equals("||")) {
                nullableFacts(((Expr.Binary) e).left, out);
                nullableFacts(((Expr.Binary) e).right, out);
            }
        }

        private String fact(FactPath path) {
            if (path.perProposal()) {
                perProposal = true;
            }
            if (path.name().equals("amount")) {
                readsAmount = true;
            }
            return factVariables.computeIfAbsent(path.name(), n -> {
                String name = "f" + bindings.size();
                bindings.add(new Binding(name, javaType(path.type()), path::read, null));
                return name;
            });
        }

        private String literal(Expr.Literal l) {
            if (l.type == null) {
                return "null";
            }
            switch (l.type) {
                case BOOLEAN:
                    return l.value.toString();
                case NUMBER:
                    BigDecimal n = (BigDecimal) l.value;
                    numbers.add(n.abs());
                    return number(n.doubleValue());
                case SEVERITY:
                case ROLE:
                    return number(((Integer) l.value).doubleValue());
                case DATETIME:
                    return number((double) ((Instant) l.value).toEpochMilli());
                default:
                    String name = "s" + bindings.size();
                    bindings.add(new Binding(name, String.class, null, l.value));
                    return name;
            }
        }

        private static String number(double value) {
            String s = BigDecimal.valueOf(value).toPlainString();
            s = s.contains(".") ? s : s + ".0";
            return value < 0 ? "(" + s + ")" : s;
        }

        private static Class<?> javaType(FactType type) {
            switch (type) {
                case STRING:
                case REMEDY:
                    return String.class;
                case BOOLEAN:
                    return Boolean.class;
                default:
                    return Double.class;
            }
        }
    }
}
