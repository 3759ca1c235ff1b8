package org.resolutionpolicy.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.model.value.Values;

/**
 * Writes JSON through jackson-core's {@link JsonGenerator} in the one layout every output of the project has: the CLI's
 * JSON, decision-log lines, history lines and {@code Decision.toJson()}.
 *
 * <p>The layout is a contract, and stays as it was written before Jackson wrote it: keys in the order given; amounts
 * ({@link BigDecimal}) printed plainly and normalised, {@code 15} and {@code 0.000001}, never {@code 15.00} or
 * {@code 1E-6}; in strings {@code \"}, {@code \\}, {@code \n}, {@code \r} and {@code \t}, every other control character
 * and U+2028 and U+2029 as a lower-case {@code \}{@code u2028}, everything else as it is. On one line nothing is added;
 * indented, each entry and item has a line of its own, two spaces deeper, a key is followed by {@code ": "}, and an
 * empty map or list is {@code {}} or {@code []}.
 *
 * <p>A tree is made of maps (kept in their order), lists, strings, numbers, booleans and null. Thread-safe.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new Escapes())
            // a generator of lines writes its own line breaks between values, and nothing else
            .rootValueSeparator((String) null)
            .build();
    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonText() {
    }

    /** Writes one value, such as a decision or a case, to a generator. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the value.
         *
         * @param g the generator
         * @throws IOException when the generator's writer fails
         */
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * Returns the JSON text of a tree, indented by two spaces, as the CLI prints it.
     *
     * @param tree maps, lists, strings, numbers, booleans and null
     * @return the text, without a final line break
     * @throws IllegalArgumentException if the tree holds anything else
     */
    public static String pretty(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(INDENTED.createInstance());
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Returns the JSON text of a tree on one line, as JSON-lines files want it.
     *
     * @param tree maps, lists, strings, numbers, booleans and null
     * @return the line, without a line break
     * @throws IllegalArgumentException if the tree holds anything else
     */
    public static String line(Object tree) {
        return lineOf(g -> write(g, tree));
    }

    /**
     * Returns the JSON text a content writes, on one line.
     *
     * @param content writes one value
     * @return the line, without a line break
     */
    public static String lineOf(Content content) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            content.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Returns a generator of JSON lines on a writer: values on one line each, with nothing between them, so that the
     * caller writes each line break ({@code g.writeRaw('\n')}). Closing the generator closes the writer.
     *
     * @param out where the lines go
     * @return the generator
     * @throws UncheckedIOException if the generator cannot be made
     */
    public static JsonGenerator lines(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a tree, or one value of it, to a generator.
     *
     * @param g the generator
     * @param value maps, lists, strings, numbers, booleans and null
     * @throws IOException when the generator's writer fails
     * @throws IllegalArgumentException if the value holds anything else
     */
    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal b) {
            number(g, b);
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString()); // as Java prints it: a double's 1.0E20 stays so, as it always was
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write [" + value.getClass().getName() + "] as JSON");
        }
    }

    /**
     * Writes an amount plainly and normalised: {@code 15}, {@code 0.000001}.
     *
     * @param g the generator
     * @param amount the amount
     * @throws IOException when the generator's writer fails
     */
    public static void number(JsonGenerator g, BigDecimal amount) throws IOException {
        g.writeNumber(Values.normalize(amount).toPlainString());
    }

    /**
     * Escapes as the project always has: Jackson's own escapes for quote, backslash, line feed, carriage return and
     * tab; every other control character, and the line and paragraph separators that end a line in JavaScript, as
     * {@code \}{@code u} and four lower-case hex digits, where Jackson would write {@code \b}, {@code \f} and upper
     * case.
     */
    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = ascii();
        private static final SerializedString[] CONTROL = new SerializedString[0x20];
        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        static {
            for (int c = 0; c < CONTROL.length; c++) {
                CONTROL[c] = new SerializedString(String.format("\\u%04x", c));
            }
        }

        private static int[] ascii() {
            int[] escapes = standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    escapes[c] = ESCAPE_CUSTOM;
                }
            }
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < 0x20) {
                return CONTROL[ch];
            }
            return ch == 0x2028 ? LINE_SEPARATOR : ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
