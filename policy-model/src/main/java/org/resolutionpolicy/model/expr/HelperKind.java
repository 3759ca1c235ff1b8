package org.resolutionpolicy.model.expr;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.Objects;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;

/**
 * Names what an {@link Expr.Helper} computes, so that an analysis can reason about a helper without running it.
 * These are all the helpers the parser admits; {@code severity.atLeast('HIGH')} and its siblings are not helpers
 * but comparisons of the fact with a rank literal.
 */
public sealed interface HelperKind {

    /** Returns the type of the value the helper computes. */
    FactType type();

    /** {@code severity.rank}: the rank of the case's severity on the policy's scale, 0 for the lowest. */
    record SeverityRank() implements HelperKind {
        @Override
        public FactType type() {
            return FactType.NUMBER;
        }
    }

    /** {@code employee.role.rank}: the rank of the employee's role on the ladder, 0 for the lowest. */
    record RoleRank() implements HelperKind {
        @Override
        public FactType type() {
            return FactType.NUMBER;
        }
    }

    /**
     * {@code history.count('remedy', 'P30D')}: how many earlier grants of a remedy the customer had in a window
     * ending at the case's window end.
     *
     * @param remedy the remedy id, one of the policy's
     * @param window the window, a {@code Period} or {@code Duration}; null for the whole history
     */
    record HistoryCount(String remedy, TemporalAmount window) implements HelperKind {
        /** Checks the remedy. */
        public HistoryCount {
            Objects.requireNonNull(remedy, "remedy must not be null");
        }

        @Override
        public FactType type() {
            return FactType.NUMBER;
        }
    }

    /**
     * {@code history.total('remedy', 'P30D')}: the amounts of earlier grants of a remedy in a window, added up.
     *
     * @param remedy the remedy id, one of the policy's
     * @param window the window, a {@code Period} or {@code Duration}; null for the whole history
     * @param amountless what a grant recorded without an amount adds: 1 for remedies counted in units, else 0
     */
    record HistoryTotal(String remedy, TemporalAmount window, BigDecimal amountless) implements HelperKind {
        /** Checks the remedy and the amount of an amountless grant. */
        public HistoryTotal {
            Objects.requireNonNull(remedy, "remedy must not be null");
            Objects.requireNonNull(amountless, "amountless must not be null");
        }

        @Override
        public FactType type() {
            return FactType.NUMBER;
        }
    }

    /**
     * {@code fact.startsWith('x')}: true if a text fact is present and starts with the prefix.
     *
     * @param fact a fact of type {@link FactType#STRING}
     * @param prefix the prefix
     */
    record StartsWith(FactPath fact, String prefix) implements HelperKind {
        /** Checks the fact and the prefix. */
        public StartsWith {
            Objects.requireNonNull(fact, "fact must not be null");
            Objects.requireNonNull(prefix, "prefix must not be null");
        }

        @Override
        public FactType type() {
            return FactType.BOOLEAN;
        }
    }

    /**
     * {@code fact.endsWith('x')}: true if a text fact is present and ends with the suffix.
     *
     * @param fact a fact of type {@link FactType#STRING}
     * @param suffix the suffix
     */
    record EndsWith(FactPath fact, String suffix) implements HelperKind {
        /** Checks the fact and the suffix. */
        public EndsWith {
            Objects.requireNonNull(fact, "fact must not be null");
            Objects.requireNonNull(suffix, "suffix must not be null");
        }

        @Override
        public FactType type() {
            return FactType.BOOLEAN;
        }
    }

    /**
     * {@code fact.contains('x')}: true if a text fact is present and contains the needle.
     *
     * @param fact a fact of type {@link FactType#STRING}
     * @param needle the text looked for
     */
    record Contains(FactPath fact, String needle) implements HelperKind {
        /** Checks the fact and the needle. */
        public Contains {
            Objects.requireNonNull(fact, "fact must not be null");
            Objects.requireNonNull(needle, "needle must not be null");
        }

        @Override
        public FactType type() {
            return FactType.BOOLEAN;
        }
    }
}
