package org.resolutionpolicy.replay;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Names a history to replay: JSON lines, one case per line in the case format that {@code policy decide} reads,
 * optionally gzip-compressed (told by the file's first bytes, not its name). A line of a decision log written with
 * {@code DecisionLog.Options.withCases()} counts as its case, and a reload line of such a log is passed over.
 * Blank lines are passed over too. See {@code docs/history.md}.
 *
 * <pre>{@code
 * ReplayReport report = Replay.of(policy).run(History.of(Path.of("cases-2026q3.jsonl.gz")));
 * }</pre>
 */
public final class History {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final String name;
    private final Path file;
    private final InputStream stream;
    private final AtomicBoolean used = new AtomicBoolean();

    private History(String name, Path file, InputStream stream) {
        this.name = name;
        this.file = file;
        this.stream = stream;
    }

    /**
     * Returns the history held in a file; it is opened by each run, so the history may be replayed many times.
     *
     * @param file a {@code .jsonl} file, or one compressed with gzip
     * @return the history
     * @throws NullPointerException if file is null
     */
    public static History of(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        return new History(file.toString(), file, null);
    }

    /**
     * Returns a history read from a stream, once; the run that reads it closes it.
     *
     * @param name how messages name the history
     * @param in the JSON lines, plain or gzip-compressed
     * @return the history
     * @throws NullPointerException if name or in is null
     */
    public static History of(String name, InputStream in) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(in, "in must not be null");
        return new History(name, null, in);
    }

    /** Returns how messages name this history: its file, or the name it was given. */
    public String name() {
        return name;
    }

    /** Returns the history's name. */
    @Override
    public String toString() {
        return "History[" + name + "]";
    }

    /** Opens the lines: the size of what is read for progress, and the bytes, decompressed when they are gzip. */
    Opened open() {
        try {
            InputStream raw;
            long size;
            if (file != null && Files.isRegularFile(file)) {
                raw = Files.newInputStream(file);
                size = Files.size(file);
            } else if (file != null) {
                // a pipe (/dev/stdin, <(...)): its channel cannot tell what is left ("Illegal seek"); a FileInputStream
                // can, and its size is unknown
                raw = new FileInputStream(file.toFile());
                size = -1;
            } else if (used.compareAndSet(false, true)) {
                raw = stream;
                size = -1;
            } else {
                throw new IllegalStateException("the history [" + name + "] was read from a stream, which can be read once");
            }
            Counting counted = new Counting(raw);
            BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            InputStream lines = first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2 ? WholeGzip.open(in) : in;
            return new Opened(lines, counted, size);
        } catch (TruncatedGzip e) {
            throw new HistoryException("history [" + name + "] is a truncated gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HistoryException("cannot read history [" + name + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a gzip history's lines, its members one after another, refusing data after the last member that is not
     * gzip (a {@link java.util.zip.ZipException} saying so) where {@link GZIPInputStream} would end without a word:
     * what this class reads a {@code .gz} history with, for readers of their own (Spark's splits).
     *
     * @param in the compressed bytes
     * @return the decompressed bytes
     * @throws IOException if the gzip header cannot be read
     */
    public static InputStream gunzipWhole(InputStream in) throws IOException {
        return new WholeGzip(in);
    }

    /**
     * Decompresses gzip members one after another, as {@link GZIPInputStream} does, and refuses what follows the last
     * member when it is not gzip: {@code GZIPInputStream} ends there without a word, so plain lines appended to a
     * compressed history would be dropped, their cases and money missing from the report.
     */
    private static final class WholeGzip extends GZIPInputStream {

        /** What a finished member leaves unread in the inflater: its trailer (CRC and size). */
        private static final int TRAILER = 8;

        WholeGzip(InputStream in) throws IOException {
            super(new MayHaveMore(in), 1 << 16);
        }

        /** Opens the stream, its gzip header read; a header cut short is a {@link TruncatedGzip}. */
        static WholeGzip open(InputStream in) throws IOException {
            try {
                return new WholeGzip(in);
            } catch (java.io.EOFException e) {
                throw new TruncatedGzip("it ends inside its gzip header (a download or copy cut short?)");
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (java.io.EOFException e) {
                throw new TruncatedGzip("it is a truncated gzip file: it ends before its compressed data does (a "
                        + "download or copy cut short?)");
            }
            if (n < 0 && (inf.getRemaining() > TRAILER || in.read() >= 0)) {
                throw new java.util.zip.ZipException("data follows the end of the gzip stream and is not gzip (plain "
                        + "lines appended to a compressed history?): decompress the history and compress it whole, or "
                        + "append gzip members only");
            }
            return n;
        }
    }

    /** A gzip file that ends before its stream does: the EOFException of a header cut short says only "null". */
    static final class TruncatedGzip extends java.util.zip.ZipException {
        private static final long serialVersionUID = 1L;

        TruncatedGzip(String message) {
            super(message);
        }
    }

    /**
     * Says more may follow unless the stream is known to have ended: {@link GZIPInputStream} looks for a next member
     * only when its source says bytes are available, and a pipe may say none only because its writer is slow; the
     * next member would then be taken for data that is not gzip. At the real end the look finds nothing, as it should.
     */
    private static final class MayHaveMore extends FilterInputStream {
        MayHaveMore(InputStream in) {
            super(in);
        }

        @Override
        public int available() throws IOException {
            return Math.max(1, super.available());
        }
    }

    /**
     * An open history.
     *
     * @param in the JSON lines
     * @param counted counts the bytes read from the file
     * @param size the file's size, or -1
     */
    record Opened(InputStream in, Counting counted, long size) {
    }

    /** Counts the bytes read from the file itself, beneath any decompression, for progress. */
    static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
