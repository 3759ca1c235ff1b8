package org.resolutionpolicy.format.internal;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Walks the values of one case document, YAML or JSON, for {@link CaseFields}: a syntax tells what a value is and
 * how to step through maps and lists; what the values mean, and what is wrong with them, is {@link CaseFields}'s.
 *
 * <p>The cursor stands on one value at a time. A value must be finished before moving on: a scalar is finished when
 * it stands there, a map or list once entered and walked to its end or {@link #skip() skipped}. A streaming parser
 * needs that; a composed tree does not mind it. Stepping through a JSON document allocates nothing, which matters to a
 * replay reading millions of history lines.
 */
public interface CaseCursor {

    /** What a value is, as far as the case format tells values apart. */
    enum Kind {
        /** A map; {@link #enter()} walks it. */
        MAP,
        /** A list; {@link #enter()} walks it. */
        LIST,
        /** Nothing: JSON's {@code null}, YAML's {@code ~}, {@code null} or an empty value. */
        NULL,
        /** Text, quoted or not. */
        TEXT,
        /** A number as the syntax writes it, usable or not (it may be too long to be an amount). */
        NUMBER,
        /** A boolean; in YAML also {@code yes}, {@code off} and their kin, or a value tagged {@code !!bool}. */
        BOOLEAN,
        /** A date-time the syntax itself tells from text: a YAML timestamp written without quotes. */
        DATE;

        /** Returns true for a single value, false for a map or list. */
        public boolean scalar() {
            return this != MAP && this != LIST;
        }
    }

    /** Returns what the current value is. */
    Kind kind();

    /**
     * Returns the current single value's text as written, unquoted and unescaped ({@code 12.50}, {@code true},
     * {@code null}); only for a {@link Kind#scalar() scalar}.
     */
    String text() throws IOException;

    /** Returns the current {@link Kind#NUMBER number}'s value, normalised, or null when no amount can be that number. */
    BigDecimal number() throws IOException;

    /** Returns the current {@link Kind#BOOLEAN boolean}'s value, or null when its text is no boolean (YAML's tag). */
    Boolean bool();

    /** Returns true if the current {@link Kind#TEXT text} was written in quotes. */
    boolean quoted();

    /** Moves past the current map or list without reading it; does nothing on a single value. */
    void skip() throws IOException;

    /**
     * Enters the current {@link Kind#MAP map} or {@link Kind#LIST list}: {@link #nextEntry()} or {@link #nextItem()}
     * then steps through its entries or items.
     */
    void enter();

    /** Moves to the next entry of the map entered last; returns false after its last entry, leaving the map. */
    boolean nextEntry() throws IOException;

    /** Returns the current entry's key, or null when the key is no plain name (a YAML map or list as a key). */
    String key() throws IOException;

    /** Returns the 1-based line of the current entry's key in the whole input, for the message of a duplicate. */
    int keyLine();

    /** Moves from the current entry's key to its value. */
    void toValue() throws IOException;

    /** Moves to the next item of the list entered last; returns false after its last item, leaving the list. */
    boolean nextItem() throws IOException;
}
