package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;

/**
 * MVEL conditions may read facts, compare, compute and call a few helpers; anything else is refused at load with
 * the rule, line and column, and never runs.
 */
class ExpressionSandboxTests {

    static final String HEADER = """
            policy: sandbox
            version: "1"
            roles: [agent, supervisor, manager]
            attributes: { delayHours: number, store: string, vip: boolean, deliveredAt: date }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              free-drink: { unit: count }
              apology: { unit: none }
            authority:
              agent: { refund: unlimited, voucher: unlimited, free-drink: unlimited, apology: unlimited }
            rules:
              - id: under-test
            """;

    /** The line of {@code when:} in {@link #withCondition}; its expression starts after {@code    when: "}. */
    static final int WHEN_LINE = (int) HEADER.lines().count() + 1;
    /** The column of the first character of the expression, inside the double quotes. */
    static final int FIRST_COLUMN = "    when: \"".length() + 1;

    static final Instant OPENED = Instant.parse("2026-11-20T12:00:00Z");

    /** A policy whose one rule escalates to [manager] when the expression holds. */
    static Policy withCondition(String expression) {
        return Policies.parse(HEADER + "    when: \"" + expression + "\"\n"
                + "    require: manager\n"
                + "    because: the condition under test held\n");
    }

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().severity("MEDIUM").employee("agent").openedAt(OPENED).propose("refund", 30);
    }

    /** True if the rule matched: a require rule naming the approver level is always among the reasons. */
    static boolean holds(String expression, CustomerCase.Builder c) {
        return withCondition(expression).decide(c.build()).proposals().get(0).ruleIds().contains("under-test");
    }

    /** The single error of a policy whose condition is refused. */
    static Problem refused(String expression) {
        try {
            withCondition(expression);
        } catch (PolicyLoadException e) {
            assertThat(e.errors()).as("errors for [%s]", expression).hasSize(1);
            return e.errors().get(0);
        }
        throw new AssertionError("expression was accepted, but should have been refused: " + expression);
    }

    /** Asserts the expression is refused at the offending part, named by the rule, with a message fragment. */
    static void assertRefusedAt(String expression, String offending, String fragment) {
        Problem p = refused(expression);
        assertThat(p.source()).isEqualTo("<string>");
        assertThat(p.line()).as("line of %s", p).isEqualTo(WHEN_LINE);
        assertThat(p.column()).as("column of %s", p).isEqualTo(FIRST_COLUMN + expression.indexOf(offending));
        assertThat(p.message()).contains(fragment).contains("of rule [under-test]");
    }

    @Nested
    @DisplayName("what a condition may do")
    class Allowed {

        @Test
        void arithmetic_follows_the_usual_precedence() {
            assertThat(holds("(amount + 10) * 2 == 80", aCase())).isTrue();
            assertThat(holds("amount + 10 * 2 == 50", aCase())).isTrue();
            assertThat(holds("amount - 40 < 0 && -amount == 0 - 30", aCase())).isTrue();
            assertThat(holds("amount / 4 == 7.5 && amount % 7 == 2", aCase())).isTrue();
            assertThat(holds("amount * 2 > 60", aCase())).isFalse();
        }

        @Test
        void boolean_logic_combines_and_negates() {
            assertThat(holds("amount > 10 && amount < 50", aCase())).isTrue();
            assertThat(holds("amount > 100 || amount < 50", aCase())).isTrue();
            assertThat(holds("!(amount > 10)", aCase())).isFalse();
            assertThat(holds("amount > 100 || !(amount < 20) && amount != 31", aCase())).isTrue();
            assertThat(holds("true && !false", aCase())).isTrue();
        }

        @Test
        void severity_at_least_compares_by_the_policy_scale() {
            assertThat(holds("severity.atLeast('HIGH')", aCase().severity("HIGH"))).isTrue();
            assertThat(holds("severity.atLeast('HIGH')", aCase().severity("CRITICAL"))).isTrue();
            assertThat(holds("severity.atLeast('HIGH')", aCase().severity("MEDIUM"))).isFalse();
            assertThat(holds("severity.below('MEDIUM')", aCase().severity("LOW"))).isTrue();
            assertThat(holds("severity == 'HIGH'", aCase().severity("HIGH"))).isTrue();
            assertThat(holds("severity > 'LOW'", aCase().severity("MEDIUM"))).isTrue();
        }

        @Test
        void severity_rank_counts_from_zero_for_the_lowest() {
            assertThat(holds("severity.rank == 0", aCase().severity("LOW"))).isTrue();
            assertThat(holds("severity.rank == 2", aCase().severity("HIGH"))).isTrue();
            assertThat(holds("severity.rank * 10 >= 30", aCase().severity("CRITICAL"))).isTrue();
        }

        @Test
        void employee_role_compares_by_the_ladder() {
            assertThat(holds("employee.role.atLeast('supervisor')", aCase().employee("manager"))).isTrue();
            assertThat(holds("employee.role.atLeast('supervisor')", aCase().employee("agent"))).isFalse();
            assertThat(holds("employee.role == 'agent'", aCase())).isTrue();
        }

        @Test
        void history_count_counts_grants_of_a_remedy_inside_the_window() {
            Customer customer = Customer.builder()
                    .history("voucher", 10, Instant.parse("2026-10-01T00:00:00Z"))
                    .history("voucher", 10, Instant.parse("2026-06-01T00:00:00Z"))
                    .history("voucher", 10, Instant.parse("2026-01-01T00:00:00Z"))   // outside six months
                    .history("refund", 10, Instant.parse("2026-11-01T00:00:00Z"))    // another remedy
                    .build();

            assertThat(holds("history.count('voucher', 'P6M') == 2", aCase().customer(customer))).isTrue();
            assertThat(holds("history.count('voucher') == 3", aCase().customer(customer))).isTrue();
            assertThat(holds("history.count('apology', 'P6M') == 0", aCase().customer(customer))).isTrue();
        }

        @Test
        void history_total_adds_the_amounts_of_a_remedy_inside_the_window() {
            Customer customer = Customer.builder()
                    .history("refund", 40, Instant.parse("2026-11-10T00:00:00Z"))
                    .history("refund", 2.5, Instant.parse("2026-11-20T12:00:00Z"))   // at openedAt: inside
                    .history("refund", 100, Instant.parse("2026-09-01T00:00:00Z"))   // outside 30 days
                    .history("voucher", 7, Instant.parse("2026-11-10T00:00:00Z"))
                    .build();

            assertThat(holds("history.total('refund', 'P30D') == 42.5", aCase().customer(customer))).isTrue();
            assertThat(holds("history.total('refund', 'P30D') + amount > 72.5", aCase().customer(customer))).isFalse();
        }

        @Test
        void history_total_counts_an_amountless_grant_of_a_count_remedy_as_one() {
            // HistoryEntry: amount null for remedies without one "(counted as 1 for count remedies)";
            // Windows: "one definition, used by authority limits and by the history.count/total helpers alike"
            Customer twoDrinks = Customer.builder()
                    .history(new HistoryEntry("free-drink", null, Instant.parse("2026-11-10T00:00:00Z")))
                    .history(new HistoryEntry("free-drink", null, Instant.parse("2026-11-11T00:00:00Z")))
                    .build();

            assertThat(holds("history.total('free-drink', 'P30D') == 2", aCase().customer(twoDrinks))).isTrue();
        }

        @Test
        void string_helpers_test_text_facts() {
            CustomerCase.Builder c = aCase().category("late-delivery").attribute("store", "Main St");

            assertThat(holds("category.startsWith('late')", c)).isTrue();
            assertThat(holds("category.endsWith('delivery')", c)).isTrue();
            assertThat(holds("category.contains('deliv')", c)).isTrue();
            assertThat(holds("attributes.store.contains('Main')", c)).isTrue();
            assertThat(holds("category.startsWith('early')", c)).isFalse();
            assertThat(holds("category == 'late-delivery' && category != 'spill'", c)).isTrue();
        }

        @Test
        void fact_equals_null_tests_presence() {
            assertThat(holds("customer.tier == null", aCase())).isTrue();
            assertThat(holds("customer.tier != null", aCase())).isFalse();
            assertThat(holds("customer.tier == null", aCase().customer(Customer.builder().tier("GOLD").build()))).isFalse();
            assertThat(holds("null == attributes.delayHours", aCase())).isTrue();
            assertThat(holds("attributes.delayHours != null", aCase().attribute("delayHours", 0))).isTrue();
        }

        @Test
        void every_comparison_on_an_absent_fact_is_false() {
            assertThat(holds("impact.outOfPocket >= 0", aCase())).isFalse();
            assertThat(holds("impact.outOfPocket < 0", aCase())).isFalse();
            assertThat(holds("impact.outOfPocket != 5", aCase())).isFalse();
            assertThat(holds("customer.tier != 'GOLD'", aCase())).isFalse();
            assertThat(holds("attributes.delayHours * 2 + amount > 0", aCase())).isFalse();
            assertThat(holds("impact.legalThreat", aCase())).isFalse();
            assertThat(holds("impact.legalThreat == false", aCase())).isFalse();
        }

        @Test
        void negating_a_false_comparison_on_an_absent_fact_gives_true() {
            // the comparison is false, as the contract says; "!" then negates that false, as logic says
            assertThat(holds("!(impact.outOfPocket > 10)", aCase())).isTrue();
            assertThat(holds("!impact.legalThreat", aCase())).isTrue();
        }

        @Test
        void dates_compare_chronologically_with_iso_text() {
            CustomerCase.Builder c = aCase().attribute("deliveredAt", Instant.parse("2026-11-18T00:00:00Z"));

            assertThat(holds("openedAt > '2026-11-01T00:00:00Z'", c)).isTrue();
            assertThat(holds("attributes.deliveredAt < openedAt", c)).isTrue();
            assertThat(holds("attributes.deliveredAt >= '2026-11-19'", c)).isFalse();
        }

        @Test
        void remedy_and_booleans_compare_by_equality() {
            CustomerCase.Builder c = aCase().attribute("vip", true).impact(Impact.builder().legalThreat(false).build());

            assertThat(holds("remedy == 'refund'", c)).isTrue();
            assertThat(holds("remedy != 'voucher'", c)).isTrue();
            assertThat(holds("attributes.vip && impact.legalThreat == false", c)).isTrue();
        }

        @Test
        void a_division_by_zero_does_not_throw_and_has_no_value_so_every_comparison_with_it_is_false() {
            assertThat(holds("amount / 0 > 1000000", aCase())).isFalse();
            assertThat(holds("amount / 0 <= 1000000", aCase())).isFalse();
            assertThat(holds("(amount - 30) / 0 == 0", aCase())).isFalse();
            assertThat(holds("amount % 0 == 0", aCase())).isFalse();
            assertThat(holds("amount % 0 != 0", aCase())).isFalse();
            assertThat(holds("!(amount / 0 > 1)", aCase())).isTrue();
        }
    }

    @Nested
    @DisplayName("hostile expressions are refused at load, located, and never run")
    class Hostile {

        @TempDir
        Path tmp;

        @Test
        void runtime_exec_is_refused_and_nothing_is_executed() {
            Path target = tmp.resolve("pwned");
            String expression = "Runtime.getRuntime().exec('touch " + target + "')";

            assertRefusedAt(expression, "getRuntime", "reflection and system access are not allowed: [getRuntime]");
            assertThat(target).doesNotExist();
        }

        @Test
        void system_exit_is_refused_and_the_jvm_is_still_running() {
            assertRefusedAt("java.lang.System.exit(0)", "exit", "reflection and system access are not allowed: [exit]");
            assertThat(Thread.currentThread().isAlive()).isTrue();
        }

        @Test
        void system_set_property_is_refused_and_the_property_stays_unset() {
            assertRefusedAt("System.setProperty('rp.sandbox.pwned','1')", "setProperty",
                    "reflection and system access are not allowed: [setProperty]");
            assertThat(System.getProperty("rp.sandbox.pwned")).isNull();
        }

        @Test
        void creating_a_file_is_refused_and_no_file_appears() {
            Path target = tmp.resolve("created");
            String expression = "new java.io.File('" + target + "').createNewFile()";

            assertRefusedAt(expression, "new", "object creation is not allowed: [new]");
            assertThat(target).doesNotExist();
        }

        @Test
        void reflection_through_get_class_is_refused() {
            assertRefusedAt("''.getClass().forName('java.lang.Runtime')", ".getClass", "unexpected [.]");
        }

        @Test
        void a_class_literal_is_refused() {
            assertRefusedAt("amount.class", "class", "reflection and system access are not allowed: [class]");
        }

        @Test
        void assignment_is_refused() {
            assertRefusedAt("x = 1", "=", "assignment is not allowed");
        }

        @Test
        void a_second_statement_is_refused() {
            assertRefusedAt("amount > 1; System.exit(0)", ";", "only one expression is allowed");
        }

        @Test
        void loops_are_refused() {
            assertRefusedAt("while (true) {}", "{", "blocks are not allowed");
            assertRefusedAt("for (;;) {}", ";", "only one expression is allowed");
        }

        @Test
        void function_definitions_are_refused() {
            assertRefusedAt("def f() {}", "{", "blocks are not allowed");
        }

        @Test
        void templates_are_refused() {
            assertRefusedAt("@{1+1}", "@", "character [@] is not allowed");
        }

        @Test
        void inline_collections_are_refused() {
            assertRefusedAt("[1,2,3].size() > 1", "[", "inline lists, maps and blocks are not allowed");
        }

        @Test
        void a_100_digit_number_is_refused() {
            String number = "1".repeat(100);
            assertRefusedAt("amount > " + number, number, "is too large: [100] digits before the point, at most [18]");
        }

        @Test
        void a_5000_character_expression_is_refused() {
            String expression = "amount > 1" + " && amount > 1".repeat(357);
            assertThat(expression.length()).isGreaterThanOrEqualTo(5000);

            assertRefusedAt(expression, "amount", "expression is too long: [" + expression.length() + "] characters");
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS)
        void two_hundred_nested_parentheses_are_refused() {
            String expression = "(".repeat(200) + "amount > 1" + ")".repeat(200);

            Problem p = refused(expression);

            assertThat(p.message()).contains("nested too deeply").contains("rule [under-test]");
            assertThat(p.line()).isEqualTo(WHEN_LINE);
            assertThat(p.column()).isBetween(FIRST_COLUMN, FIRST_COLUMN + 200);
        }

        @Test
        void imports_are_refused() {
            assertRefusedAt("import java.io.*", "import", "[import] is not allowed");
        }

        @Test
        void an_unknown_helper_is_refused() {
            assertRefusedAt("history.foo('x')", "history", "method calls are not allowed: [history.foo(..)]");
        }

        @Test
        void a_method_of_a_fact_outside_the_helpers_is_refused() {
            assertRefusedAt("customer.tier.length() > 3", "customer", "method calls are not allowed");
        }
    }

    @Nested
    @DisplayName("type errors are refused at load")
    class TypeErrors {

        @Test
        void a_text_fact_is_not_ordered_against_a_number() {
            assertRefusedAt("customer.tier > 5", ">", "cannot compare [customer.tier] (string) with [5] (number)");
        }

        @Test
        void arithmetic_needs_numbers() {
            assertRefusedAt("amount + 'x' > 1", "'x'", "[+] needs a number, but [x] is a string");
        }

        @Test
        void a_condition_must_be_boolean() {
            assertRefusedAt("amount", "amount", "a condition must be true or false, but this is a number");
        }

        @Test
        void an_unknown_fact_is_named_with_the_closest_one() {
            Problem p = refused("custmer.tier == 'GOLD'");

            assertThat(p.message()).contains("unknown fact [custmer.tier]");
            assertThat(p.hint()).isEqualTo("did you mean [customer.tier]?");
            assertThat(p.column()).isEqualTo(FIRST_COLUMN);
        }

        @Test
        void an_unknown_severity_in_a_helper_is_refused() {
            assertRefusedAt("severity.atLeast('HUGE')", "'HUGE'", "unknown severity [HUGE]");
        }

        @Test
        void an_unknown_remedy_in_a_history_helper_is_refused() {
            Problem p = refused("history.count('vouchr', 'P6M') > 1");

            assertThat(p.message()).contains("unknown remedy [vouchr]");
            assertThat(p.hint()).isEqualTo("did you mean [voucher]?");
        }

        @Test
        void a_bad_history_period_is_refused() {
            assertRefusedAt("history.count('voucher', 'six months') > 1", "'six months'",
                    "[six months] is not an ISO-8601 period");
        }
    }

    @Nested
    @DisplayName("a value written without quotes is refused with a hint to quote it")
    class UnquotedValues {

        @Test
        void a_bare_severity_is_refused_where_it_is_with_the_quoted_form() {
            assertRefusedAt("severity == CRITICAL", "CRITICAL", "class references are not allowed: [CRITICAL]");
            assertThat(refused("severity == CRITICAL").hint()).isEqualTo("did you mean 'CRITICAL' (in quotes)? a "
                    + "severity, tier, role or other value is text in a condition, as in [severity == 'CRITICAL']");
        }

        @Test
        void a_bare_tier_or_other_capitalised_word_gets_the_same_hint() {
            assertThat(refused("customer.tier == GOLD").hint()).startsWith("did you mean 'GOLD' (in quotes)?")
                    .endsWith("as in [customer.tier == 'GOLD']");
        }

        @Test
        void a_bare_role_is_an_unknown_fact_with_the_quoted_form() {
            Problem p = refused("employee.role == supervisor");

            assertThat(p.message()).contains("unknown fact [supervisor]");
            assertThat(p.hint()).startsWith("did you mean 'supervisor' (in quotes)?")
                    .endsWith("as in [employee.role == 'supervisor']");
        }

        @Test
        void a_class_of_the_jdk_gets_no_hint_to_quote_it() {
            Problem p = refused("Math == 1");

            assertThat(p.message()).contains("class references are not allowed: [Math]");
            assertThat(p.hint()).isNull();
        }

        @Test
        void the_hint_is_printed_with_the_place() {
            assertThatThrownBy(() -> withCondition("severity == CRITICAL"))
                    .hasMessageContaining("<string>:" + WHEN_LINE + ":" + (FIRST_COLUMN + 12)
                            + ": error: class references are not allowed: [CRITICAL]")
                    .hasMessageContaining("did you mean 'CRITICAL' (in quotes)?");
        }
    }

    @Test
    void the_error_message_reads_compiler_style_with_the_place() {
        assertThatThrownBy(() -> withCondition("amount.class"))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("<string>:" + WHEN_LINE + ":" + (FIRST_COLUMN + 7)
                        + ": error: reflection and system access are not allowed: [class] in expression [amount.class] "
                        + "of rule [under-test]");
    }

    @Test
    void an_accepted_expression_decides_with_big_amounts_exactly_enough() {
        // amounts are compared as doubles in expressions; cents survive at realistic sizes
        assertThat(holds("amount > 999999.99", aCase().clearProposals().propose("refund", new BigDecimal("1000000.00"))))
                .isTrue();
        assertThat(holds("amount > 999999.99", aCase().clearProposals().propose("refund", new BigDecimal("999999.99"))))
                .isFalse();
    }

    @Nested
    @DisplayName("where an error is reported")
    class Locations {
        static final String RULES_HEADER = """
                policy: located
                version: "1"
                roles: [agent, supervisor]
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 50 } }
                rules:
                """;

        List<Problem> errors(String rules) {
            try {
                Policies.parse(RULES_HEADER + rules.indent(2));
            } catch (PolicyLoadException e) {
                return e.errors();
            }
            throw new AssertionError("policy loaded, but should not have");
        }

        @Test
        void inside_single_quotes_the_column_is_that_of_the_offending_word() {
            assertThat(errors("""
                    - id: single
                      when: 'amount.class'
                      require: supervisor
                      because: x
                    """)).singleElement().extracting(Problem::line, Problem::column).containsExactly(8, 19);
        }

        @Test
        void in_an_expr_key_the_column_is_that_of_the_offending_word() {
            assertThat(errors("""
                    - id: in-expr
                      when: { severity: HIGH, expr: "amount.class" }
                      require: supervisor
                      because: x
                    """)).singleElement().satisfies(p -> {
                        assertThat(p).extracting(Problem::line, Problem::column).containsExactly(8, 43);
                        assertThat(p.message()).contains("of rule [in-expr]");
                    });
        }

        @Test
        void in_a_folded_block_the_place_is_the_block_and_the_message_gives_the_character() {
            // a folded scalar loses its line breaks, so the engine points at the block and counts characters
            assertThat(errors("""
                    - id: folded
                      when: >
                        amount > 1 &&
                        amount.class
                      require: supervisor
                      because: x
                    """)).singleElement().satisfies(p -> {
                        assertThat(p).extracting(Problem::line, Problem::column).containsExactly(8, 11);
                        assertThat(p.message()).endsWith("of rule [folded] (at character 22)");
                    });
        }

        @Test
        void every_refused_expression_of_a_policy_is_reported_at_once() {
            assertThat(errors("""
                    - id: one
                      when: "Runtime.getRuntime() != null"
                      require: supervisor
                      because: x
                    - id: two
                      when: "x = 1"
                      require: supervisor
                      because: x
                    - id: three
                      when: "amount"
                      require: supervisor
                      because: x
                    """)).extracting(Problem::line).containsExactly(8, 12, 16);
        }
    }

    @Test
    void a_history_period_too_long_to_subtract_is_refused_at_load_or_still_decides() {
        // PRODUCT: "A forbidden construct is a load-time error with its location, never a runtime surprise"
        Policy p;
        try {
            p = withCondition("history.count('voucher', 'P999999999Y999999999M') > 0");
        } catch (PolicyLoadException e) {
            assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.line()).isEqualTo(WHEN_LINE));
            return;
        }
        assertThat(p.decide(aCase().build()).proposal("refund").outcome()).isEqualTo(Outcome.alone());
    }
}
