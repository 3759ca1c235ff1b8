package org.resolutionpolicy.api;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The places of a case's earlier proposals of one remedy ({@link ProposalDecision#countedWith()}): the first
 * {@code size} places of an array shared by every proposal of that remedy in the case, so a case of n proposals of
 * one remedy keeps n places, not n squared. Immutable: only {@link #countedWith(List)} makes the arrays, and it
 * fills each array before it shares it. Its {@link #toString()} names ten places at most, as sentences do.
 */
final class Places extends AbstractList<Integer> implements RandomAccess {

    /** How many places {@link #brief} names before it says how many more there are. */
    private static final int BRIEF = 10;

    private final int[] shared;
    private final int size;

    private Places(int[] shared, int size) {
        this.shared = shared;
        this.size = size;
    }

    /** See {@link ProposalDecision#countedWith(List)}. */
    static List<List<Integer>> countedWith(List<Proposal> proposals) {
        Map<String, int[]> byRemedy = new HashMap<>();
        int[] seen = new int[proposals.size()];
        for (int i = 0; i < proposals.size(); i++) {
            int[] places = byRemedy.computeIfAbsent(proposals.get(i).remedy(), r -> new int[1]);
            seen[i] = places[0]++;
        }
        // one array per remedy, the places of its proposals in the case's order, filled before any is shared
        Map<String, int[]> arrays = new HashMap<>();
        byRemedy.forEach((remedy, count) -> arrays.put(remedy, new int[count[0]]));
        for (int i = 0; i < proposals.size(); i++) {
            arrays.get(proposals.get(i).remedy())[seen[i]] = i;
        }
        List<List<Integer>> out = new ArrayList<>(proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            out.add(seen[i] == 0 ? List.of() : new Places(arrays.get(proposals.get(i).remedy()), seen[i]));
        }
        return List.copyOf(out);
    }

    /** Returns the list itself if it is one of these (immutable already), else an immutable copy. */
    static List<Integer> copyOf(List<Integer> places) {
        return places instanceof Places ? places : List.copyOf(places);
    }

    /**
     * Returns the places as a person reads them: {@code [0, 2]}, and past ten of them the first ten and how many
     * more, {@code [0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 4990 more]}, so a sentence about a case of thousands of
     * proposals stays a sentence.
     */
    static String brief(List<Integer> places) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < Math.min(places.size(), BRIEF); i++) {
            out.append(i == 0 ? "" : ", ").append(places.get(i));
        }
        return (places.size() <= BRIEF ? out : out.append(" and ").append(places.size() - BRIEF).append(" more"))
                .append(']').toString();
    }

    /** Returns {@link #brief} of these places: a case's sentences print them so. */
    @Override
    public String toString() {
        return brief(this);
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " places");
        }
        return shared[index];
    }

    @Override
    public int size() {
        return size;
    }
}
