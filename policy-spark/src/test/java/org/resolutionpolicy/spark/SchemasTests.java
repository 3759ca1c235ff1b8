package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts are carried exactly and summed back to the scale the local replay's BigDecimal sums have. */
class SchemasTests {

    @Test
    void a_sum_comes_back_at_the_scale_of_its_widest_term_as_bigdecimal_addition_gives() {
        BigDecimal local = BigDecimal.ZERO.add(new BigDecimal("12.5")).add(new BigDecimal("9.99")).add(new BigDecimal("1E+2"));
        BigDecimal carried = Schemas.carried(new BigDecimal("12.5"), "h", 1).add(Schemas.carried(new BigDecimal("9.99"), "h", 2))
                .add(Schemas.carried(new BigDecimal("1E+2"), "h", 3));

        assertThat(Schemas.sum(carried, 2)).isEqualTo(local).hasToString("122.49");
        assertThat(Schemas.sum(Schemas.carried(new BigDecimal("1E+2"), "h", 3), -2)).isEqualTo(BigDecimal.ZERO.add(new BigDecimal("1E+2")));
        assertThat(Schemas.sum(null, null)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void an_amount_that_cannot_be_carried_exactly_fails_naming_its_line_never_rounded() {
        assertThatThrownBy(() -> Schemas.carried(new BigDecimal("0.0000000000001"), "cases.jsonl", 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0.0000000000001]").hasMessageContaining("cases.jsonl:7");
        assertThatThrownBy(() -> Schemas.carried(new BigDecimal("12345678901234567890123456789"), "cases.jsonl", 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cases.jsonl:8");
    }
}
