package org.resolutionpolicy.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream of JSON lines into batches of whole lines, copying each byte once. A line ends at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as editors show lines and Spark's text reader cuts them, so a line number is
 * the one the user sees (a lone {@code \r} inside a line put a message on a line the file did not have). A line
 * longer than {@link #MAX_LINE_BYTES} is kept as a mark only, so a hostile file cannot make a line use more memory
 * than that.
 */
final class LineSplitter {

    /** The longest line kept: as many bytes as a case file may have characters. */
    static final int MAX_LINE_BYTES = 512 * 1024;
    /** A line's length in a batch when it was longer than {@link #MAX_LINE_BYTES}. */
    static final int TOO_LONG = -1;
    private static final int BATCH_LINES = 512;
    private static final int BATCH_BYTES = 128 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    private Batch current = new Batch(1);
    private int lineStart;
    private boolean tooLong;
    /** Whether the last line ended at a \r, whose \n (if it is next) belongs to the same line break. */
    private boolean afterCr;

    LineSplitter(InputStream in) {
        this.in = in;
    }

    /** Returns the next batch of whole lines, or null after the last. */
    Batch next() throws IOException {
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return last();
                }
                int n = in.read(buffer);
                if (n < 0) {
                    eof = true;
                    continue;
                }
                pos = 0;
                limit = n;
            }
            if (afterCr) {
                // the \n of a \r\n: the line already ended at the \r
                afterCr = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int newline = pos;
            while (newline < limit && buffer[newline] != '\n' && buffer[newline] != '\r') {
                newline++;
            }
            append(pos, newline);
            pos = newline < limit ? newline + 1 : limit;
            if (newline < limit) {
                afterCr = buffer[newline] == '\r';
                endLine();
                if (current.count >= BATCH_LINES || current.size >= BATCH_BYTES) {
                    Batch full = current;
                    current = new Batch(nextLine);
                    lineStart = 0;
                    return full;
                }
            }
        }
    }

    private Batch last() {
        if (current == null) {
            return null;
        }
        if (current.size > lineStart || tooLong) {
            endLine();
        }
        Batch b = current;
        current = null;
        return b.count == 0 ? null : b;
    }

    private void append(int from, int to) {
        if (tooLong || from == to) {
            return;
        }
        int length = current.size - lineStart + to - from;
        if (length > MAX_LINE_BYTES) {
            tooLong = true;
            current.size = lineStart;
            return;
        }
        current.ensure(to - from);
        System.arraycopy(buffer, from, current.data, current.size, to - from);
        current.size += to - from;
    }

    private void endLine() {
        int length = tooLong ? TOO_LONG : current.size - lineStart;
        current.add(lineStart, length);
        lineStart = current.size;
        tooLong = false;
        nextLine++;
    }

    /** Whole lines: their bytes, and where each starts and how long it is; line {@code firstLine + i} is entry i. */
    static final class Batch {
        final long firstLine;
        byte[] data = new byte[BATCH_BYTES + 1024];
        int size;
        int[] starts = new int[BATCH_LINES];
        int[] lengths = new int[BATCH_LINES];
        int count;

        Batch(long firstLine) {
            this.firstLine = firstLine;
        }

        void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        void add(int start, int length) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            starts[count] = start;
            lengths[count] = length;
            count++;
        }

        /** Returns true if line i holds nothing but white space. */
        boolean blank(int i) {
            for (int j = starts[i], end = starts[i] + lengths[i]; j < end; j++) {
                byte b = data[j];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
