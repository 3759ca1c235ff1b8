package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.resolutionpolicy.model.source.Hints;

/**
 * Tests the value of a present fact: one of the closed set of tests a {@link FactMatcher} can make, each an
 * immutable record that shows its structure to analysis (an SMT encoder, a matrix renderer).
 *
 * <p>Values are in the fact's representation (see {@link FactPath#read}): String, BigDecimal, Boolean, Instant, or
 * an Integer rank for severities and roles. Numbers compare by value ({@code 2.50} equals {@code 2.5}).
 */
public sealed interface ValueTest {

    /**
     * Returns true if the value passes.
     *
     * @param value a present value of the fact, never null
     */
    boolean test(Object value);

    /**
     * Describes the test in words, as explanations show what was wanted: {@code one of [GOLD, PLATINUM]},
     * {@code at least [3] and below [48]}, {@code not [web]}.
     *
     * @param display shows a value as the policy owner writes it (severity names rather than ranks)
     */
    String words(Function<Object, String> display);

    /** Returns true if two values of a fact are the same: numbers by value, everything else by equals. */
    static boolean same(Object value, Object wanted) {
        if (value instanceof BigDecimal v && wanted instanceof BigDecimal w) {
            return v.compareTo(w) == 0;
        }
        return value.equals(wanted);
    }

    /**
     * Holds for one value ({@code tier: GOLD}).
     *
     * @param value the value, in the fact's representation
     */
    record Equals(Object value) implements ValueTest {

        /** Creates the test. */
        public Equals {
            Objects.requireNonNull(value, "value must not be null");
        }

        @Override
        public boolean test(Object v) {
            return same(v, value);
        }

        @Override
        public String words(Function<Object, String> display) {
            return "[" + display.apply(value) + "]";
        }
    }

    /**
     * Holds for any of a list of values ({@code tier: [GOLD, PLATINUM]}).
     *
     * @param values the values, in the order written, without repeats
     */
    record OneOf(Set<Object> values) implements ValueTest {

        /**
         * Creates the test.
         *
         * @throws IllegalArgumentException if there are no values
         */
        public OneOf {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values must not be empty");
            }
            // explanations show the values as written: keep their order
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public boolean test(Object v) {
            for (Object w : values) {
                if (same(v, w)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String words(Function<Object, String> display) {
            List<String> shown = new ArrayList<>();
            values.forEach(v -> shown.add(display.apply(v)));
            return "one of " + Hints.bracketed(shown);
        }
    }

    /** A comparison with a bound. */
    enum Op {
        /** {@code atLeast}: the value is the bound or more. */
        AT_LEAST("at least", false, true, true),
        /** {@code atMost}: the value is the bound or less. */
        AT_MOST("at most", true, true, false),
        /** {@code above}: the value is more than the bound. */
        ABOVE("above", false, false, true),
        /** {@code below}: the value is less than the bound. */
        BELOW("below", true, false, false);

        private final String words;
        private final boolean less;
        private final boolean equal;
        private final boolean more;

        Op(String words, boolean less, boolean equal, boolean more) {
            this.words = words;
            this.less = less;
            this.equal = equal;
            this.more = more;
        }

        /** Returns the comparison in words: {@code at least}. */
        public String words() {
            return words;
        }

        /** Returns true if a comparison's result ({@code value.compareTo(bound)}) satisfies this operator. */
        public boolean holds(int comparison) {
            // three flags instead of a switch: this runs for every comparison of every rule
            return comparison < 0 ? less : comparison == 0 ? equal : more;
        }
    }

    /**
     * Compares an ordered fact (number, date, severity, role) with a bound ({@code amount: {above: 50}}).
     *
     * @param op the comparison
     * @param bound the bound, in the fact's representation: BigDecimal, Instant or an Integer rank
     */
    record Compare(Op op, Object bound) implements ValueTest {

        /**
         * Creates the test.
         *
         * @throws IllegalArgumentException if the bound is not comparable
         */
        public Compare {
            Objects.requireNonNull(op, "op must not be null");
            if (!(bound instanceof Comparable)) {
                throw new IllegalArgumentException("bound must be comparable, was [" + bound + "]");
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean test(Object value) {
            // numbers and ranks are the usual bounds (amount above 50): compare them without the Comparable call
            if (bound instanceof BigDecimal b) {
                return op.holds(((BigDecimal) value).compareTo(b));
            }
            if (bound instanceof Integer b) {
                return op.holds(Integer.compare((Integer) value, b));
            }
            return op.holds(((Comparable) value).compareTo(bound));
        }

        @Override
        public String words(Function<Object, String> display) {
            return op.words() + " [" + display.apply(bound) + "]";
        }
    }

    /**
     * Holds when every one of several tests does ({@code {atLeast: 3, below: 48}}).
     *
     * @param tests the tests, in the order written
     */
    record AllOf(List<ValueTest> tests) implements ValueTest {

        /**
         * Creates the test.
         *
         * @throws IllegalArgumentException if there are no tests
         */
        public AllOf {
            tests = List.copyOf(tests);
            if (tests.isEmpty()) {
                throw new IllegalArgumentException("tests must not be empty");
            }
        }

        @Override
        public boolean test(Object value) {
            for (int i = 0; i < tests.size(); i++) {
                if (!tests.get(i).test(value)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String words(Function<Object, String> display) {
            List<String> words = new ArrayList<>();
            tests.forEach(t -> words.add(t.words(display)));
            return String.join(" and ", words);
        }
    }

    /**
     * Holds when the test it negates does not ({@code {not: [web, app]}}). Like every value test it applies only to a
     * present fact: a matcher on an absent fact is false, negation included.
     *
     * @param test the negated test
     */
    record Not(ValueTest test) implements ValueTest {

        /** Creates the test. */
        public Not {
            Objects.requireNonNull(test, "test must not be null");
        }

        @Override
        public boolean test(Object value) {
            return !test.test(value);
        }

        @Override
        public String words(Function<Object, String> display) {
            return "not " + test.words(display);
        }
    }
}
