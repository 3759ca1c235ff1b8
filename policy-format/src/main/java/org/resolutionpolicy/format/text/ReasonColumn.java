package org.resolutionpolicy.format.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the REASONS column of a decision table so that rows fit a terminal. A continued reason is indented two
 * columns more than the REASONS heading, so a further reason (which starts right under the heading) stays apart.
 */
public final class ReasonColumn {

    /** The width the text output is made to fit. */
    public static final int WIDTH = 100;

    /** Below this many columns left for reasons, wrapping would make a tall thin column: rows stay long. */
    private static final int NARROWEST = 30;

    private static final String HEADING = "REASONS";

    private ReasonColumn() {
    }

    /**
     * Returns the table with every row that is wider than {@code width} wrapped at spaces in its REASONS column.
     *
     * @param table a decision table ({@link DecisionTable})
     * @param width the columns to fit
     * @return the wrapped table
     */
    public static String wrap(String table, int width) {
        String[] lines = table.split("\n", -1);
        StringBuilder out = new StringBuilder(table.length() + 64);
        int column = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            if (line.startsWith("  REMEDY ") && line.endsWith(HEADING)) {
                column = line.length() - HEADING.length();
            } else if (!line.startsWith("  ") || line.startsWith("  follow-up:")) {
                // a case's title line, a blank line or the follow-ups: the table has ended
                column = -1;
            } else if (column > 0 && line.length() > width && width - column >= NARROWEST) {
                out.append(line, 0, column);
                List<String> parts = split(line.substring(column), width - column, width - column - 2);
                out.append(parts.get(0));
                for (int k = 1; k < parts.size(); k++) {
                    out.append('\n').append(" ".repeat(column + 2)).append(parts.get(k));
                }
                continue;
            }
            out.append(line);
        }
        return out.toString();
    }

    /** Breaks text at spaces into a first line of at most {@code first} and further lines of at most {@code rest}. */
    private static List<String> split(String text, int first, int rest) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int limit = first;
        for (String word : text.trim().split(" +")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > limit) {
                parts.add(current.toString());
                current.setLength(0);
                limit = rest;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            // a word longer than the column stays whole: a broken rule id or URL is worse than a long line
            current.append(word);
        }
        parts.add(current.toString());
        return parts;
    }
}
