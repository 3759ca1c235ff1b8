package org.resolutionpolicy.model;

import java.util.List;

/**
 * How a fact the policy defines from other facts is computed: a named condition or number
 * ({@code definitions:}, read as {@code named.<name>}) or a decision table ({@code tables:}, read as
 * {@code tables.<name>}). The engine reads the fact through {@link #value}; analyses (the SMT encoder) read the parts,
 * so that both follow one definition. Implementations are immutable.
 */
public sealed interface Derivation permits Derivation.Named, Derivation.Computed, Derivation.Table {

    /** Returns the fact's value in a case: a Boolean for a condition; a BigDecimal, or null when absent, for a number. */
    Object value(Facts facts);

    /**
     * A named condition: true or false, never absent.
     *
     * @param condition what must hold
     */
    record Named(Condition condition) implements Derivation {
        @Override
        public Object value(Facts facts) {
            return condition.test(facts);
        }
    }

    /**
     * A named number: absent when a fact it reads is absent, or when it divides by zero.
     *
     * @param amount the arithmetic
     */
    record Computed(ComputedAmount amount) implements Derivation {
        @Override
        public Object value(Facts facts) {
            return amount.value(facts);
        }
    }

    /**
     * A decision table: the value of the first row that holds; absent when no row does, or when that row's value is.
     * A table whose rows must not overlap ({@code hit: unique}) is checked at load, so the first row is the only one.
     *
     * @param rows the rows in the order written
     */
    record Table(List<Row> rows) implements Derivation {
        /** Creates a table, copying the rows. */
        public Table {
            rows = List.copyOf(rows);
        }

        @Override
        public Object value(Facts facts) {
            for (Row row : rows) {
                if (row.condition().test(facts)) {
                    return row.value().value(facts);
                }
            }
            return null;
        }
    }

    /**
     * One row of a table.
     *
     * @param condition its cells together ({@link Condition#ALWAYS} for a row of {@code any})
     * @param value its value
     */
    record Row(Condition condition, ComputedAmount value) {
    }
}
