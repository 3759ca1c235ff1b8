package org.resolutionpolicy.engine.internal.eval;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.ValueTest;

/**
 * Rules of one index node and remedy whose unsettled condition starts with the same kind of bound on the same number
 * ({@code amount: {above: ...}}), sorted by bound. The bound holds for a prefix of them ({@code above},
 * {@code atLeast}) or a suffix ({@code below}, {@code atMost}), found by a binary search over one read of the number;
 * the rest of each condition is tested after, in the order written, only for the rules whose bound holds.
 *
 * <p>This matches exactly the rules a test of each condition in turn would: a conjunction stops at its first part
 * that does not hold, and the bound is the first part; the number is a fact of the case or proposal (never a defined
 * one, whose computation could fail), read once rather than once per rule. Immutable.
 */
final class Thresholds {

    /** The fewest rules a group needs to be searched rather than tested one by one. */
    static final int AT_LEAST = 4;

    /** What groups rules: the number read and the comparison. */
    record Key(FactPath path, ValueTest.Op op) {
    }

    private final FactPath path;
    /** True for {@code above} and {@code atLeast}, whose bound holds for the rules of the lower bounds. */
    private final boolean prefix;
    private final ValueTest.Op op;
    private final BigDecimal[] bounds;
    private final IndexedRule[] rules;
    private final Condition[] rest;

    private Thresholds(Key key, BigDecimal[] bounds, IndexedRule[] rules, Condition[] rest) {
        this.path = key.path();
        this.op = key.op();
        this.prefix = op == ValueTest.Op.ABOVE || op == ValueTest.Op.AT_LEAST;
        this.bounds = bounds;
        this.rules = rules;
        this.rest = rest;
    }

    /**
     * Returns how a rule's unsettled condition would be grouped: by its first part when that is a bound on a number
     * of the case model or an attribute; null otherwise.
     */
    static Key key(Condition unsettled) {
        if (!(unsettled.parts().get(0) instanceof FactMatcher m)) {
            return null;
        }
        FactPath path = m.path();
        if (path.type() != FactType.NUMBER || path.derivation() != null
                || !(m.valueTest() instanceof ValueTest.Compare c) || !(c.bound() instanceof BigDecimal)) {
            return null;
        }
        return new Key(path, c.op());
    }

    /** Sorts rules of one key by bound; {@code unsettled} is each one's condition, its bound first. */
    static Thresholds of(Key key, IndexedRule[] rules, Condition[] unsettled) {
        Integer[] order = new Integer[rules.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> bound(unsettled[i])));
        BigDecimal[] bounds = new BigDecimal[rules.length];
        IndexedRule[] sorted = new IndexedRule[rules.length];
        Condition[] rest = new Condition[rules.length];
        for (int i = 0; i < order.length; i++) {
            bounds[i] = bound(unsettled[order[i]]);
            sorted[i] = rules[order[i]];
            List<Condition> parts = unsettled[order[i]].parts();
            rest[i] = Condition.allOf(parts.subList(1, parts.size()));
        }
        return new Thresholds(key, bounds, sorted, rest);
    }

    private static BigDecimal bound(Condition unsettled) {
        return (BigDecimal) ((ValueTest.Compare) ((FactMatcher) unsettled.parts().get(0)).valueTest()).bound();
    }

    /** Adds the rules whose bound holds for the facts' number, and the rest of whose condition holds. */
    void matching(Facts facts, Scratch out) {
        Object value = path.read(facts);
        if (value == null) {
            // an absent fact passes no test
            return;
        }
        BigDecimal number = (BigDecimal) value;
        // the first place where the bound does not hold (prefix), or where it does (suffix)
        int lo = 0;
        int hi = bounds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (op.holds(number.compareTo(bounds[mid])) == prefix) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int from = prefix ? 0 : lo;
        int to = prefix ? lo : bounds.length;
        for (int i = from; i < to; i++) {
            if (rest[i] == Condition.ALWAYS || rest[i].test(facts)) {
                out.add(rules[i]);
            }
        }
    }
}
