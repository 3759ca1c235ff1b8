package org.resolutionpolicy.drools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolutionpolicy.model.source.Place;

/**
 * The text of one DRL source as the load-time checks read it: comments blanked out (so that a commented-out call
 * is not checked), every offset kept, so that a place in the masked text is the place in the file; the rules it
 * holds, each with its condition and consequence; and the arguments of a call.
 */
final class DrlText {

    private static final Pattern RULE = Pattern.compile(
            "(?m)^[ \t]*rule[ \t]+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s\"']+))");
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \t]*end\\b");
    /** The {@code end} of a rule written on one line: the last word of its line, after the consequence. */
    private static final Pattern LINE_END = Pattern.compile("(?m)(?<![\\w.$])end[ \t]*\r?$");

    /** One rule of the source: its name, where its header, condition ({@code when}) and consequence start and end. */
    record RuleSpan(String name, int start, int whenStart, int thenStart, int end) {

        /** Returns true if the offset lies in the rule's condition. */
        boolean inCondition(int offset) {
            return offset >= whenStart && offset < thenStart;
        }
    }

    /** One argument of a call: its text, trimmed, and where it starts. */
    record Arg(String text, int start) {

        private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?[dDfFlL]?");

        /** Returns the value of a string literal, or null when the argument is not one. */
        String string() {
            Matcher m = STRING.matcher(text);
            return m.matches() ? m.group(1).replace("\\\"", "\"") : null;
        }

        /** Returns true for the literal {@code null}. */
        boolean isNull() {
            return text.equals("null");
        }

        /** Returns true for a number literal. */
        boolean isNumber() {
            return NUMBER.matcher(text).matches();
        }

        /** Returns where the value of a string literal starts (after its quote). */
        int valueStart() {
            return string() != null ? start + 1 : start;
        }
    }

    private final String source;
    private final String text;
    private final String masked;
    private final List<RuleSpan> rules;

    DrlText(String source, String text) {
        this.source = source;
        this.text = text;
        this.masked = mask(text);
        this.rules = rules(masked);
    }

    String source() {
        return source;
    }

    /** Returns the text as written. */
    String text() {
        return text;
    }

    /** Returns the text with comments replaced by spaces, line breaks kept. */
    String masked() {
        return masked;
    }

    List<RuleSpan> rules() {
        return rules;
    }

    /** Returns the rule an offset lies in, or null. */
    RuleSpan ruleAt(int offset) {
        for (RuleSpan r : rules) {
            if (offset >= r.start() && offset < r.end()) {
                return r;
            }
        }
        return null;
    }

    /** Returns the place of an offset. */
    Place place(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Place(source, line, offset - lineStart + 1);
    }

    /** Returns the offset of a 1-based line and column. */
    int offset(int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        return offset < 0 ? text.length() : Math.min(text.length(), offset + Math.max(0, column - 1));
    }

    /**
     * Returns the arguments of the call whose opening parenthesis is at {@code open}, or null when the call is not
     * closed. Nested calls, brackets and string literals are skipped over.
     */
    List<Arg> args(int open) {
        List<Arg> args = new ArrayList<>();
        int depth = 0;
        int argStart = open + 1;
        for (int i = open + 1; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '"') {
                i = stringEnd(masked, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || c == ',' && depth == 0) {
                String raw = masked.substring(argStart, i);
                String trimmed = raw.strip();
                if (!trimmed.isEmpty() || c == ',' || !args.isEmpty()) {
                    args.add(new Arg(trimmed, argStart + raw.indexOf(trimmed.isEmpty() ? "" : trimmed)));
                }
                if (c == ')') {
                    return args;
                }
                argStart = i + 1;
            }
        }
        return null;
    }

    /** Returns the offset of the closing parenthesis matching the one at {@code open}, or -1. */
    int closing(int open) {
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '"') {
                i = stringEnd(masked, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Returns where the string literal whose opening quote is at {@code quote} ends (its closing quote, or a line end). */
    static int stringEnd(String s, int quote) {
        for (int i = quote + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '\n') {
                return i;
            }
        }
        return s.length();
    }

    /** Blanks out {@code //} and {@code /* *\/} comments, leaving strings and line breaks where they were. */
    static String mask(String text) {
        StringBuilder b = new StringBuilder(text);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '"') {
                i = stringEnd(text, i) + 1;
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '/') {
                while (i < b.length() && b.charAt(i) != '\n') {
                    b.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < b.length() && b.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? b.length() : end + 2;
                for (; i < end; i++) {
                    if (b.charAt(i) != '\n') {
                        b.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return b.toString();
    }

    private static List<RuleSpan> rules(String masked) {
        List<RuleSpan> rules = new ArrayList<>();
        Matcher rule = RULE.matcher(masked);
        int from = 0;
        while (from < masked.length() && rule.find(from)) {
            String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
            Matcher end = END.matcher(masked);
            int endAt = end.find(rule.end()) ? end.end() : masked.length();
            Matcher when = WHEN.matcher(masked).region(rule.end(), endAt);
            int whenAt = when.find() ? when.end() : rule.end();
            Matcher then = THEN.matcher(masked).region(whenAt, endAt);
            int thenAt = then.find() ? then.start() : endAt;
            if (thenAt < endAt) {
                // a rule on one line ends with it, before the next rule's "end" at the start of a line
                Matcher last = LINE_END.matcher(masked).region(then.end(), endAt);
                if (last.find()) {
                    endAt = last.start() + "end".length();
                }
            }
            rules.add(new RuleSpan(name, rule.start(), whenAt, thenAt, endAt));
            from = endAt;
        }
        return rules;
    }
}
