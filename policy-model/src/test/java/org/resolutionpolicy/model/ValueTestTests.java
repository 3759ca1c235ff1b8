package org.resolutionpolicy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.model.ValueTest.Op;

/** Value tests compare numbers by value, ranks and dates by order, and say what they want in the policy's words. */
class ValueTestTests {

    static final Function<Object, String> PLAIN = v -> v instanceof BigDecimal n ? n.toPlainString() : String.valueOf(v);

    @Test
    void numbers_are_equal_by_value_whatever_their_scale() {
        assertThat(new ValueTest.Equals(new BigDecimal("2.5")).test(new BigDecimal("2.50"))).isTrue();
        assertThat(new ValueTest.OneOf(Set.of(new BigDecimal("1"), new BigDecimal("2.5"))).test(new BigDecimal("2.50")))
                .isTrue();
        assertThat(new ValueTest.Equals("GOLD").test("SILVER")).isFalse();
    }

    @Test
    void each_comparison_holds_on_its_side_of_the_bound() {
        BigDecimal fifty = new BigDecimal("50");
        assertThat(List.of(Op.AT_LEAST, Op.AT_MOST, Op.ABOVE, Op.BELOW))
                .extracting(op -> new ValueTest.Compare(op, fifty).test(new BigDecimal("50.0")))
                .containsExactly(true, true, false, false);
        assertThat(new ValueTest.Compare(Op.BELOW, 2).test(1)).isTrue();
        assertThat(new ValueTest.Compare(Op.ABOVE, Instant.parse("2026-01-01T00:00:00Z"))
                .test(Instant.parse("2026-06-01T00:00:00Z"))).isTrue();
    }

    @Test
    void words_follow_the_order_written() {
        ValueTest range = new ValueTest.AllOf(List.of(new ValueTest.Compare(Op.AT_LEAST, new BigDecimal("3")),
                new ValueTest.Compare(Op.BELOW, new BigDecimal("48"))));

        assertThat(range.words(PLAIN)).isEqualTo("at least [3] and below [48]");
        assertThat(range.test(new BigDecimal("48"))).isFalse();
        assertThat(new ValueTest.Not(new ValueTest.OneOf(Set.of("web"))).words(PLAIN)).isEqualTo("not one of [web]");
        assertThat(new ValueTest.Equals("GOLD").words(PLAIN)).isEqualTo("[GOLD]");
    }

    @Test
    void rejects_empty_lists_and_unordered_bounds() {
        assertThatThrownBy(() -> new ValueTest.OneOf(Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values must not be empty");
        assertThatThrownBy(() -> new ValueTest.AllOf(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueTest.Compare(Op.ABOVE, new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bound must be comparable");
    }
}
