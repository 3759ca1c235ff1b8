package org.resolutionpolicy.spark;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.resolutionpolicy.replay.HistoryException;

/**
 * Reads a history's lines as Hadoop's text input does ({@code \n}, {@code \r\n} and a lone {@code \r} end a line; a
 * plain file is split, a compressed one is not), with two differences that keep an executor alive and a failure
 * named. A line is never built longer than {@link HistoryLines#MAX_LINE_BYTES} plus one byte: the rest of a longer
 * line is read past and dropped as it streams by, so a line of gigabytes (a gzip bomb) costs no memory and still is
 * one line, reported bad with its number, the lines after it keeping theirs. And a {@code .gz} file is decompressed
 * as the local replay decompresses it: data after its last gzip member is refused, and any failure to read is a
 * {@link HistoryException} naming the file as {@link SparkHistory} names it.
 *
 * <p>Public only because Hadoop creates an input format by its public constructor; {@link SparkHistory#json} is the
 * way to read histories.
 */
public final class HistoryInputFormat extends FileInputFormat<LongWritable, Text> {

    /** The configuration key of the name messages give the file. */
    static final String NAME = "resolutionpolicy.history.name";

    /** Creates the input format, as Hadoop does for each job that reads with it. */
    public HistoryInputFormat() {
    }

    @Override
    protected boolean isSplitable(JobContext context, Path file) {
        return !file.getName().endsWith(".gz")
                && new CompressionCodecFactory(context.getConfiguration()).getCodec(file) == null;
    }

    @Override
    public RecordReader<LongWritable, Text> createRecordReader(InputSplit split, TaskAttemptContext context) {
        return new Reader();
    }

    /** Reads the lines of one split, each at most one byte over the limit. */
    static final class Reader extends RecordReader<LongWritable, Text> {

        private final LongWritable key = new LongWritable();
        private final Text value = new Text();
        private BoundedLines lines;
        private Decompressor decompressor;
        private String name;
        private long start;
        private long end;
        private long pos;

        @Override
        public void initialize(InputSplit genericSplit, TaskAttemptContext context) throws IOException {
            FileSplit split = (FileSplit) genericSplit;
            Configuration conf = context.getConfiguration();
            Path file = split.getPath();
            name = conf.get(NAME, file.toString());
            try {
                FSDataInputStream in = file.getFileSystem(conf).open(file);
                start = split.getStart();
                end = start + split.getLength();
                CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
                if (file.getName().endsWith(".gz")) {
                    lines = new BoundedLines(org.resolutionpolicy.replay.History.gunzipWhole(in));
                    end = Long.MAX_VALUE;
                } else if (codec != null) {
                    decompressor = CodecPool.getDecompressor(codec);
                    lines = new BoundedLines(codec.createInputStream(in, decompressor));
                    end = Long.MAX_VALUE;
                } else {
                    in.seek(start);
                    lines = new BoundedLines(in);
                    if (start != 0) {
                        // the line that starts before this split is the previous split's: it reads one line past its end
                        start += Math.max(0, lines.next(null));
                    }
                }
                pos = start;
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            }
        }

        @Override
        public boolean nextKeyValue() throws IOException {
            if (pos > end) {
                return false;
            }
            try {
                key.set(pos);
                long consumed = lines.next(value);
                if (consumed < 0) {
                    return false;
                }
                pos += consumed;
                return true;
            } catch (IOException | RuntimeException e) {
                throw failure(e);
            }
        }

        private HistoryException failure(Exception e) {
            String why = e instanceof EOFException ? "the gzip stream ends too early (a truncated file?)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new HistoryException("cannot read history [" + name + "]: " + why, e);
        }

        @Override
        public LongWritable getCurrentKey() {
            return key;
        }

        @Override
        public Text getCurrentValue() {
            return value;
        }

        @Override
        public float getProgress() {
            return end == Long.MAX_VALUE || end == start ? 0 : Math.min(1, (pos - start) / (float) (end - start));
        }

        @Override
        public void close() throws IOException {
            try {
                if (lines != null) {
                    lines.in.close();
                }
            } finally {
                if (decompressor != null) {
                    CodecPool.returnDecompressor(decompressor);
                    decompressor = null;
                }
            }
        }
    }

    /** Splits a stream into lines, keeping at most one byte more of a line than a line may have. */
    static final class BoundedLines {

        /** What is kept of a line at most: one byte more than the limit, so that a longer line is seen as such. */
        static final int KEPT = HistoryLines.MAX_LINE_BYTES + 1;

        final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int length;
        private int at;

        BoundedLines(InputStream in) {
            this.in = in;
        }

        /**
         * Reads one line into {@code into} (its first {@link #KEPT} bytes, without the line's end), or only past it
         * when {@code into} is null.
         *
         * @return the bytes read, the line's end included, or -1 at the end of the stream
         */
        long next(Text into) throws IOException {
            if (into != null) {
                into.clear();
            }
            long consumed = 0;
            boolean any = false;
            while (true) {
                if (at == length) {
                    length = in.read(buffer, 0, buffer.length);
                    at = 0;
                    if (length <= 0) {
                        length = 0;
                        return any ? consumed : -1;
                    }
                }
                any = true;
                int from = at;
                while (at < length && buffer[at] != '\n' && buffer[at] != '\r') {
                    at++;
                }
                keep(into, from, at);
                consumed += at - from;
                if (at < length) {
                    byte eol = buffer[at++];
                    consumed++;
                    if (eol == '\r') {
                        if (at == length) {
                            length = in.read(buffer, 0, buffer.length);
                            at = 0;
                            if (length <= 0) {
                                length = 0;
                                return consumed;
                            }
                        }
                        if (buffer[at] == '\n') {
                            at++;
                            consumed++;
                        }
                    }
                    return consumed;
                }
            }
        }

        private void keep(Text into, int from, int to) {
            if (into == null) {
                return;
            }
            int room = KEPT - into.getLength();
            if (room > 0) {
                into.append(buffer, from, Math.min(room, to - from));
            }
        }
    }
}
