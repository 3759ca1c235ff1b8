package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts per key: one array of one count per key, so that counting a key again allocates nothing. Not thread-safe;
 * serializable, as the snapshots that hold it travel between Spark's executors and its driver.
 */
final class Counts<K> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final HashMap<K, long[]> counts = new HashMap<>();

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

    /** Returns true if both maps have the same keys and, key by key, equal arrays. */
    static boolean sameArrays(Map<?, ?> a, Map<?, ?> b) {
        return a.size() == b.size() && a.entrySet().stream()
                .allMatch(e -> b.containsKey(e.getKey()) && Objects.deepEquals(e.getValue(), b.get(e.getKey())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Counts<?> c && sameArrays(counts, c.counts);
    }

    @Override
    public int hashCode() {
        return counts.keySet().hashCode();
    }
}
