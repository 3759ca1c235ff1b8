package org.resolutionpolicy.model.source;

/**
 * Locates something in a policy source: file, 1-based line and column.
 *
 * @param source the source name
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 */
public record Place(String source, int line, int column) {

    /** Returns a place that covers a whole source. */
    public static Place of(String source) {
        return new Place(source, 0, 0);
    }

    /** Returns this place moved right by {@code offset} columns on the same line. */
    public Place shifted(int offset) {
        return new Place(source, line, column + offset);
    }

    @Override
    public String toString() {
        return line == 0 ? source : source + ":" + line + ":" + column;
    }
}
