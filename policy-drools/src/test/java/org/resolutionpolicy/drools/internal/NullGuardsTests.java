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
                "ProposalFact( amount < 5, amount != null && amount not in (1, 2), remedy != \"refund\" )",
                "if (customerTier != \"VIP\") { }");
        assertThat(g.count()).isEqualTo(3);
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
