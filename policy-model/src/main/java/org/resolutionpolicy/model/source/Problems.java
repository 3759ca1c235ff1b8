package org.resolutionpolicy.model.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;

/**
 * Collects every problem found while loading, so that one run reports them all. Not thread-safe.
 *
 * <p>Messages quote values by a bounded prefix ({@link #quote}): a value may be as long as a source (aliases can
 * repeat it), and a message that echoes it in full, once per duplicate, exhausts memory. As a last guard, a
 * bracketed value longer than {@value #LONG_QUOTE} characters in any message or hint is cut to its prefix.
 */
public final class Problems {

    /** How many characters of a value a message quotes; longer values end in {@code ...}. */
    public static final int QUOTED_PREFIX = 80;
    /** A bracketed part of a message longer than this is cut to {@link #QUOTED_PREFIX} characters. */
    static final int LONG_QUOTE = 400;
    /** The longest message or hint kept whole. */
    static final int LONGEST_MESSAGE = 4000;

    private final List<Problem> problems = new ArrayList<>();
    /** Lines whose further problems are dropped: follow-ons of a syntax error whose line was blanked. */
    private final List<Quiet> quiet = new ArrayList<>();

    private record Quiet(String source, int fromLine, int toLine) {
        boolean covers(Place place) {
            return place.source().equals(source) && fromLine <= place.line() && place.line() <= toLine;
        }
    }

    /** Returns the value in brackets, cut to its first {@value #QUOTED_PREFIX} characters and {@code ...}. */
    public static String quote(String value) {
        return "[" + prefix(value) + "]";
    }

    /** Returns the value cut to its first {@value #QUOTED_PREFIX} characters and {@code ...}; null stays null. */
    public static String prefix(String value) {
        return value == null || value.length() <= QUOTED_PREFIX ? value : value.substring(0, QUOTED_PREFIX) + "...";
    }

    /**
     * Returns the message with every bracketed part longer than {@value #LONG_QUOTE} characters cut to its prefix,
     * and the whole cut to {@value #LONGEST_MESSAGE} characters: a guard for messages that quote a value in full.
     */
    public static String bounded(String message) {
        if (message == null || message.length() <= LONG_QUOTE) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < message.length() && out.length() <= LONGEST_MESSAGE) {
            int open = message.indexOf('[', i);
            if (open < 0) {
                out.append(message, i, message.length());
                break;
            }
            int close = message.indexOf(']', open + 1);
            int end = close < 0 ? message.length() : close;
            out.append(message, i, open + 1);
            if (end - open - 1 > LONG_QUOTE) {
                out.append(message, open + 1, open + 1 + QUOTED_PREFIX).append("...");
            } else {
                out.append(message, open + 1, end);
            }
            i = end;
        }
        return out.length() > LONGEST_MESSAGE ? out.substring(0, LONGEST_MESSAGE) + "..." : out.toString();
    }

    /** Adds an error. */
    public void error(Place place, String message) {
        error(place, message, null);
    }

    /**
     * Drops every problem added from now on at the given lines of a source: the problems of a part of a file that
     * a syntax error damaged would be follow-ons of that error, not mistakes of their own.
     *
     * @param source the source
     * @param fromLine the first 1-based line
     * @param toLine the last line, inclusive; {@link Integer#MAX_VALUE} for the rest of the source
     */
    public void quiet(String source, int fromLine, int toLine) {
        quiet.add(new Quiet(source, fromLine, toLine));
    }

    private boolean quieted(Place place) {
        for (Quiet q : quiet) {
            if (q.covers(place)) {
                return true;
            }
        }
        return false;
    }

    /** Adds an error with a hint. */
    public void error(Place place, String message, String hint) {
        if (quieted(place)) {
            return;
        }
        problems.add(Problem.error(place.source(), place.line(), place.column(), bounded(message), bounded(hint)));
    }

    /** Adds a warning. */
    public void warning(Place place, String message, String hint) {
        if (quieted(place)) {
            return;
        }
        problems.add(Problem.warning(place.source(), place.line(), place.column(), bounded(message), bounded(hint)));
    }

    /** Adds problems found elsewhere. */
    public void addAll(Collection<Problem> more) {
        problems.addAll(more);
    }

    /** Returns true if any error was found. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Returns every problem so far. */
    public List<Problem> all() {
        return List.copyOf(problems);
    }

    /** Returns the warnings so far. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    /**
     * Throws if any error was found.
     *
     * @throws PolicyLoadException carrying every problem, warnings included
     */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new PolicyLoadException(all());
        }
    }
}
