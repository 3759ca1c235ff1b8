package org.resolutionpolicy.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first few of a kind of case, by line number, whatever order the workers see them in: so that a report
 * names the same samples on every run. Not thread-safe.
 */
final class Samples {

    private final int capacity;
    private final List<CaseRef> first = new ArrayList<>();

    Samples(int capacity) {
        this.capacity = capacity;
    }

    void add(long line, String caseId) {
        if (first.size() == capacity && line > first.get(capacity - 1).line()) {
            return;
        }
        int i = first.size();
        while (i > 0 && first.get(i - 1).line() > line) {
            i--;
        }
        first.add(i, new CaseRef(line, caseId));
        if (first.size() > capacity) {
            first.remove(capacity);
        }
    }

    void addAll(Samples other) {
        other.first.forEach(c -> add(c.line(), c.caseId()));
    }

    List<CaseRef> list() {
        return List.copyOf(first);
    }
}
