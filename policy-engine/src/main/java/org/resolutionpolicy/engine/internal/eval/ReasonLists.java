package org.resolutionpolicy.engine.internal.eval;

import java.util.Arrays;
import java.util.List;
import org.resolutionpolicy.api.Reason;

/** Sorts the rules a proposal's reasons name and lists their reasons, without work or copies beyond the needed. */
final class ReasonLists {

    private ReasonLists() {
    }

    /** Orders rules as their reasons are listed: by id order, then id ({@link IndexedRule#before}). */
    private static final java.util.Comparator<IndexedRule> REASON_ORDER =
            (a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0;

    /**
     * Returns the reasons of the first {@code k} picked rules (at least two), sorted as reasons list them (by id order,
     * then id: {@link IndexedRule#before}), then {@code last} if any. The handful of most proposals are sorted by
     * insertion; the dozens of rules of one role that a large policy can give one proposal by a sort of packed keys,
     * read straight into the list (insertion was quadratic there, a tenth of a decision of the generated 10,000-rule
     * policy; a comparator sort a fifth; sorting the rules themselves after the keys another tenth).
     */
    static List<Reason> sorted(IndexedRule[] picked, int k, Reason last) {
        if (k <= 12) {
            insertionSort(picked, k);
            return of(picked, k, last);
        }
        // by id order and place, packed in longs: a primitive sort, without a comparator call per comparison; ids in
        // order are distinct (an equal order is the same id, kept in place, as the stable merge sort did)
        long[] keys = new long[k];
        for (int i = 0; i < k; i++) {
            int order = picked[i].order;
            if (order == Integer.MAX_VALUE) {
                // a rule of another source without a place in id order: sorted by id
                Arrays.sort(picked, 0, k, REASON_ORDER);
                return of(picked, k, last);
            }
            keys[i] = (long) order << 32 | i;
        }
        Arrays.sort(keys);
        Reason[] out = new Reason[k + (last == null ? 0 : 1)];
        for (int i = 0; i < k; i++) {
            out[i] = picked[(int) keys[i]].reason;
        }
        if (last != null) {
            out[k] = last;
        }
        return List.of(out);
    }

    private static void insertionSort(IndexedRule[] picked, int k) {
        for (int i = 1; i < k; i++) {
            IndexedRule e = picked[i];
            int j = i;
            while (j > 0 && e.before(picked[j - 1])) {
                picked[j] = picked[j - 1];
                j--;
            }
            picked[j] = e;
        }
    }

    /** Returns the reasons of the first {@code k} picked rules (at least two), in their order, then {@code last} if any. */
    private static List<Reason> of(IndexedRule[] picked, int k, Reason last) {
        int size = k + (last == null ? 0 : 1);
        // List.of of an array copies it: the usual few reasons go to the fixed-arity List.of, which copies nothing
        switch (size) {
            case 2:
                return List.of(reason(picked, k, 0, last), reason(picked, k, 1, last));
            case 3:
                return List.of(reason(picked, k, 0, last), reason(picked, k, 1, last), reason(picked, k, 2, last));
            case 4:
                return List.of(reason(picked, k, 0, last), reason(picked, k, 1, last), reason(picked, k, 2, last),
                        reason(picked, k, 3, last));
            default:
                Reason[] out = new Reason[size];
                for (int i = 0; i < size; i++) {
                    out[i] = reason(picked, k, i, last);
                }
                return List.of(out);
        }
    }

    /** Returns the i-th of the picked rules' reasons followed by {@code last}. */
    private static Reason reason(IndexedRule[] picked, int k, int i, Reason last) {
        return i < k ? picked[i].reason : last;
    }
}
