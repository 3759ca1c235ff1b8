package org.resolutionpolicy.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompresses gzip members one after another and refuses what follows the last member when it is not gzip, as the
 * local replay's history does (policy-replay's {@code History.WholeGzip}, with its words): {@link GZIPInputStream}
 * ends there without a word, and Hadoop's gzip codec fails with a message that names no file.
 */
final class WholeGzipStream extends GZIPInputStream {

    /** What a finished member leaves unread in the inflater: its trailer (CRC and size). */
    private static final int TRAILER = 8;

    /** What the local replay says of data after the gzip stream. */
    static final String TRAILING = "data follows the end of the gzip stream and is not gzip (plain lines appended to"
            + " a compressed history?): decompress the history and compress it whole, or append gzip members only";

    WholeGzipStream(InputStream in) throws IOException {
        super(in, 1 << 16);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && (inf.getRemaining() > TRAILER || in.read() >= 0)) {
            throw new ZipException(TRAILING);
        }
        return n;
    }
}
