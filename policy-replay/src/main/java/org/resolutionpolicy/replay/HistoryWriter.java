package org.resolutionpolicy.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.format.json.CaseJson;
import org.resolutionpolicy.format.json.JsonText;

/**
 * Writes cases as a history: one line of case JSON per case, which {@link History} and {@code policy decide} read
 * back into equal cases. Not thread-safe; close it to flush.
 *
 * <pre>{@code
 * try (HistoryWriter out = HistoryWriter.create(Path.of("history.jsonl.gz"))) {
 *     cases.forEach(out::write);
 * }
 * }</pre>
 */
public final class HistoryWriter implements AutoCloseable {

    /** Writes each case straight to the writer, line by line, without a string or tree per case. */
    private final JsonGenerator out;
    private final String name;

    private HistoryWriter(Writer out, String name) {
        this.out = JsonText.lines(out);
        this.name = name;
    }

    /**
     * Creates (or replaces) a history file, gzip-compressed when its name ends in {@code .gz}.
     *
     * @param file the file
     * @return the writer
     * @throws NullPointerException if file is null
     * @throws PolicyException if the file cannot be created
     */
    public static HistoryWriter create(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        try {
            OutputStream raw = Files.newOutputStream(file);
            OutputStream stream = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
            return new HistoryWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
                    file.toString());
        } catch (IOException e) {
            throw new PolicyException("cannot create history [" + file + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a writer on a writer the caller owns; closing this closes it.
     *
     * @param writer where the lines go
     * @return the history writer
     * @throws NullPointerException if writer is null
     */
    public static HistoryWriter on(Writer writer) {
        return new HistoryWriter(Objects.requireNonNull(writer, "writer must not be null"), writer.getClass().getSimpleName());
    }

    /**
     * Returns the history line of a case, without its line break.
     *
     * @param c the case
     * @return one line of case JSON
     * @throws NullPointerException if c is null
     */
    public static String line(CustomerCase c) {
        return CaseJson.line(Objects.requireNonNull(c, "case must not be null"));
    }

    /**
     * Writes a case as the next line.
     *
     * @param c the case
     * @throws NullPointerException if c is null
     * @throws PolicyException if the line cannot be written
     */
    public void write(CustomerCase c) {
        Objects.requireNonNull(c, "case must not be null");
        try {
            CaseJson.write(out, c);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new PolicyException("cannot write history [" + name + "]: " + e.getMessage(), e);
        }
    }

    /**
     * Flushes and closes the history.
     *
     * @throws PolicyException if it cannot be written
     */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new PolicyException("cannot write history [" + name + "]: " + e.getMessage(), e);
        }
    }
}
