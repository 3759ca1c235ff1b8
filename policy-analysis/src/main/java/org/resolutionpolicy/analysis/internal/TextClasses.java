package org.resolutionpolicy.analysis.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds a text for every way a text can answer the policy's text tests at once: equal to each literal or not, starting
 * with each prefix, ending with each suffix and containing each needle or not. A witness that can only take some texts
 * would miss cases ({@code web-app} starts with {@code web} and ends with {@code app} without containing {@code -m}),
 * so the analysis searches one text per answer, and a condition over texts is exact.
 *
 * <p>The search reads texts one character at a time, from the characters the tests name and one they do not (every
 * other character answers every test alike), remembering only what the tests can still see: the text itself while it
 * may still equal a literal or begin a prefix, the prefixes seen, the longest end of the text that begins a needle or
 * suffix, and the needles seen. That is a finite automaton, searched breadth first, so the texts found are shortest.
 */
final class TextClasses {

    /** The most states searched; beyond it the texts are not known to be complete. */
    static final int MOST_STATES = 200_000;

    private final List<String> literals;
    private final List<String> prefixes;
    private final List<String> suffixes;
    private final List<String> needles;
    private final List<String> anchored = new ArrayList<>();
    private final List<String> floating = new ArrayList<>();

    private TextClasses(Set<String> literals, Set<String> prefixes, Set<String> suffixes, Set<String> needles) {
        this.literals = List.copyOf(literals);
        this.prefixes = List.copyOf(prefixes);
        this.suffixes = List.copyOf(suffixes);
        this.needles = List.copyOf(needles);
        anchored.addAll(literals);
        anchored.addAll(prefixes);
        floating.addAll(suffixes);
        floating.addAll(needles);
    }

    /**
     * Returns the given texts and, after them, one more text for every answer to the tests none of them gives; null
     * if the search would be too large to finish.
     */
    static List<String> complete(List<String> given, Set<String> literals, Set<String> prefixes, Set<String> suffixes,
                                 Set<String> needles) {
        TextClasses c = new TextClasses(literals, prefixes, suffixes, needles);
        Map<BitSet, String> found = c.search();
        if (found == null) {
            return null;
        }
        Set<BitSet> answered = new LinkedHashSet<>();
        for (String text : given) {
            answered.add(c.answers(text));
        }
        List<String> out = new ArrayList<>(given);
        found.forEach((answer, text) -> {
            if (answered.add(answer)) {
                out.add(text);
            }
        });
        return out;
    }

    /** Returns a text's answers: literals equal, prefixes begun, suffixes ended, needles contained, in that order. */
    BitSet answers(String text) {
        BitSet b = new BitSet();
        int i = 0;
        for (String l : literals) {
            b.set(i++, text.equals(l));
        }
        for (String p : prefixes) {
            b.set(i++, text.startsWith(p));
        }
        for (String s : suffixes) {
            b.set(i++, text.endsWith(s));
        }
        for (String n : needles) {
            b.set(i++, text.contains(n));
        }
        return b;
    }

    /** One state of the automaton; {@code text} is the text read, kept for the answer it gives. */
    private record State(String start, BitSet begun, String end, BitSet seen) {
    }

    private Map<BitSet, String> search() {
        Set<Character> alphabet = new LinkedHashSet<>();
        for (String t : anchored) {
            t.chars().forEach(ch -> alphabet.add((char) ch));
        }
        for (String t : floating) {
            t.chars().forEach(ch -> alphabet.add((char) ch));
        }
        for (char fresh : "zqx~#_0".toCharArray()) {
            if (!alphabet.contains(fresh)) {
                alphabet.add(fresh);
                break;
            }
        }
        Map<BitSet, String> found = new LinkedHashMap<>();
        Map<State, String> reached = new HashMap<>();
        Deque<State> queue = new ArrayDeque<>();
        BitSet empty = new BitSet();
        for (int i = 0; i < needles.size(); i++) {
            empty.set(i, needles.get(i).isEmpty());
        }
        State first = new State("", begun(new BitSet(), ""), "", empty);
        reached.put(first, "");
        queue.add(first);
        while (!queue.isEmpty()) {
            State s = queue.poll();
            String text = reached.get(s);
            found.putIfAbsent(answer(s), text);
            for (char ch : alphabet) {
                State next = step(s, ch);
                if (!reached.containsKey(next)) {
                    if (reached.size() >= MOST_STATES) {
                        return null;
                    }
                    reached.put(next, text + ch);
                    queue.add(next);
                }
            }
        }
        return found;
    }

    private State step(State s, char ch) {
        String start = null;
        if (s.start() != null) {
            String longer = s.start() + ch;
            start = anchored.stream().anyMatch(t -> t.startsWith(longer)) ? longer : null;
        }
        BitSet begun = start == null ? s.begun() : begun(s.begun(), start);
        String end = s.end() + ch;
        while (!end.isEmpty() && !beginsFloating(end)) {
            end = end.substring(1);
        }
        BitSet seen = (BitSet) s.seen().clone();
        for (int i = 0; i < needles.size(); i++) {
            if (end.endsWith(needles.get(i))) {
                seen.set(i);
            }
        }
        return new State(start, begun, end, seen);
    }

    private boolean beginsFloating(String end) {
        for (String t : floating) {
            if (t.startsWith(end)) {
                return true;
            }
        }
        return false;
    }

    private BitSet begun(BitSet before, String start) {
        BitSet b = (BitSet) before.clone();
        for (int i = 0; i < prefixes.size(); i++) {
            if (start.equals(prefixes.get(i))) {
                b.set(i);
            }
        }
        return b;
    }

    private BitSet answer(State s) {
        BitSet b = new BitSet();
        int i = 0;
        for (String l : literals) {
            b.set(i++, Objects.equals(s.start(), l));
        }
        for (int p = 0; p < prefixes.size(); p++) {
            b.set(i++, s.begun().get(p));
        }
        for (String suffix : suffixes) {
            b.set(i++, s.end().endsWith(suffix));
        }
        for (int n = 0; n < needles.size(); n++) {
            b.set(i++, s.seen().get(n));
        }
        return b;
    }
}
