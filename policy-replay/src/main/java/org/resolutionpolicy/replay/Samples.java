package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the first few of a kind of case, by line number, whatever order the workers see them in: so that a report
 * names the same samples on every run. Cases of one line (a Spark history of several files numbers each file from
 * 1) are kept by case id, so that the samples kept never depend on the order in which counts are added. Not
 * thread-safe.
 */
final class Samples implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Comparator<CaseRef> ORDER = Comparator.comparingLong(CaseRef::line)
            .thenComparing(CaseRef::caseId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int capacity;
    private final ArrayList<CaseRef> first = new ArrayList<>();

    Samples(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps a case among the first, once: a case with two proposals of one kind is one sample. */
    void add(long line, String caseId) {
        if (first.size() == capacity && line > first.get(capacity - 1).line()) {
            return;
        }
        CaseRef ref = new CaseRef(line, caseId);
        if (!first.contains(ref)) {
            keep(first, ref, ORDER, capacity);
        }
    }

    /** Puts an item in its place in a sorted list that keeps the first {@code capacity} items. */
    static <T> void keep(List<T> first, T item, Comparator<T> order, int capacity) {
        int i = first.size();
        while (i > 0 && order.compare(first.get(i - 1), item) > 0) {
            i--;
        }
        if (i < capacity) {
            first.add(i, item);
            if (first.size() > capacity) {
                first.remove(capacity);
            }
        }
    }

    void addAll(Samples other) {
        other.first.forEach(c -> add(c.line(), c.caseId()));
    }

    List<CaseRef> list() {
        return List.copyOf(first);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Samples s && capacity == s.capacity && first.equals(s.first);
    }

    @Override
    public int hashCode() {
        return first.hashCode();
    }
}
