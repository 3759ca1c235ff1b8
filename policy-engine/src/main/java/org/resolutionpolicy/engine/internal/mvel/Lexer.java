package org.resolutionpolicy.engine.internal.mvel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens, refusing every character that the allowed subset does not use.
 *
 * <p>This is the first gate of the sandbox: assignment, statement separators, inline collections, projections,
 * property-safe navigation and every other MVEL construct that is not listed here never reach the parser.
 *
 * <p>Outside string literals only ASCII is read: a digit from another script ({@code U+0665}) or a letter that
 * looks like a Latin one ({@code U+0430}) would make what the engine decides differ from what a reviewer reads, so
 * it is refused, named by its code point and Unicode name.
 */
final class Lexer {

    static final int MAX_LENGTH = 2000;
    static final int MAX_STRING = 200;
    /** The most digits a number may have before its point, and after it: as for the numbers of a case. */
    static final int MAX_NUMBER_DIGITS = 18;

    private static final String[] OPERATORS = {"==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/",
        "%", "(", ")", ",", ".", "?", ":"};

    private Lexer() {
    }

    // one loop over the characters, a branch per token kind: longer than 60 lines, but split it reads worse
    static List<Token> tokens(String text) throws ExpressionException {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("expression is too long: [" + text.length() + "] characters, at most ["
                    + MAX_LENGTH + "]", 0, "split it into several rules; a rule's conditions are AND-ed");
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                throw nonAscii(text, i);
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c)) {
                int start = i;
                while (i < text.length() && isDigit(text.charAt(i))) {
                    i++;
                }
                if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
                    i++;
                    while (i < text.length() && isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                if (i < text.length() && isLetter(text.charAt(i))) {
                    throw new ExpressionException("malformed number [" + text.substring(start, i + 1) + "]", start,
                            "numbers are written plainly, like 50 or 12.5");
                }
                String number = text.substring(start, i);
                String problem = outOfBounds(number);
                if (problem != null) {
                    throw new ExpressionException("number [" + abbreviate(number) + "] is " + problem, start,
                            "numbers are exact decimals of at most " + MAX_NUMBER_DIGITS
                                    + " digits before and after the point");
                }
                tokens.add(new Token(Token.Kind.NUMBER, number, start));
            } else if (isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (isLetter(text.charAt(i)) || isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENT, text.substring(start, i), start));
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new ExpressionException("unterminated string", start, "close it with " + c);
                    }
                    char d = text.charAt(i);
                    if (d == c) {
                        i++;
                        break;
                    }
                    if (d == '\\') {
                        throw new ExpressionException("escapes in strings are not allowed", i,
                                "use the other quote character for a quote inside a string");
                    }
                    value.append(d);
                    i++;
                }
                if (value.length() > MAX_STRING) {
                    throw new ExpressionException("string is too long: at most [" + MAX_STRING + "] characters", start, null);
                }
                tokens.add(new Token(Token.Kind.STRING, value.toString(), start));
            } else {
                String op = operatorAt(text, i);
                if (op == null) {
                    throw forbidden(text, i);
                }
                tokens.add(new Token(Token.Kind.OP, op, i));
                i += op.length();
            }
        }
        tokens.add(new Token(Token.Kind.END, "", text.length()));
        return tokens;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Refuses a character outside ASCII, naming it: {@code [٥] (U+0665 ARABIC-INDIC DIGIT FIVE)}. */
    private static ExpressionException nonAscii(String text, int i) {
        int codePoint = text.codePointAt(i);
        String name = Character.getName(codePoint);
        String shown = "[" + new String(Character.toChars(codePoint)) + "] (" + String.format("U+%04X", codePoint)
                + (name == null ? "" : " " + name) + ")";
        String hint = Character.isDigit(codePoint) ? "write digits as 0-9"
                : Character.isLetter(codePoint) ? "names are written in ASCII letters; a look-alike letter names a "
                        + "different fact" : "remove it, or quote it if it is part of a text";
        return new ExpressionException("character " + shown + " is not allowed outside quotes", i, hint);
    }

    private static String operatorAt(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private static ExpressionException forbidden(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case '=' -> new ExpressionException("assignment is not allowed", i, "compare with [==]");
            case ';' -> new ExpressionException("only one expression is allowed: [;] separates statements", i,
                    "combine conditions with [&&] or write several rules");
            case '[', ']', '{', '}' -> new ExpressionException("inline lists, maps and blocks are not allowed: [" + c
                    + "]", i, "use a matcher list such as `customer.tier: [GOLD, PLATINUM]`");
            case '&', '|' -> new ExpressionException("bitwise operator [" + c + "] is not allowed", i,
                    "use [&&] or [||]");
            default -> new ExpressionException("character [" + c + "] is not allowed in an expression", i, null);
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "..." : s;
    }

    /**
     * Returns why a number is beyond the bounds of exact numbers (too large: more than 18 digits before the point
     * once leading zeros go; too precise: more than 18 after it once trailing zeros go), or null.
     */
    static String outOfBounds(String number) {
        int point = number.indexOf('.');
        String whole = (point < 0 ? number : number.substring(0, point)).replaceFirst("^0+", "");
        String fraction = point < 0 ? "" : number.substring(point + 1).replaceFirst("0+$", "");
        if (whole.length() > MAX_NUMBER_DIGITS) {
            return "too large: [" + whole.length() + "] digits before the point, at most [" + MAX_NUMBER_DIGITS + "]";
        }
        if (fraction.length() > MAX_NUMBER_DIGITS) {
            return "too precise: [" + fraction.length() + "] digits after the point, at most [" + MAX_NUMBER_DIGITS
                    + "]";
        }
        return null;
    }
}
