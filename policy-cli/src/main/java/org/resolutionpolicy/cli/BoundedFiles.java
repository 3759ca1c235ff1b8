package org.resolutionpolicy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the files the command line is given with bounds that hold while reading, never by the size a file reports
 * beforehand: {@code /dev/zero} reports a size of 0 and never ends, and a file may grow while it is read. A file read
 * whole must be a regular file and at most a limit; a log read line by line may be a pipe, but no line may be longer
 * than a limit. Either refusal is a usage error (exit 2) that says what the file is.
 */
final class BoundedFiles {

    /** The most a guarantees file may hold: 4 MiB, where one is usually a few kilobytes. */
    static final int MAX_GUARANTEES_BYTES = 4 * 1024 * 1024;
    /**
     * The longest line of a decision log: 1 Mi characters, above the 1,000,000 characters a line is read with at
     * most (a longer one would be counted as malformed), where a decision is a line of a few kilobytes.
     */
    static final int MAX_LOG_LINE_CHARS = 1024 * 1024;

    private BoundedFiles() {
    }

    /**
     * Reads a small file whole: only a regular file (or a link to one), and at most {@code max} bytes counted while
     * reading, as UTF-8.
     *
     * @param what names the file in messages, such as "guarantees file"
     * @throws PolicyCli.UsageProblem if it is not a regular file, is larger, or is not UTF-8
     * @throws IOException if it cannot be read
     */
    static String text(Path file, String what, int max) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new PolicyCli.UsageProblem(what + " [" + file + "] is " + (attributes.isDirectory() ? "a directory"
                    : "a pipe, device or socket") + ", not a regular file: it is read only from a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(max);
            if (bytes.length == max && in.read() != -1) {
                throw new PolicyCli.UsageProblem(what + " [" + file + "] is larger than " + size(max) + ": a " + what
                        + " is usually a few kilobytes");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyCli.UsageProblem(what + " [" + file + "] is not valid UTF-8 text");
        }
    }

    /**
     * Opens a file to read line by line, as UTF-8: a line longer than {@code maxLine} characters stops the reading
     * with a {@link LineTooLong}, before more of it is held.
     */
    static BufferedReader lines(Path file, int maxLine) throws IOException {
        return new BufferedReader(new LineBound(Files.newBufferedReader(file, StandardCharsets.UTF_8), file, maxLine));
    }

    /** A line longer than the limit: the reading stops there. */
    static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLong(String message) {
            super(message);
        }
    }

    /** Counts the characters of the line being read and refuses one longer than the limit. */
    private static final class LineBound extends Reader {
        private final Reader in;
        private final Path file;
        private final int maxLine;
        private long line = 1;
        private int length;
        private boolean afterCr;

        LineBound(Reader in, Path file, int maxLine) {
            this.in = in;
            this.file = file;
            this.maxLine = maxLine;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int n = in.read(buffer, offset, count);
            for (int i = offset; i < offset + n; i++) {
                char c = buffer[i];
                if (c == '\n' || c == '\r') {
                    // a line ends at \n, \r\n or a lone \r, as BufferedReader (and an editor) cuts lines
                    line += c == '\n' && afterCr ? 0 : 1;
                    afterCr = c == '\r';
                    length = 0;
                } else {
                    afterCr = false;
                    if (++length > maxLine) {
                        throw new LineTooLong("line " + line + " of [" + file + "] is longer than "
                                + String.format(Locale.ROOT, "%,d", maxLine) + " characters: this is not a decision "
                                + "log, whose lines are one decision each, of a few kilobytes");
                    }
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A limit as people read it: 4 MiB (4,194,304 bytes). */
    private static String size(int bytes) {
        return bytes / (1024 * 1024) + " MiB (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
    }
}
