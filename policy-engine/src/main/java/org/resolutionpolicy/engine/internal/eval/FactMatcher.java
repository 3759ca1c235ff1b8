package org.resolutionpolicy.engine.internal.eval;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A declarative matcher on one fact: false when the fact is absent, whatever it tests ({@code not} included).
 *
 * @param path the fact
 * @param test what the fact's value must satisfy
 * @param wanted the test in words, for explanations: {@code one of [GOLD, PLATINUM]}
 * @param display shows a value of the fact in explanations (severity names rather than ranks)
 * @param equalsAny for a value or a list of values, those values (the matcher holds exactly for them); otherwise null
 */
public record FactMatcher(FactPath path, Predicate<Object> test, String wanted, Function<Object, String> display,
                          java.util.Set<Object> equalsAny) implements Condition {

    @Override
    public boolean test(Facts facts) {
        Object value = path.read(facts);
        return value != null && test.test(value);
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
            public void explain(Facts facts, List<String> failures) {
                if (!test(facts)) {
                    failures.add(path.name() + " was " + (wanted ? "absent, wanted present" : "present, wanted absent"));
                }
            }
        };
    }
}
