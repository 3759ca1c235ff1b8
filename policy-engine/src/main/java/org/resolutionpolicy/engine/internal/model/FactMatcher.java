package org.resolutionpolicy.engine.internal.model;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A declarative matcher on one fact: false when the fact is absent, whatever it tests ({@code not} included).
 *
 * <p>Immutable. A matcher for one value compared by {@code equals} (a tier, a category, a severity...) tests it
 * directly, without calling its predicate: most rules are made of such matchers.
 */
public final class FactMatcher implements Condition {

    private final FactPath path;
    private final Predicate<Object> test;
    private final String wanted;
    private final Function<Object, String> display;
    private final java.util.Set<Object> equalsAny;
    /** The one value the fact must equal, when that is the whole test and equals decides it; otherwise null. */
    private final Object only;

    /**
     * Creates a matcher.
     *
     * @param path the fact
     * @param test what the fact's value must satisfy
     * @param wanted the test in words, for explanations: {@code one of [GOLD, PLATINUM]}
     * @param display shows a value of the fact in explanations (severity names rather than ranks)
     * @param equalsAny for a value or a list of values, those values (the matcher holds exactly for them); otherwise
     *                  null
     */
    public FactMatcher(FactPath path, Predicate<Object> test, String wanted, Function<Object, String> display,
                       java.util.Set<Object> equalsAny) {
        this.path = path;
        this.test = test;
        this.wanted = wanted;
        this.display = display;
        this.equalsAny = equalsAny;
        Object single = equalsAny != null && equalsAny.size() == 1 ? equalsAny.iterator().next() : null;
        // numbers compare by value (2.50 equals 2.5), so only other values may skip the predicate
        this.only = single instanceof java.math.BigDecimal ? null : single;
    }

    /** Returns the fact. */
    public FactPath path() {
        return path;
    }

    /** Returns what the fact's value must satisfy. */
    public Predicate<Object> test() {
        return test;
    }

    /** Returns the test in words. */
    public String wanted() {
        return wanted;
    }

    /** Returns the values the matcher holds for exactly, or null when it is not a list of values. */
    public java.util.Set<Object> equalsAny() {
        return equalsAny;
    }

    @Override
    public boolean test(Facts facts) {
        Object value = path.read(facts);
        if (value == null) {
            return false;
        }
        return only != null ? only.equals(value) : test.test(value);
    }

    @Override
    public boolean perProposal() {
        return path.perProposal();
    }

    @Override
    public void explain(Facts facts, List<String> failures) {
        Object value = path.read(facts);
        if (value == null) {
            failures.add(path.name() + " was absent, wanted " + wanted);
        } else if (!test.test(value)) {
            failures.add(path.name() + " was [" + display.apply(value) + "], wanted " + wanted);
        }
    }

    /**
     * A presence test ({@code exists: true|false}).
     *
     * @param path the fact
     * @param wanted true for present
     * @return the condition
     */
    public static Condition exists(FactPath path, boolean wanted) {
        return new Condition() {
            @Override
            public boolean test(Facts facts) {
                return (path.read(facts) != null) == wanted;
            }

            @Override
            public boolean perProposal() {
                return path.perProposal();
            }

            @Override
            public void explain(Facts facts, List<String> failures) {
                if (!test(facts)) {
                    failures.add(path.name() + " was " + (wanted ? "absent, wanted present" : "present, wanted absent"));
                }
            }
        };
    }
}
