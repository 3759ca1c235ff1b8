package org.resolutionpolicy.spark;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.format.json.CaseJsonReader;
import org.resolutionpolicy.replay.BadLine;

/**
 * Reads one history line as the local replay does: the same reader, the same blank lines, the same limit on a line's
 * length and the same one-line problem text, so that both replays count the same cases and the same bad lines.
 */
final class HistoryLines {

    /** A line that holds a case. */
    static final String CASE = "case";
    /** A reload line of a decision log: no case, passed over. */
    static final String PASSED_OVER = "passed-over";
    /** A line of blanks only. */
    static final String BLANK = "blank";
    /** A line that cannot be decided: malformed JSON or case, or a case the policy refuses. */
    static final String BAD = "bad";

    /** The longest line, in UTF-8 bytes, that the local replay reads (its {@code LineSplitter.MAX_LINE_BYTES}). */
    static final int MAX_LINE_BYTES = 512 * 1024;

    private HistoryLines() {
    }

    /**
     * What one line holds.
     *
     * @param status one of {@link #CASE}, {@link #PASSED_OVER}, {@link #BLANK}, {@link #BAD}
     * @param customerCase the case, for {@link #CASE}
     * @param problem what is wrong, for {@link #BAD}
     */
    record Read(String status, CustomerCase customerCase, String problem) {

        static Read bad(String problem) {
            return new Read(BAD, null, problem);
        }
    }

    static Read read(String file, long line, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LINE_BYTES) {
            return Read.bad("longer than [" + MAX_LINE_BYTES + "] bytes; a case is one line of at most that");
        }
        if (blank(bytes)) {
            return new Read(BLANK, null, null);
        }
        try {
            Optional<CustomerCase> c = CaseJsonReader.readLine(bytes, 0, bytes.length, file, line);
            return c.map(cc -> new Read(CASE, cc, null)).orElseGet(() -> new Read(PASSED_OVER, null, null));
        } catch (InvalidCaseException e) {
            return Read.bad(BadLine.of(line, e).message());
        }
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Reads and decides one line of a history: {@code file string, line long, value string}. */
    @FunctionalInterface
    interface LineFunction {
        Row apply(String file, long line, String value);
    }

    /** Returns the rows a function makes of the lines of one partition, one by one, as Spark asks for them. */
    static Iterator<Row> eachLine(Iterator<Row> lines, LineFunction function) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Row next() {
                Row in = lines.next();
                return function.apply(in.getString(0), in.getLong(1), in.getString(2));
            }
        };
    }
}
