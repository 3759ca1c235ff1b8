package org.resolutionpolicy.replay;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.model.ModelledPolicy;

/**
 * The currencies of the money amounts a replay or a diff adds up, when no policy names the currency: then each case
 * (or money proposal) may state its own, and amounts in two currencies must never be added into one sum. Counts the
 * money proposals per currency stated ({@link #UNSTATED} for none) and keeps the first case of each, by line, so that
 * a report of mixed currencies is refused naming the same cases on every run. Not thread-safe.
 */
final class Currencies implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The key of amounts whose case and proposal state no currency. */
    static final String UNSTATED = "";

    /** Per currency: the money proposals counted and the first of their cases. */
    private final HashMap<String, Seen> seen = new HashMap<>();
    /** The last currency counted and its entry: a history is mostly of one currency, so most proposals skip the map. */
    private transient String lastKey;
    private transient Seen last;

    private static final class Seen implements Serializable {
        private static final long serialVersionUID = 1L;

        long proposals;
        final Samples first = new Samples(1);

        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && proposals == s.proposals && first.equals(s.first);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(proposals);
        }
    }

    /**
     * Returns the currency every money amount of a policy's decisions is in: the one its model names, the same in
     * every dated version; null when it names none (the cases then say which, if any), or when the policy publishes
     * no model (a policy that did not come from the engine) and so names no currency either.
     */
    static String of(Policy policy) {
        return ModelledPolicy.currencyOf(policy);
    }

    /**
     * Returns the currency of the money a diff of two policies compares: the one either names.
     *
     * @throws IllegalArgumentException if both name one and they differ: amounts are never converted
     */
    static String of(Policy before, Policy after) {
        String was = of(before);
        String is = of(after);
        if (was != null && is != null && !was.equals(is)) {
            throw new IllegalArgumentException("the policy before the edit, " + before.id() + " " + before.version()
                    + ", is in [" + was + "] and the one after it, " + after.id() + " " + after.version() + ", in [" + is
                    + "]: amounts are never converted, so their money cannot be compared; give both the same currency");
        }
        return was != null ? was : is;
    }

    /** Counts one money proposal in a currency ({@code null} for none stated) of a case at a line. */
    void add(String currency, long line, String caseId) {
        add(currency, 1, line, caseId);
    }

    /** Counts money proposals in one currency ({@code null} for none stated), the first of them a case at a line. */
    void add(String currency, long proposals, long line, String caseId) {
        String key = currency == null ? UNSTATED : currency;
        Seen entry = key.equals(lastKey) ? last : seen.computeIfAbsent(key, k -> new Seen());
        lastKey = key;
        last = entry;
        entry.proposals += proposals;
        entry.first.add(line, caseId);
    }

    void addAll(Currencies other) {
        other.seen.forEach((key, s) -> {
            Seen mine = seen.computeIfAbsent(key, k -> new Seen());
            mine.proposals += s.proposals;
            mine.first.addAll(s.first);
        });
    }

    /**
     * Returns the one currency the counted amounts state, or null when none states one.
     *
     * @throws HistoryException if they are in more than one currency, or some state one and some none: a sum of them
     *                          would add amounts in different currencies
     */
    String single(String history) {
        if (seen.isEmpty() || seen.size() == 1 && seen.containsKey(UNSTATED)) {
            return null;
        }
        if (seen.size() == 1) {
            return seen.keySet().iterator().next();
        }
        StringBuilder each = new StringBuilder();
        for (Map.Entry<String, Seen> e : new TreeMap<>(seen).entrySet()) {
            List<CaseRef> first = e.getValue().first.list();
            each.append(each.length() == 0 ? "" : ", ")
                    .append(e.getKey().equals(UNSTATED) ? "no currency stated" : "[" + e.getKey() + "]").append(" in ")
                    .append(e.getValue().proposals).append(e.getValue().proposals == 1 ? " proposal" : " proposals")
                    .append(first.isEmpty() || first.get(0).line() <= 0 ? "" : " (first " + where(first.get(0)) + ")");
        }
        throw HistoryException.mixedCurrencies("the money amounts of history [" + history + "] are in more than one "
                + "currency and the policy names none: " + each + "; amounts are never converted, so they cannot be "
                + "added up: give the policy a currency, or replay the cases of each currency apart");
    }

    private static String where(CaseRef c) {
        return "line " + c.line() + (c.caseId() == null ? "" : ", case " + c.caseId());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Currencies c && seen.equals(c.seen);
    }

    @Override
    public int hashCode() {
        return seen.hashCode();
    }
}
