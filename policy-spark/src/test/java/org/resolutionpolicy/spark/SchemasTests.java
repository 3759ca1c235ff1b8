package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts are carried exactly, and read back as the amounts that were decided. */
class SchemasTests {

    @Test
    void an_amount_comes_back_from_its_column_as_it_was_decided_at_its_own_scale() {
        for (String decided : new String[] {"12.5", "9.99", "1E+2", "0", "0.000000000001", "123456789012345678.25"}) {
            BigDecimal amount = new BigDecimal(decided);

            BigDecimal back = Schemas.amount(Schemas.carried(amount, "h", 1), amount.scale());

            assertThat(back).isEqualTo(amount).hasToString(amount.toString());
        }
        assertThat(Schemas.amount(null, null)).isNull();
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
