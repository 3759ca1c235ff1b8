package org.resolutionpolicy.engine.internal.mvel;

import java.math.BigDecimal;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.expr.Expr;

/** Says the types and operands of expressions in the words of the parser's messages, and checks a type. */
final class TypeWords {

    private TypeWords() {
    }

    /** Throws unless the expression is of the type an operator or function wants. */
    static void requireType(Expr e, FactType wanted, String op) throws ExpressionException {
        if (e.type() != wanted) {
            throw new ExpressionException("[" + op + "] needs " + article(wanted) + " " + label(wanted) + ", but "
                    + operand(e) + " is " + article(e.type()) + " " + label(e.type()), e.offset(), null);
        }
    }

    /** Returns the article of a type's label: {@code a}, {@code an}. */
    static String article(FactType type) {
        return type == null ? "" : "aeiou".indexOf(label(type).charAt(0)) >= 0 ? "an" : "a";
    }

    /** Returns a type's label as messages say it; a remedy is a string. */
    static String label(FactType type) {
        return type == null ? "null" : type == FactType.REMEDY ? "string" : type.label();
    }

    /** Returns an operand as messages show it: a fact, helper or literal in brackets, else its column. */
    static String operand(Expr e) {
        if (e instanceof Expr.FactRef f) {
            return "[" + f.path().name() + "]";
        }
        if (e instanceof Expr.Helper h) {
            return "[" + h.text() + "]";
        }
        if (e instanceof Expr.Literal l) {
            return "[" + (l.value() instanceof BigDecimal n ? n.toPlainString() : String.valueOf(l.value())) + "]";
        }
        return "the expression at column " + (e.offset() + 1);
    }

    /** Returns true for the types of a scale or ladder, compared by rank. */
    static boolean isRanked(FactType type) {
        return type == FactType.SEVERITY || type == FactType.ROLE;
    }

    /** Returns a token as messages show it. */
    static String describe(Token t) {
        return t.kind() == Token.Kind.END ? "end of expression" : "[" + t.text() + "]";
    }
}
