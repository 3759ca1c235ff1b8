package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.expr.HelperKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.resolutionpolicy.api.Explanation.Failure;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.Facts;

/**
 * A condition written in MVEL syntax, admitted only after it passed the allow-list, compiled once, and evaluated
 * without any access to the outside world: the {@link Expression.Body} of a rule's {@link Expression} condition.
 *
 * <p>How the sandbox holds: the text is parsed by our own {@link Parser}, which knows only facts, literals,
 * operators and a fixed set of helpers, and rejects everything else with its position. Nothing of the text is ever
 * handed to an interpreter: decisions run the checked tree compiled to typed closures ({@link ExprCompiler}:
 * exact decimals, operators chosen at load), and explanations walk the tree itself.
 *
 * <p>Absent facts: every comparison that involves a fact the case lacks is false; {@code fact == null} tests
 * presence.
 *
 * <p>The semantics are MVEL's but for numbers, which are exact decimals here (MVEL computes in doubles): a quotient
 * rounds by the policy's {@link org.resolutionpolicy.model.value.Rounding} and a division by zero has no value.
 * Properties hold the closures and the tree to real MVEL on expressions whose numbers doubles hold exactly, and to a
 * {@code BigDecimal} oracle on money arithmetic. MVEL itself is a test dependency only. Immutable and thread-safe.
 */
public final class SandboxedExpression implements Expression.Body {

    private final String text;
    private final Expr tree;
    private final ExprExplainer explainer;
    private final ExprCompiler.Bool condition;
    private final boolean perProposal;
    private final List<BigDecimal> amountThresholds;

    private SandboxedExpression(String text, Expr tree, ExprExplainer explainer) {
        this.text = text;
        this.tree = tree;
        this.explainer = explainer;
        this.condition = new ExprCompiler(explainer).bool(tree);
        this.perProposal = readsProposal(tree);
        this.amountThresholds = reads(tree, "amount") || reads(tree, "total") ? numbers(tree) : List.of();
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
        return new SandboxedExpression(text, tree, new ExprExplainer(context.severities(), context.roles(),
                Arithmetic.of(context.rounding())));
    }

    /**
     * Evaluates the expression compiled to closures: exact decimals, and comparisons on absent facts false. jqwik
     * properties keep it, the tree, MVEL and a decimal oracle in agreement.
     */
    @Override
    public boolean test(Facts facts) {
        return condition.test(facts);
    }

    /** Evaluates the checked tree, as explanations do; the agreement property compares it with {@link #test}. */
    boolean testWithTree(Facts facts) {
        return Boolean.TRUE.equals(explainer.eval(tree, facts));
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

    /** Returns the checked tree, for analyses that walk conditions. */
    @Override
    public Expr tree() {
        return tree;
    }

    /** Returns true if the expression reads {@code remedy} or {@code amount}. */
    @Override
    public boolean perProposal() {
        return perProposal;
    }

    /**
     * Returns the numbers the expression uses when it reads {@code amount}, for latitude boundaries: the absolute
     * value of every number literal, ascending and distinct; empty when it does not read {@code amount}.
     */
    @Override
    public List<BigDecimal> amountThresholds() {
        return amountThresholds;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Returns a value as expressions compute with it: numbers, ranks and dates are exact decimals (a date its epoch
     * milliseconds), everything else is itself.
     */
    static Object toValue(Object value) {
        boolean numeric = value instanceof BigDecimal || value instanceof Integer || value instanceof Long
                || value instanceof Instant;
        return numeric ? Arithmetic.number(value) : value;
    }

    static boolean readsProposal(Expr e) {
        return anyFact(e, FactPath::perProposal);
    }

    private static boolean reads(Expr e, String fact) {
        return anyFact(e, path -> path.name().equals(fact));
    }

    /** Tests the facts the tree reads; of the helpers, only the text tests read a fact (history reads the case). */
    private static boolean anyFact(Expr e, Predicate<FactPath> test) {
        if (e instanceof Expr.FactRef f) {
            return test.test(f.path());
        }
        if (e instanceof Expr.Presence p) {
            return test.test(p.fact().path());
        }
        if (e instanceof Expr.Helper h) {
            HelperKind k = h.kind();
            return k instanceof HelperKind.StartsWith s && test.test(s.fact())
                    || k instanceof HelperKind.EndsWith x && test.test(x.fact())
                    || k instanceof HelperKind.Contains c && test.test(c.fact());
        }
        if (e instanceof Expr.Unary u) {
            return anyFact(u.operand(), test);
        }
        if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(arg -> anyFact(arg, test));
        }
        if (e instanceof Expr.Conditional c) {
            return anyFact(c.condition(), test) || anyFact(c.then(), test) || anyFact(c.otherwise(), test);
        }
        return e instanceof Expr.Binary b && (anyFact(b.left(), test) || anyFact(b.right(), test));
    }

    private static List<BigDecimal> numbers(Expr tree) {
        Set<BigDecimal> out = new TreeSet<>();
        collectNumbers(tree, out);
        return List.copyOf(out);
    }

    private static void collectNumbers(Expr e, Set<BigDecimal> out) {
        if (e instanceof Expr.Literal l && l.value() instanceof BigDecimal n) {
            out.add(n.abs());
        } else if (e instanceof Expr.Unary u) {
            collectNumbers(u.operand(), out);
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(arg -> collectNumbers(arg, out));
        } else if (e instanceof Expr.Conditional c) {
            collectNumbers(c.condition(), out);
            collectNumbers(c.then(), out);
            collectNumbers(c.otherwise(), out);
        } else if (e instanceof Expr.Binary b) {
            collectNumbers(b.left(), out);
            collectNumbers(b.right(), out);
        }
    }
}
