package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One type for a limit, one for what lies beyond it, one for a window; the older nested types read the same. */
class VocabularyTests {

    @Nested
    @DisplayName("a limit")
    class Limits {

        @Test
        void is_a_number_unlimited_or_computed_and_says_which() {
            assertThat(Limit.of(50).isComputed()).isFalse();
            assertThat(Limit.unlimited().isUnlimited()).isTrue();
            Limit paid = Limit.computed(" attributes.paid / 3 ");
            assertThat(paid.isComputed()).isTrue();
            assertThat(paid.isUnlimited()).isFalse();
            assertThat(paid.amount()).isEmpty();
            assertThat(paid.expression()).contains("attributes.paid / 3");
            assertThat(paid).hasToString("attributes.paid / 3").isEqualTo(Limit.computed("attributes.paid / 3"));
        }

        @Test
        void that_is_computed_has_a_size_only_in_a_case() {
            Limit paid = Limit.computed("attributes.paid");

            assertThatThrownBy(() -> paid.covers(BigDecimal.ONE)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the computed limit [attributes.paid] has a value only in a case: it cannot be compared");
            assertThatThrownBy(() -> Limit.of(10).compareTo(paid)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> paid.max(Limit.zero())).isInstanceOf(IllegalStateException.class);
            assertThat(paid).isNotEqualTo(Limit.zero());
        }

        @Test
        void that_is_computed_needs_an_expression() {
            assertThatThrownBy(() -> Limit.computed(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a computed limit needs an expression");
        }
    }

    @Nested
    @DisplayName("what lies beyond a limit")
    class BeyondALimit {

        @Test
        void is_nothing_an_escalation_swat_or_a_denial() {
            assertThat(Beyond.nothing()).hasToString("no limit");
            assertThat(Beyond.escalate("shift-lead")).hasToString("ESCALATE to shift-lead");
            assertThat(Beyond.swat("incident")).hasToString("SWAT (incident)");
            assertThat(Beyond.swat(null)).hasToString("SWAT");
            assertThat(Beyond.deny()).hasToString("DENIED");
            assertThat(Beyond.escalate("shift-lead").asWritten()).isEqualTo("shift-lead");
            assertThat(Beyond.deny().asWritten()).isEqualTo("deny");
        }

        @Test
        void names_a_role_only_to_escalate_and_a_team_only_for_swat() {
            assertThatThrownBy(() -> new Beyond(Beyond.Kind.DENY, "manager", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("only ESCALATE names a role, not DENY: [manager]");
            assertThatThrownBy(() -> new Beyond(Beyond.Kind.ESCALATE, null, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        @SuppressWarnings("removal")
        void reads_the_same_through_the_deprecated_types_of_the_table_and_the_explanation() {
            AuthorityTable table = new AuthorityTable(List.of("agent"), List.of("LOW"), Beyond.swat("incident"),
                    List.of(), List.of());
            assertThat(table.beyond()).isEqualTo(new AuthorityTable.Beyond(AuthorityTable.Beyond.Kind.SWAT, null,
                    "incident"));
            assertThat(table.beyondAuthority()).isEqualTo(Beyond.swat("incident"));

            Explanation.AuthorityTrace trace = new Explanation.AuthorityTrace(List.of(), null, Beyond.escalate("manager"),
                    null);
            assertThat(trace.beyond()).isEqualTo(new Explanation.Beyond(Explanation.Beyond.Kind.ROLE, "manager"));
            assertThat(trace.beyondAuthority()).isEqualTo(Beyond.escalate("manager"));
        }
    }

    @Nested
    @DisplayName("a per-customer window")
    class Windows {

        @Test
        void caps_the_total_the_count_or_both_over_a_period() {
            assertThat(new Window(Limit.of(30), 4, Period.ofDays(30)))
                    .hasToString("at most 30 in total and 4 grants per customer in P30D");
            assertThatThrownBy(() -> new Window(null, null, Period.ofDays(30))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a window caps the total, the count or both");
        }

        @Test
        @SuppressWarnings("removal")
        void is_what_a_role_of_the_table_and_an_explanation_read() {
            Window window = new Window(Limit.of(30), null, Period.ofDays(30));
            AuthorityTable.Role role = new AuthorityTable.Role("agent", Limit.of(10), "agent", window,
                    Beyond.escalate("manager"), List.of(), null);
            assertThat(role.window()).isEqualTo(window);
            assertThat(role.perCustomer()).hasToString("at most 30 per customer in P30D");
            assertThat(role.beyondLimit()).isEqualTo(Beyond.escalate("manager"));

            Explanation.Window used = new Explanation.Window(window, 1, new BigDecimal("10.00"));
            assertThat(used.limits()).isEqualTo(window);
            assertThat(used.text()).isEqualTo("at most 30 in total per customer in P30D; before this the customer had "
                    + "1 grant totalling 10");
        }
    }
}
