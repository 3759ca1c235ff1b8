package org.resolutionpolicy.benchmarks;

import java.util.Arrays;

/** Collects durations in nanoseconds and reports their order statistics in milliseconds. */
final class Samples {

    private long[] nanos = new long[64];
    private int size;

    /** Adds one duration in nanoseconds. */
    void add(long duration) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = duration;
    }

    /** Returns how many durations were added. */
    int size() {
        return size;
    }

    /** Returns the q-quantile (0 < q <= 1, nearest rank) in milliseconds, or NaN when empty. */
    double quantileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    /** Returns the median, p90, p99 and max as one line. */
    String summary() {
        return String.format("median %8.2f ms   p90 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (n=%d)",
                quantileMillis(0.5), quantileMillis(0.9), quantileMillis(0.99), quantileMillis(1.0), size);
    }
}
