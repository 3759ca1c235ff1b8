package org.resolutionpolicy.cli;

import org.resolutionpolicy.format.text.ReasonColumn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonColumnTests {

    static final String TABLE = String.join("\n",
            "coffee-shop 2026.11 | case C-1 | HIGH late-order | employee barista",
            "  REMEDY   AMOUNT  OUTCOME  REASONS",
            "  refund   80      DENIED   no-cash: Gift-card balances are never refunded in cash, not even to loyal members",
            "                            no-weekends: Refunds wait for Monday",
            "  apology          ALONE",
            "  follow-up: senior-management-call within P2D (out-of-pocket-callback-for-customers-who-paid-for-it-themselves)",
            "");

    @Test
    void wraps_a_long_reason_at_a_space_and_indents_its_continuation_under_the_reasons_column() {
        String wrapped = ReasonColumn.wrap(TABLE, 80);

        assertThat(wrapped).isEqualTo(String.join("\n",
                "coffee-shop 2026.11 | case C-1 | HIGH late-order | employee barista",
                "  REMEDY   AMOUNT  OUTCOME  REASONS",
                "  refund   80      DENIED   no-cash: Gift-card balances are never refunded in",
                "                              cash, not even to loyal members",
                "                            no-weekends: Refunds wait for Monday",
                "  apology          ALONE",
                // follow-ups are not part of the table
                "  follow-up: senior-management-call within P2D (out-of-pocket-callback-for-customers-who-paid-for-it-themselves)",
                ""));
        assertThat(wrapped.lines().filter(l -> !l.startsWith("  follow-up:"))).allMatch(l -> l.length() <= 80);
    }

    @Test
    void leaves_a_table_that_fits_as_it_is() {
        assertThat(ReasonColumn.wrap(TABLE, 120)).isEqualTo(TABLE);
    }

    @Test
    void keeps_a_word_longer_than_the_column_whole() {
        String table = "p 1 | case C | LOW | employee e\n  REMEDY  OUTCOME  REASONS\n  refund  DENIED   "
                + "see https://example.com/a-very-long-policy-page-about-refunds-and-why-they-are-denied-here\n";

        assertThat(ReasonColumn.wrap(table, 60)).isEqualTo("p 1 | case C | LOW | employee e\n  REMEDY  OUTCOME  REASONS\n"
                + "  refund  DENIED   see\n"
                + "                     https://example.com/a-very-long-policy-page-about-refunds-and-why-they-are-denied-here\n");
    }

    @Test
    void leaves_rows_long_when_too_little_room_is_left_for_reasons() {
        String table = "p 1 | case C | LOW | employee e\n  REMEDY  OUTCOME                                           REASONS\n"
                + "  refund  ESCALATE to a-role-with-a-remarkably-long-name-indeed  r: one two three four five six seven\n";

        assertThat(ReasonColumn.wrap(table, 80)).isEqualTo(table);
    }

    @Test
    void leaves_a_latitude_table_as_it_is() {
        String table = "p 1 | case C | LOW | employee e\n  REMEDY   ALONE UP TO  BEYOND THAT\n"
                + "  voucher  20           ESCALATE to a-role-whose-name-is-so-long-that-this-row-is-wider-than-sixty\n";

        assertThat(ReasonColumn.wrap(table, 60)).isEqualTo(table);
    }
}
