package org.resolutionpolicy.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per key for one worker; merged into one at the end of a run. Not thread-safe. */
final class Counts<K> {

    private final Map<K, long[]> counts = new HashMap<>();

    void add(K key, long n) {
        counts.computeIfAbsent(key, k -> new long[1])[0] += n;
    }

    long get(K key) {
        long[] c = counts.get(key);
        return c == null ? 0 : c[0];
    }

    void addAll(Counts<K> other) {
        other.counts.forEach((k, c) -> add(k, c[0]));
    }

    Iterable<K> keys() {
        return counts.keySet();
    }

    /** Returns the counts most first, equal counts in key order. */
    Map<K, Long> mostFirst(Comparator<K> keyOrder) {
        List<Map.Entry<K, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<K, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey, keyOrder));
        Map<K, Long> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()[0]));
        return out;
    }
}
