package org.resolutionpolicy.test;

import java.math.BigDecimal;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;

/** Assertions on the latitude of one remedy; obtained from {@link DecisionAssert#latitude(String)}. */
public final class LatitudeAssert extends AbstractAssert<LatitudeAssert, Latitude> {

    private final Decision decision;

    LatitudeAssert(Latitude actual, Decision decision) {
        super(actual, LatitudeAssert.class);
        this.decision = decision;
    }

    /** Verifies the employee may grant up to exactly this amount alone. */
    public LatitudeAssert allowsAloneUpTo(double amount) {
        return allowsAloneUpTo(Limit.of(BigDecimal.valueOf(amount)));
    }

    /** Verifies the employee may grant any amount alone. */
    public LatitudeAssert allowsAnyAmountAlone() {
        return allowsAloneUpTo(Limit.unlimited());
    }

    /** Verifies the employee may grant nothing of it alone. */
    public LatitudeAssert allowsNothingAlone() {
        return allowsAloneUpTo(Limit.zero());
    }

    private LatitudeAssert allowsAloneUpTo(Limit expected) {
        if (!actual.aloneUpTo().equals(expected)) {
            failWithMessage("Expected [%s] to be allowed alone up to %s, but it was up to %s.%n%s", actual.remedy(),
                    expected, actual.aloneUpTo(), DecisionAssert.show(decision));
        }
        return this;
    }

    /** Verifies who approves amounts just above the employee's latitude. */
    public LatitudeAssert escalatesBeyondTo(String approver) {
        if (!Objects.equals(actual.approverBeyond(), approver)) {
            failWithMessage("Expected [%s] beyond %s to go to [%s], but it goes to %s.%n%s", actual.remedy(),
                    actual.aloneUpTo(), approver, actual.approverBeyond() == null ? "nobody" : "[" + actual.approverBeyond() + "]",
                    DecisionAssert.show(decision));
        }
        return this;
    }
}
