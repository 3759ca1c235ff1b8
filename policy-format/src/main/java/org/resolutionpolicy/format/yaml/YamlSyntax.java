package org.resolutionpolicy.format.yaml;

import org.resolutionpolicy.model.source.Place;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Describes a YAML syntax error where the mistake is, with a hint for the common mistakes.
 *
 * <p>SnakeYAML reports where it noticed the error, which for an unclosed bracket or quote, or a key without its
 * {@code ':'}, is a line or more after the mistake; it says where the construct began only as the "context". This
 * class points at the construct instead, and for indentation mistakes (a key indented more or less than the keys
 * beside it, a tab) says so with the columns involved.
 */
final class YamlSyntax {

    /**
     * A located syntax error.
     *
     * @param place where the mistake is
     * @param message what is wrong, starting {@code invalid YAML:}
     * @param hint how to fix it, or null
     */
    record Error(Place place, String message, String hint) {
    }

    private YamlSyntax() {
    }

    /**
     * Describes a syntax error of the text.
     *
     * @param source the name used in the place
     * @param text the YAML text the error was found in
     * @param e the error
     * @return the error, located at the mistake
     */
    static Error describe(String source, String text, MarkedYAMLException e) {
        Mark problem = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark context = e.getContextMark();
        String what = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        String during = oneLine(e.getContext());
        if (problem == null) {
            return new Error(Place.of(source), "invalid YAML: " + what, during.isEmpty() ? null : during);
        }
        String[] lines = text.split("\n", -1);
        int line = problem.getLine() + 1;
        if (what.contains("'\\t(TAB)'")) {
            return new Error(at(source, problem), "invalid YAML: a tab character where indentation or a value was "
                    + "expected", "indent with spaces only: YAML does not allow tabs in indentation");
        }
        if (context != null && context.getLine() < problem.getLine()) {
            if (during.contains("simple key")) {
                return new Error(at(source, context), "invalid YAML: this line has no ':' after its key",
                        "write key: value; a value continued on the next line must be indented more than its key");
            }
            if (during.contains("quoted scalar")) {
                return new Error(at(source, context), "invalid YAML: the quote opened here is never closed",
                        "close it on this line; inside '...' write a ' as '', inside \"...\" write a \" as \\\"");
            }
            if (during.contains("flow mapping") || during.contains("flow sequence")) {
                char bracket = during.contains("mapping") ? '{' : '[';
                return new Error(at(source, context), "invalid YAML: " + what,
                        "the '" + bracket + "' opened here is not closed before line " + line + ": close it with '"
                                + (bracket == '{' ? '}' : ']') + "', and separate its entries with ','");
            }
        }
        if (what.startsWith("expected <block end>") || what.startsWith("mapping values are not allowed")
                || what.startsWith("did not find expected key") || what.startsWith("did not find expected '-'")) {
            int indent = indent(lines, line);
            Place place = new Place(source, line, indent + 1);
            return new Error(place, "invalid YAML: " + what, indentationHint(lines, line, indent, what));
        }
        return new Error(at(source, problem), "invalid YAML: " + what, during.isEmpty() ? null : during);
    }

    /** Explains a line whose indentation does not fit the lines above it. */
    private static String indentationHint(String[] lines, int line, int indent, String what) {
        int above = line - 1;
        while (above >= 1 && isBlank(lines[above - 1])) {
            above--;
        }
        if (above < 1) {
            return null;
        }
        int previous = indent(lines, above);
        if (indent > previous) {
            return "this line is indented " + indent + " spaces, more than line " + above + " (" + previous
                    + "): keys of one map must start at the same column; if it continues the value above, quote "
                    + "that value";
        }
        if (indent < previous) {
            return "this line is indented " + indent + " spaces, less than line " + above + " (" + previous
                    + ") but not as little as an enclosing key: keys of one map, and the items of one list, must "
                    + "start at the same column";
        }
        return what.startsWith("mapping values")
                ? "a value may not contain ': ' unless it is quoted: write key: \"a: b\""
                : "this line starts at the same column as line " + above + " but cannot continue it: check the "
                        + "indentation of the lines above";
    }

    private static boolean isBlank(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    /** Returns how many spaces the 1-based line starts with. */
    private static int indent(String[] lines, int line) {
        if (line < 1 || line > lines.length) {
            return 0;
        }
        String text = lines[line - 1];
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static Place at(String source, Mark mark) {
        return new Place(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Returns the text on one line, runs of white space as one space; null as empty. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
