package org.resolutionpolicy.model.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.Windows;
import org.resolutionpolicy.model.value.WorkCalendar;

/**
 * The checked syntax tree of an expression. Only the node kinds below exist, which is what makes the sandbox
 * hold: there is no node for a method call, an object, a class, an assignment or a loop.
 *
 * <p>Analyses read a tree through the public accessors; only the parser builds one. Immutable.
 */
public abstract sealed class Expr permits Expr.Literal, Expr.FactRef, Expr.Helper, Expr.Unary, Expr.Binary,
        Expr.Presence, Expr.Call, Expr.Conditional {

    final int offset;
    final FactType type;
    /** How many operators nest in this node: 0 for a leaf, one more than the deeper operand for an operator. */
    final int height;

    Expr(int offset, FactType type, int height) {
        this.offset = offset;
        this.type = type;
        this.height = height;
    }

    /** Returns the 0-based offset of the node in the expression text. */
    public int offset() {
        return offset;
    }

    /** Returns the type of the node's value; null only for the {@code null} literal. */
    public FactType type() {
        return type;
    }

    /** Returns how many operators nest in this node: 0 for a leaf, one more than the deeper operand for an operator. */
    public int height() {
        return height;
    }

    /**
     * A number, string or boolean constant ({@code type} null for the {@code null} literal). Values are BigDecimal
     * for numbers, String for text and remedies, Boolean, Instant for dates, and an Integer rank for severities and
     * roles (resolved at load from the quoted name).
     */
    public static final class Literal extends Expr {
        final Object value;

        /** Creates a constant at an offset of the expression text; a parser builds trees, analyses read them. */
        public Literal(int offset, FactType type, Object value) {
            super(offset, type, 0);
            this.value = value;
        }

        /** Returns the constant, null for the {@code null} literal. */
        public Object value() {
            return value;
        }
    }

    /** A fact read from the case, absent (null) when the case lacks it. */
    public static final class FactRef extends Expr {
        final FactPath path;

        /** Creates a read of a fact at an offset of the expression text. */
        public FactRef(int offset, FactPath path) {
            super(offset, path.type(), 0);
            this.path = path;
        }

        /** Returns the fact read. */
        public FactPath path() {
            return path;
        }
    }

    /**
     * A value computed by one of the allowed helpers; never absent. What it computes is its {@link #kind()}; the
     * reader is built from the kind once, at load, so that deciding calls it directly.
     */
    public static final class Helper extends Expr {
        final String text;
        final HelperKind kind;
        final Function<Facts, Object> read;

        /** Creates a call of an allowed helper, as written, at an offset of the expression text. */
        public Helper(int offset, String text, HelperKind kind) {
            super(offset, kind.type(), 0);
            this.text = text;
            this.kind = kind;
            this.read = reader(kind);
        }

        /** Returns the helper as written, e.g. {@code history.count('voucher', 'P6M')}. */
        public String text() {
            return text;
        }

        /** Returns what the helper computes. */
        public HelperKind kind() {
            return kind;
        }

        /** Returns the function that computes the helper's value from a case's facts. */
        public Function<Facts, Object> read() {
            return read;
        }

        private static Function<Facts, Object> reader(HelperKind kind) {
            if (kind instanceof HelperKind.SeverityRank) {
                return Facts::severityRank;
            }
            if (kind instanceof HelperKind.RoleRank) {
                return Facts::employeeRank;
            }
            if (kind instanceof HelperKind.HistoryCount c) {
                return f -> BigDecimal.valueOf(Windows.use(f, c.remedy(), c.window(), BigDecimal.ZERO).count());
            }
            if (kind instanceof HelperKind.HistoryTotal t) {
                return f -> Windows.use(f, t.remedy(), t.window(), t.amountless()).total();
            }
            if (kind instanceof HelperKind.StartsWith s) {
                String prefix = s.prefix();
                return text(s.fact(), v -> v.startsWith(prefix));
            }
            if (kind instanceof HelperKind.EndsWith e) {
                String suffix = e.suffix();
                return text(e.fact(), v -> v.endsWith(suffix));
            }
            HelperKind.Contains c = (HelperKind.Contains) kind;
            String needle = c.needle();
            return text(c.fact(), v -> v.contains(needle));
        }

        private static Function<Facts, Object> text(FactPath fact, Predicate<String> test) {
            return f -> {
                Object value = fact.read(f);
                return value != null && test.test((String) value);
            };
        }
    }

    /** {@code !e} or {@code -e}. */
    public static final class Unary extends Expr {
        final String op;
        final Expr operand;

        /** Creates a unary operation ({@code !} or {@code -}) at an offset of the expression text. */
        public Unary(int offset, FactType type, String op, Expr operand) {
            super(offset, type, operand.height + 1);
            this.op = op;
            this.operand = operand;
        }

        /** Returns the operator: {@code !} (boolean) or {@code -} (number). */
        public String op() {
            return op;
        }

        /** Returns the operand. */
        public Expr operand() {
            return operand;
        }
    }

    /** Arithmetic, comparison or boolean connective. */
    public static final class Binary extends Expr {
        final String op;
        final Expr left;
        final Expr right;

        /** Creates a binary operation (arithmetic, comparison or boolean) at an offset of the expression text. */
        public Binary(int offset, FactType type, String op, Expr left, Expr right) {
            super(offset, type, Math.max(left.height, right.height) + 1);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        /**
         * Returns the operator: one of {@code + - * / %} (numbers), {@code == != < <= > >=} (operands of the same
         * type) or {@code && ||} (booleans).
         */
        public String op() {
            return op;
        }

        /** Returns the left operand. */
        public Expr left() {
            return left;
        }

        /** Returns the right operand. */
        public Expr right() {
            return right;
        }

        /** Returns true if the operator compares its operands. */
        public boolean isComparison() {
            return switch (op) {
                case "==", "!=", "<", "<=", ">", ">=" -> true;
                default -> false;
            };
        }
    }

    /** {@code fact == null} or {@code fact != null}: whether the case has the fact. */
    public static final class Presence extends Expr {
        final FactRef fact;
        final boolean present;

        /** Creates a presence test of a fact ({@code != null} or {@code == null}) at an offset of the expression text. */
        public Presence(int offset, FactRef fact, boolean present) {
            super(offset, FactType.BOOLEAN, 1);
            this.fact = fact;
            this.present = present;
        }

        /** Returns the fact tested. */
        public FactRef fact() {
            return fact;
        }

        /** Returns true for {@code != null}, false for {@code == null}. */
        public boolean present() {
            return present;
        }
    }

    /**
     * One of the allow-listed functions over expressions: {@code min(a, b, ..)}, {@code max(a, b, ..)},
     * {@code hoursBetween(d1, d2)}, {@code daysBetween(d1, d2)}, {@code businessDaysBetween(d1, d2)},
     * {@code floor(x)}, {@code ceil(x)}, {@code round(x)} (each with an optional whole-number literal of places,
     * {@code round(x, 2)}); a number, absent when an argument is. {@code plusMonths(d, n)} and {@code plusDays(d, n)}
     * are dates ({@link #type()} {@link FactType#DATETIME}).
     */
    public static final class Call extends Expr {
        final String function;
        final List<Expr> args;
        final WorkCalendar calendar;

        /** Creates a call of an allowed function, with the business calendar it counts days with and its height. */
        public Call(int offset, String function, List<Expr> args, WorkCalendar calendar, int height) {
            this(offset, FactType.NUMBER, function, args, calendar, height);
        }

        /** Creates a call of an allowed function whose value is of a type: a number, or a date for date arithmetic. */
        public Call(int offset, FactType type, String function, List<Expr> args, WorkCalendar calendar, int height) {
            super(offset, type, height);
            this.function = function;
            this.args = List.copyOf(args);
            this.calendar = calendar;
        }

        /** Returns the function's name as written. */
        public String function() {
            return function;
        }

        /** Returns the arguments, in order. */
        public List<Expr> args() {
            return args;
        }

        /** Returns the business calendar the call counts working days with. */
        public WorkCalendar calendar() {
            return calendar;
        }
    }

    /**
     * {@code condition ? then : otherwise}, MVEL's conditional: the value of {@code then} when the condition is true,
     * else of {@code otherwise} (an absent true/false fact reads as false, as everywhere); a number, absent when the
     * branch it takes is.
     */
    public static final class Conditional extends Expr {
        final Expr condition;
        final Expr then;
        final Expr otherwise;

        /** Creates a conditional at an offset of the expression text; both branches are of its type. */
        public Conditional(int offset, Expr condition, Expr then, Expr otherwise) {
            super(offset, then.type(), Math.max(condition.height, Math.max(then.height, otherwise.height)) + 1);
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        /** Returns the condition, true or false. */
        public Expr condition() {
            return condition;
        }

        /** Returns the value taken when the condition is true. */
        public Expr then() {
            return then;
        }

        /** Returns the value taken when the condition is not true. */
        public Expr otherwise() {
            return otherwise;
        }
    }
}
