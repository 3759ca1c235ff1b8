package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.resolutionpolicy.api.Explanation.Failure;

/**
 * A declarative test on one fact: a {@link ValueTest} on its value, false when the fact is absent, whatever it
 * tests ({@code not} included).
 *
 * <p>Immutable. A matcher for one value compared by {@code equals} (a tier, a category, a severity...) tests it
 * directly, without calling its value test: most rules are made of such matchers.
 */
public final class FactMatcher implements Condition {

    private final FactPath path;
    private final ValueTest valueTest;
    private final Function<Object, String> display;
    private final String wanted;
    private final Set<Object> equalsAny;
    /** The one value the fact must equal, when that is the whole test and equals decides it; otherwise null. */
    private final Object only;

    /**
     * Creates a matcher.
     *
     * @param path the fact
     * @param valueTest what the fact's value must satisfy
     * @param display shows a value of the fact in explanations (severity names rather than ranks)
     */
    public FactMatcher(FactPath path, ValueTest valueTest, Function<Object, String> display) {
        this.path = Objects.requireNonNull(path, "path must not be null");
        this.valueTest = Objects.requireNonNull(valueTest, "valueTest must not be null");
        this.display = Objects.requireNonNull(display, "display must not be null");
        this.wanted = valueTest.words(display);
        if (valueTest instanceof ValueTest.Equals e) {
            this.equalsAny = Set.of(e.value());
        } else if (valueTest instanceof ValueTest.OneOf o) {
            this.equalsAny = Set.copyOf(o.values());
        } else {
            this.equalsAny = null;
        }
        Object single = equalsAny != null && equalsAny.size() == 1 ? equalsAny.iterator().next() : null;
        // numbers compare by value (2.50 equals 2.5), so only other values may skip the value test
        this.only = single instanceof BigDecimal ? null : single;
    }

    /** Returns the fact. */
    public FactPath path() {
        return path;
    }

    /** Returns what the fact's value must satisfy. */
    public ValueTest valueTest() {
        return valueTest;
    }

    /** Returns how explanations show a value of the fact. */
    public Function<Object, String> display() {
        return display;
    }

    /** Returns the test in words, as explanations show it: {@code one of [GOLD, PLATINUM]}. */
    public String wanted() {
        return wanted;
    }

    /**
     * Returns the values the matcher holds for exactly (its test is {@link ValueTest.Equals} or
     * {@link ValueTest.OneOf}), or null otherwise.
     */
    public Set<Object> equalsAny() {
        return equalsAny;
    }

    @Override
    public boolean test(Facts facts) {
        Object value = path.read(facts);
        if (value == null) {
            return false;
        }
        return only != null ? only.equals(value) : valueTest.test(value);
    }

    @Override
    public boolean perProposal() {
        return path.perProposal();
    }

    @Override
    public void explain(Facts facts, List<Failure> failures) {
        Object value = path.read(facts);
        if (value == null) {
            failures.add(Failure.value(path.name(), null, wanted));
        } else if (!valueTest.test(value)) {
            failures.add(Failure.value(path.name(), path.name().equals("total") && path.derivation() == null
                    ? facts.totalShown() : display.apply(value), wanted));
        }
    }

    @Override
    public String toString() {
        return path.name() + " " + wanted;
    }
}
