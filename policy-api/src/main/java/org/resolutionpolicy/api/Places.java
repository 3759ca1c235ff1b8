package org.resolutionpolicy.api;

import java.util.AbstractList;
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

    /**
     * See {@link ProposalDecision#countedWith(List)}. Works on an array, with each remedy named by its first
     * proposal's place: loops over the list itself, inlined into an engine's hot method, made the JIT compile that
     * method again whenever a case with repeated remedies of another shape came.
     */
    static List<List<Integer>> countedWith(List<Proposal> proposals) {
        Proposal[] all = proposals.toArray(new Proposal[0]);
        int n = all.length;
        // by place: the place of the first proposal of its remedy, and how many of that remedy came before it
        int[] first = new int[n];
        int[] seen = new int[n];
        int[] count = new int[n];
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer f = firsts.putIfAbsent(all[i].remedy(), i);
            first[i] = f == null ? i : f;
            seen[i] = count[first[i]]++;
        }
        // one array per remedy, the places of its proposals in the case's order, filled before any is shared
        int[][] arrays = new int[n][];
        for (int i = 0; i < n; i++) {
            int f = first[i];
            if (arrays[f] == null) {
                arrays[f] = new int[count[f]];
            }
            arrays[f][seen[i]] = i;
        }
        @SuppressWarnings("unchecked")
        List<Integer>[] out = new List[n];
        for (int i = 0; i < n; i++) {
            out[i] = seen[i] == 0 ? List.of() : new Places(arrays[first[i]], seen[i]);
        }
        return List.of(out);
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
