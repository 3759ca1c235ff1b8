package org.resolutionpolicy.engine.internal.mvel;

/**
 * One token of an expression.
 *
 * @param kind what kind of token
 * @param text its text (for strings, the unquoted value)
 * @param offset where it starts, 0-based
 */
record Token(Kind kind, String text, int offset) {

    enum Kind { NUMBER, STRING, IDENT, OP, END }

    boolean is(String op) {
        return kind == Kind.OP && text.equals(op);
    }
}
