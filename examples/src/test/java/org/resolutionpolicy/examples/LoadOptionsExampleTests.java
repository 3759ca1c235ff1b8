package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicyLoader;

/** The tenant loader of LoadOptionsExample: its limits refuse what the defaults allow, and its clock decides. */
class LoadOptionsExampleTests {

    private static final Path COFFEE = Path.of("policies", "coffee-shop.yaml");
    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2027-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void holds_the_limits_it_says_and_keeps_the_other_defaults() {
        LoadOptions options = LoadOptionsExample.tenantLoader(NOVEMBER).options();

        assertThat(options.maxSourceChars()).isEqualTo(64 * 1024);
        assertThat(options.maxAliases()).isZero();
        assertThat(options.clock()).isEqualTo(NOVEMBER);
        assertThat(options.maxNestingDepth()).isEqualTo(LoadOptions.DEFAULT_MAX_NESTING_DEPTH).isEqualTo(32);
        assertThat(options.maxNodes()).isEqualTo(LoadOptions.DEFAULT_MAX_NODES).isEqualTo(100_000);
        assertThat(LoadOptions.DEFAULT_MAX_SOURCE_CHARS).isEqualTo(512 * 1024);
        assertThat(LoadOptions.DEFAULT_MAX_ALIASES).isEqualTo(20);
    }

    @Test
    void refuses_a_source_over_64_k_characters_naming_the_limit() throws IOException {
        String big = Files.readString(COFFEE) + "\n# padding\n".repeat(7_000);
        PolicyLoader loader = LoadOptionsExample.tenantLoader(NOVEMBER);

        assertThatThrownBy(() -> loader.parse(big))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).contains("[" + 64 * 1024 + "]")));
    }

    @Test
    void refuses_an_alias_that_the_defaults_allow() throws IOException {
        String aliased = Files.readString(COFFEE)
                .replace("voucher:    { unit: money }", "voucher:    &money { unit: money }")
                .replace("refund:     { unit: money }", "refund:     *money");
        assertThat(Policies.parse(aliased).remedies()).containsKey("refund");
        PolicyLoader loader = LoadOptionsExample.tenantLoader(NOVEMBER);

        assertThatThrownBy(() -> loader.parse(aliased))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.message()).containsIgnoringCase("alias")));
    }

    @Test
    void decides_cases_without_opened_at_by_its_clock() throws IOException {
        // a barista may give a customer at most 30 in vouchers per 30 days; this one had 25 on November 10
        CustomerCase noDate = CustomerCase.builder().severity("LOW").category("late-order").employee("barista")
                .customer(Customer.builder().tier("SILVER").history("voucher", 25, Instant.parse("2026-11-10T10:00:00Z"))
                        .build())
                .propose("voucher", 10).build();

        Policy inNovember = LoadOptionsExample.tenantLoader(NOVEMBER).load(COFFEE);
        Policy inJanuary = LoadOptionsExample.tenantLoader(NEW_YEAR).load(COFFEE);

        assertThat(inNovember.decide(noDate).proposal("voucher").outcome()).isEqualTo(Outcome.escalate("shift-lead"));
        assertThat(inJanuary.decide(noDate).proposal("voucher").outcome()).isEqualTo(Outcome.alone());
    }
}
