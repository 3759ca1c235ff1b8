package org.resolutionpolicy.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Null guards go in front of each test of a fact that may be absent, and columns map back to the file. */
class NullGuardsTests {

    private static NullGuards guards(String drl) {
        return NullGuards.of(new DrlText("r.drl", drl));
    }

    @Test
    void guards_every_inequality_of_a_fact_that_may_be_absent_and_nothing_else() {
        NullGuards g = guards("""
                rule "r"
                when
                    CaseFact( customerTier != "VIP", severity != "LOW", number("x") != 3, category == "a" )
                    ProposalFact( amount < 5, amount not in (1, 2), remedy != "refund" )
                then
                    if (customerTier != "VIP") { }
                end
                """);

        assertThat(g.guarded()).contains(
                "CaseFact( customerTier != null && customerTier != \"VIP\", severity != \"LOW\", "
                        + "number(\"x\") != null && number(\"x\") != 3, category == \"a\" )",
                "ProposalFact( amount < __rpDecimal5, amount != null && amount not in (1, 2), remedy != \"refund\" )",
                "if (customerTier != \"VIP\") { }");
        assertThat(g.count()).isEqualTo(3);
    }

    @Test
    void names_the_whole_numbers_decimal_facts_are_ordered_by_and_declares_them_after_the_last_line() {
        String drl = """
                rule "r"
                when
                    CaseFact( outOfPocket >= 500, lifetimeValue<0, socialReach > 10, number("x") > 3 )
                    ProposalFact( amount > 50 && amount <= 5000, total > 50, count < 3, amount == 50 )
                    ProposalFact( amount > -5, amount > 5.5, amount > 5B, amount > 1e3, amount > 050, amount > x50 )
                then
                    if (amount > 50) { }
                end""";

        NullGuards g = guards(drl);

        assertThat(g.guarded()).startsWith("rule \"r\"\nwhen\n"
                + "    CaseFact( outOfPocket >= __rpDecimal500, lifetimeValue<__rpDecimal0, socialReach > 10, "
                + "number(\"x\") > 3 )\n"
                + "    ProposalFact( amount > __rpDecimal50 && amount <= __rpDecimal5000, total > __rpDecimal50, "
                + "count < __rpDecimal3, amount == 50 )\n"
                + "    ProposalFact( amount > -5, amount > 5.5, amount > 5B, amount > 1e3, amount > 050, amount > x50 )\n"
                + "then\n    if (amount > 50) { }\nend\nglobal java.math.BigDecimal __rpDecimal500;");
        assertThat(g.constants()).containsOnlyKeys("__rpDecimal500", "__rpDecimal0", "__rpDecimal50",
                "__rpDecimal5000", "__rpDecimal3");
        assertThat(g.constants().get("__rpDecimal5000")).isEqualByComparingTo("5000");
        assertThat(g.guarded().lines().filter(l -> l.startsWith("global ")).count()).isEqualTo(5);
        assertThat(g.count()).isZero();
        // "socialReach" (column 52 in the file) after two names on line 3
        assertThat(g.original(3, 52 + 2 * NullGuards.CONSTANT.length())).isEqualTo(52);
        // a column inside an inserted name is the number's own: "500" at column 30
        assertThat(g.original(3, 33)).isEqualTo(30);
        assertThat(g.original(3, 30 + NullGuards.CONSTANT.length())).isEqualTo(30);
    }

    @Test
    void guards_and_names_in_every_rule_written_on_one_line() {
        NullGuards g = guards("""
                rule "a" when CaseFact( outOfPocket > 0 ) then x(); end
                rule "b" when CaseFact( customerTier != "VIP" ) then effects.followUp(kcontext, "y", null, null, "b"); end
                rule "c"
                when
                    ProposalFact( amount >= 20 )
                then
                    x();
                end
                """);

        assertThat(g.guarded()).contains("CaseFact( outOfPocket > __rpDecimal0 )",
                "CaseFact( customerTier != null && customerTier != \"VIP\" )", "ProposalFact( amount >= __rpDecimal20 )");
        assertThat(g.count()).isEqualTo(1);
    }

    @Test
    void names_no_number_in_a_file_that_already_says_the_prefix() {
        String drl = """
                rule "r"
                when
                    ProposalFact( amount > 50 )
                then
                    // __rpDecimal
                end
                """;

        NullGuards g = guards(drl);
        assertThat(g.guarded()).isEqualTo(drl);
        assertThat(g.constants()).isEmpty();
    }

    @Test
    void leaves_tests_of_null_strings_and_comments_alone() {
        String drl = """
                rule "r"
                when
                    CaseFact( customerTier != null, category == "customerTier != x" )
                    // CaseFact( channel != "web" )
                then
                end
                """;

        assertThat(guards(drl).guarded()).isEqualTo(drl);
    }

    @Test
    void maps_a_column_after_a_guard_back_to_the_column_in_the_file() {
        NullGuards g = guards("rule \"r\"\nwhen\n    CaseFact( channel != \"web\", x == 1 )\nthen\nend\n");
        int guard = "channel != null && ".length();

        // "x" is at column 33 of line 3 in the file
        assertThat(g.original(3, 33 + guard)).isEqualTo(33);
        assertThat(g.original(3, 5)).isEqualTo(5);
        assertThat(g.original(3, 15 + 3)).isEqualTo(15);
        assertThat(g.original(4, 1)).isEqualTo(1);
    }
}
