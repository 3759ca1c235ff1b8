package org.resolutionpolicy.model;

import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.api.Explanation.Failure;

/**
 * Tests whether a fact is present ({@code exists: true}) or absent ({@code exists: false}).
 *
 * @param path the fact
 * @param present true if the fact must be present, false if it must be absent
 */
public record Exists(FactPath path, boolean present) implements Condition {

    /** Creates the test. */
    public Exists {
        Objects.requireNonNull(path, "path must not be null");
    }

    @Override
    public boolean test(Facts facts) {
        return (path.read(facts) != null) == present;
    }

    @Override
    public boolean perProposal() {
        return path.perProposal();
    }

    @Override
    public void explain(Facts facts, List<Failure> failures) {
        if (!test(facts)) {
            failures.add(Failure.presence(path.name(), !present));
        }
    }
}
