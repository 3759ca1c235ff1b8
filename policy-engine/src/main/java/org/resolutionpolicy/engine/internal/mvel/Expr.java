package org.resolutionpolicy.engine.internal.mvel;

import java.util.function.Function;
import org.resolutionpolicy.engine.internal.model.FactPath;
import org.resolutionpolicy.engine.internal.model.FactType;
import org.resolutionpolicy.engine.internal.model.Facts;

/**
 * The checked syntax tree of an expression. Only the node kinds below exist, which is what makes the sandbox
 * hold: there is no node for a method call, an object, a class, an assignment or a loop.
 */
abstract class Expr {

    final int offset;
    final FactType type;

    Expr(int offset, FactType type) {
        this.offset = offset;
        this.type = type;
    }

    /** A number, string or boolean constant ({@code type} null for the {@code null} literal). */
    static final class Literal extends Expr {
        final Object value;

        Literal(int offset, FactType type, Object value) {
            super(offset, type);
            this.value = value;
        }
    }

    /** A fact read from the case, absent (null) when the case lacks it. */
    static final class FactRef extends Expr {
        final FactPath path;

        FactRef(int offset, FactPath path) {
            super(offset, path.type());
            this.path = path;
        }
    }

    /** A value computed by one of the allowed helpers; never absent. */
    static final class Helper extends Expr {
        final String text;
        final Function<Facts, Object> read;

        Helper(int offset, FactType type, String text, Function<Facts, Object> read) {
            super(offset, type);
            this.text = text;
            this.read = read;
        }
    }

    /** {@code !e} or {@code -e}. */
    static final class Unary extends Expr {
        final String op;
        final Expr operand;

        Unary(int offset, FactType type, String op, Expr operand) {
            super(offset, type);
            this.op = op;
            this.operand = operand;
        }
    }

    /** Arithmetic, comparison or boolean connective. */
    static final class Binary extends Expr {
        final String op;
        final Expr left;
        final Expr right;

        Binary(int offset, FactType type, String op, Expr left, Expr right) {
            super(offset, type);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        boolean isComparison() {
            return op.equals("==") || op.equals("!=") || op.equals("<") || op.equals("<=") || op.equals(">")
                    || op.equals(">=");
        }
    }

    /** {@code fact == null} or {@code fact != null}: whether the case has the fact. */
    static final class Presence extends Expr {
        final FactRef fact;
        final boolean present;

        Presence(int offset, FactRef fact, boolean present) {
            super(offset, FactType.BOOLEAN);
            this.fact = fact;
            this.present = present;
        }
    }
}
