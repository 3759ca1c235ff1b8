package org.resolutionpolicy.model.source;

import java.util.Collection;
import java.util.Locale;

/** Suggests the closest known name for a misspelt one, by edit distance. */
public final class Hints {

    private Hints() {
    }

    /**
     * Returns {@code did you mean [x]?} for the closest candidate within a sensible distance,
     * else a list of what is allowed when the list is short, else null.
     */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String best = closest(wrong, candidates);
        if (best != null) {
            return "did you mean [" + best + "]?";
        }
        if (!candidates.isEmpty() && candidates.size() <= 12) {
            return "expected one of " + bracketed(candidates);
        }
        return null;
    }

    /** Returns the closest candidate within a distance of a third of the word's length (at least 2), or null. */
    public static String closest(String wrong, Collection<String> candidates) {
        if (wrong == null) {
            return null;
        }
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        int allowed = Math.max(2, w.length() / 3);
        if (bestDistance <= allowed) {
            return best;
        }
        // an abbreviation: store-mgr for store-manager, the letters in order and the same first letter
        String shortest = null;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (w.length() >= 3 && c.charAt(0) == w.charAt(0) && isSubsequence(w, c)
                    && (shortest == null || c.length() < shortest.length())) {
                shortest = candidate;
            }
        }
        return shortest;
    }

    private static boolean isSubsequence(String small, String large) {
        int i = 0;
        for (int j = 0; j < large.length() && i < small.length(); j++) {
            if (small.charAt(i) == large.charAt(j)) {
                i++;
            }
        }
        return i == small.length();
    }

    /** Returns {@code [a, b, c]}. */
    public static String bracketed(Collection<String> names) {
        return "[" + String.join(", ", names) + "]";
    }

    /** Levenshtein distance, with transpositions counted as one edit. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return a.equals(b) ? 0 : Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
