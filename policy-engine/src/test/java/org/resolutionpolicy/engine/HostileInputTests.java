package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolutionpolicy.engine.ExpressionSandboxTests.FIRST_COLUMN;
import static org.resolutionpolicy.engine.ExpressionSandboxTests.HEADER;
import static org.resolutionpolicy.engine.ExpressionSandboxTests.WHEN_LINE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.Problem;

/**
 * The hostile files of the red-team pass (issue 19): each is refused or decided quickly, on a thread with a small
 * stack, with no stack overflow, no out-of-memory, and a message that names the problem, its place and the limit,
 * quoting at most a bounded prefix of any value.
 */
class HostileInputTests {

    /** The stack of the thread hostile inputs run on: a quarter of the usual, as {@code -Xss256k}. */
    static final long SMALL_STACK = 256 * 1024;
    /** Generous on a shared machine: each input takes well under a second; before the fixes they took 13-30 s. */
    static final Duration BUDGET = Duration.ofSeconds(5);
    /** No problem message may be longer: values are quoted by a bounded prefix. */
    static final int LONGEST_MESSAGE = 600;

    /**
     * Runs the work on a thread with a small stack and fails if it overruns the budget or ends with anything but
     * a value or one of the library's own exceptions about the input.
     */
    static <T> Outcome<T> onSmallStack(Callable<T> work) {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(new Outcome<>(work.call(), null));
            } catch (PolicyLoadException | InvalidCaseException e) {
                result.set(new Outcome<>(null, e));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "hostile-input", SMALL_STACK);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(BUDGET.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionError("still running after " + BUDGET);
        }
        Object r = result.get();
        if (r instanceof Throwable t) {
            throw new AssertionError("ended with " + t.getClass().getName() + ": " + abbreviate(t.getMessage()), t);
        }
        @SuppressWarnings("unchecked")
        Outcome<T> outcome = (Outcome<T>) r;
        return outcome;
    }

    /** What a hostile input ended with: a value, or the library's exception about the input. */
    record Outcome<T>(T value, RuntimeException refusal) {
        List<Problem> problems() {
            assertThat(refusal).as("expected the policy to be refused").isInstanceOf(PolicyLoadException.class);
            List<Problem> problems = ((PolicyLoadException) refusal).problems();
            problems.forEach(p -> assertThat(p.message().length() + (p.hint() == null ? 0 : p.hint().length()))
                    .as("length of %s", abbreviate(p.toString())).isLessThan(LONGEST_MESSAGE));
            return problems;
        }

        List<CaseProblem> caseProblems() {
            assertThat(refusal).as("expected the case to be refused").isInstanceOf(InvalidCaseException.class);
            List<CaseProblem> problems = ((InvalidCaseException) refusal).problems();
            problems.forEach(p -> assertThat(p.field().length() + p.message().length())
                    .as("length of %s", abbreviate(p.toString())).isLessThan(LONGEST_MESSAGE));
            return problems;
        }
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " characters)";
    }

    static Outcome<Policy> load(String yaml) {
        return onSmallStack(() -> Policies.parse(yaml));
    }

    static Outcome<Policy> withCondition(String expression) {
        return onSmallStack(() -> ExpressionSandboxTests.withCondition(expression));
    }

    static Problem theOneError(Outcome<?> outcome) {
        List<Problem> problems = outcome.problems();
        assertThat(problems).as("problems").hasSize(1);
        return problems.get(0);
    }

    /** {@code first op t op t ...}, {@code count} terms, left-nested as written, without spaces. */
    static String chain(String first, String op, String term, int count) {
        return first + (op + term).repeat(count - 1);
    }

    @Nested
    @DisplayName("operator chains")
    class Chains {

        @Test
        void a_left_nested_chain_of_850_additions_is_refused_at_the_operator_past_the_limit() {
            String expression = chain("amount", "+", "1", 850) + " > 0";

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("operators nested too deeply").contains("at most [100]")
                    .contains("rule [under-test]");
            assertThat(p.line()).isEqualTo(WHEN_LINE);
            // the 101st [+] nests 101 operators: "amount" and 100 "+1" come before it
            assertThat(p.column()).isEqualTo(FIRST_COLUMN + "amount".length() + 100 * 2);
        }

        @Test
        void a_chain_of_990_multiplications_is_refused_and_does_not_overflow_a_small_stack() {
            String expression = chain("amount", "*", "1", 990) + " > 0";

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("operators nested too deeply").contains("at most [100]");
            assertThat(p.line()).isEqualTo(WHEN_LINE);
        }

        @Test
        void a_mixed_chain_is_refused() {
            String expression = "amount" + "*2+1-3/4%5".repeat(60) + " > 0";

            assertThat(theOneError(withCondition(expression)).message()).contains("operators nested too deeply");
        }

        @Test
        void a_parenthesised_chain_is_refused() {
            String expression = "(" + chain("amount", "+", "1", 300) + ") > 0";

            assertThat(theOneError(withCondition(expression)).message()).contains("operators nested too deeply");
        }

        @Test
        void a_long_chain_of_conjunctions_is_refused() {
            String expression = chain("amount>1", "&&", "amount>1", 150);

            assertThat(theOneError(withCondition(expression)).message()).contains("operators nested too deeply");
        }

        @Test
        void a_right_nested_chain_is_refused_by_the_parenthesis_limit() {
            String expression = "1+(".repeat(300) + "amount" + ")".repeat(300) + " > 0";

            assertThat(theOneError(withCondition(expression)).message()).contains("nested too deeply");
        }

        @Test
        void more_terms_than_the_limit_are_refused_even_when_grouped_shallowly() {
            String group = "(" + chain("1", "+", "1", 90) + ")";
            String expression = "amount+" + String.join("+", java.util.Collections.nCopies(6, group)) + " > 0";
            assertThat(expression.length()).isLessThan(2000);

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("more than [500] terms");
            assertThat(p.line()).isEqualTo(WHEN_LINE);
            assertThat(p.column()).isGreaterThan(FIRST_COLUMN);
        }

        @Test
        void a_chain_at_the_limit_loads_and_decides_on_a_small_stack() {
            String expression = chain("amount", "+", "1", 100) + " > 50";

            Outcome<Decision> decided = onSmallStack(() -> ExpressionSandboxTests.withCondition(expression)
                    .decide(ExpressionSandboxTests.aCase().build()));

            assertThat(decided.refusal()).isNull();
            assertThat(decided.value().proposal("refund").ruleIds()).contains("under-test");
        }

        @Test
        void an_accepted_400_term_expression_aliased_by_20_rules_loads_decides_and_explains_quickly() {
            String group = "(" + chain("1", "+", "1", 80) + ")";
            String expression = "amount+" + String.join("+", java.util.Collections.nCopies(5, group)) + " > 50";
            StringBuilder yaml = new StringBuilder(HEADER.replace("  - id: under-test\n", ""));
            for (int i = 0; i < 20; i++) {
                yaml.append("  - id: r").append(i).append('\n')
                        .append(i == 0 ? "    when: &big \"" + expression + "\"\n" : "    when: *big\n")
                        .append("    require: manager\n    because: long\n");
            }

            Outcome<Decision> decided = onSmallStack(() -> {
                Policy policy = Policies.parse(yaml.toString());
                policy.explain(ExpressionSandboxTests.aCase().propose("voucher", 1).build());
                return policy.decide(ExpressionSandboxTests.aCase().build());
            });

            assertThat(decided.refusal()).isNull();
            assertThat(decided.value().proposal("refund").ruleIds()).hasSize(20);
        }

        @Test
        void a_refused_400_term_chain_aliased_by_20_rules_is_refused_once_per_rule_quickly() {
            String expression = chain("amount", "+", "1", 400) + " > 0";
            StringBuilder yaml = new StringBuilder(HEADER.replace("  - id: under-test\n", ""));
            for (int i = 0; i < 20; i++) {
                yaml.append("  - id: r").append(i).append('\n')
                        .append(i == 0 ? "    when: &big \"" + expression + "\"\n" : "    when: *big\n")
                        .append("    require: manager\n    because: long\n");
            }

            List<Problem> problems = load(yaml.toString()).problems();

            assertThat(problems).hasSize(20).allSatisfy(p -> {
                assertThat(p.message()).contains("operators nested too deeply");
                assertThat(p.line()).isEqualTo(WHEN_LINE);
            });
        }
    }

    @Nested
    @DisplayName("aliases of long values")
    class Aliases {

        static final String POLICY_HEAD = "policy: amplified\nversion: '1'\nremedies: { r: { unit: none } }\n"
                + "authority: { a: { r: unlimited } }\n";

        @Test
        void a_long_scalar_aliased_41000_times_in_a_policy_is_refused_at_the_first_alias_too_many() {
            String big = "x".repeat(300_000);
            String yaml = POLICY_HEAD + "big: &b " + big + "\nroles: [a" + ", *b".repeat(41_000) + "]\n";
            assertThat(yaml.length()).isLessThan(512 * 1024);

            List<Problem> problems = load(yaml).problems();

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("expands to more than [524288] characters");
                assertThat(p.line()).isEqualTo(6);
                assertThat(p.column()).isEqualTo("roles: [a, ".length() + 1);
            });
        }

        @Test
        void aliases_of_aliases_of_a_long_scalar_are_refused() {
            String yaml = POLICY_HEAD + "roles: [a]\nbig: &b " + "y".repeat(100_000) + "\n"
                    + "two: &two [*b, *b]\nfour: &four [*two, *two]\n";

            List<Problem> problems = load(yaml).problems();

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("expands to more than [524288] characters");
                assertThat(p.line()).isEqualTo(8);
            });
        }

        @Test
        void a_long_scalar_aliased_within_the_limit_is_quoted_by_a_prefix_in_every_problem() {
            String big = "z".repeat(20_000);
            String yaml = POLICY_HEAD + "roles: [a, &b " + big + ", *b" + ", *b".repeat(18) + "]\n";

            List<Problem> problems = load(yaml).problems();

            assertThat(problems).filteredOn(p -> p.message().contains("appears twice")).hasSize(19).allSatisfy(p -> {
                assertThat(p.message()).contains("appears twice in roles").contains("z".repeat(80) + "...]")
                        .doesNotContain("z".repeat(81));
                assertThat(p.line()).isEqualTo(5);
            });
        }

        @Test
        void a_case_whose_long_remedy_is_aliased_by_7700_proposals_is_refused_at_the_first_alias_too_many() {
            String yaml = "severity: LOW\nemployee: {role: barista}\nproposals:\n  - {remedy: &b " + "r".repeat(380_000)
                    + "}\n" + "  - {remedy: *b}\n".repeat(7_700);
            assertThat(yaml.length()).isLessThan(512 * 1024);

            List<CaseProblem> problems = onSmallStack(() -> Cases.parse(yaml)).caseProblems();

            assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                    .contains(":5:14:").contains("expands to more than [524288] characters"));
        }

        @Test
        void a_long_unknown_remedy_is_quoted_by_a_prefix_in_every_case_problem() {
            Policy coffee = Policies.parse(TestFiles.classpath("spec/coffee-shop.yaml"));
            String yaml = "severity: LOW\nemployee: {role: barista}\nproposals:\n  - {remedy: &b " + "q".repeat(20_000)
                    + "}\n" + "  - {remedy: *b}\n".repeat(19);

            List<CaseProblem> problems = onSmallStack(() -> coffee.decide(Cases.parse(yaml))).caseProblems();

            assertThat(problems).hasSize(20).allSatisfy(p -> assertThat(p.message())
                    .contains("unknown remedy [" + "q".repeat(80) + "...]").doesNotContain("q".repeat(81)));
        }
    }

    @Nested
    @DisplayName("dates far from now")
    class Dates {

        @Test
        void a_date_literal_beyond_the_supported_range_is_refused_at_the_literal() {
            String expression = "attributes.deliveredAt > '+300000000-01-01T00:00:00Z'";

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("[+300000000-01-01T00:00:00Z]").contains("0000-01-01").contains("9999-12-31");
            assertThat(p.line()).isEqualTo(WHEN_LINE);
            assertThat(p.column()).isEqualTo(FIRST_COLUMN + expression.indexOf('\''));
        }

        @Test
        void a_case_opened_beyond_the_supported_range_is_invalid_naming_the_field() {
            String yaml = "severity: LOW\nopenedAt: +300000000-01-01T00:00:00Z\nemployee: {role: barista}\n"
                    + "proposals: [{remedy: refund, amount: 5}]\n";

            List<CaseProblem> problems = onSmallStack(() -> Cases.parse(yaml)).caseProblems();

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("openedAt");
                assertThat(p.message()).contains("0000-01-01").contains("9999-12-31");
            });
        }

        @Test
        void a_date_attribute_beyond_the_supported_range_is_invalid_naming_the_field() {
            Policy policy = ExpressionSandboxTests.withCondition("attributes.deliveredAt > '2026-01-01'");
            String yaml = "severity: MEDIUM\nopenedAt: 2026-11-20T12:00:00Z\nemployee: {role: agent}\n"
                    + "attributes: {deliveredAt: +300000000-01-01T00:00:00Z}\n"
                    + "proposals: [{remedy: refund, amount: 5}]\n";

            List<CaseProblem> problems = onSmallStack(() -> policy.decide(Cases.parse(yaml))).caseProblems();

            assertThat(problems).singleElement().satisfies(p -> assertThat(p.field())
                    .isEqualTo("attributes.deliveredAt"));
        }

        @Test
        void a_far_date_given_through_the_api_still_decides() {
            Policy policy = ExpressionSandboxTests.withCondition("attributes.deliveredAt > '2026-01-01' && openedAt > '2026-01-01'");
            CustomerCase c = ExpressionSandboxTests.aCase().openedAt(Instant.MAX).attribute("deliveredAt", Instant.MIN)
                    .build();

            Outcome<Decision> decided = onSmallStack(() -> policy.decide(c));

            assertThat(decided.refusal()).isNull();
            assertThat(decided.value().proposal("refund").ruleIds()).doesNotContain("under-test");
        }

        @Test
        void the_ends_of_the_supported_range_are_accepted() {
            assertThat(ExpressionSandboxTests.holds("openedAt > '0000-01-01T00:00:00Z' && openedAt < '9999-12-31'",
                    ExpressionSandboxTests.aCase())).isTrue();
        }
    }

    @Nested
    @DisplayName("characters that read differently from what they show")
    class Characters {

        @Test
        void an_arabic_indic_digit_is_refused_with_its_name() {
            String expression = "amount > \u0665";

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("U+0665 ARABIC-INDIC DIGIT FIVE").contains("outside quotes");
            assertThat(p.column()).isEqualTo(FIRST_COLUMN + expression.indexOf('\u0665'));
        }

        @Test
        void a_fullwidth_digit_after_ascii_digits_is_refused_with_its_name() {
            String expression = "amount > 1\uFF15";

            assertThat(theOneError(withCondition(expression)).message()).contains("U+FF15 FULLWIDTH DIGIT FIVE");
        }

        @Test
        void a_cyrillic_look_alike_letter_is_refused_with_its_name() {
            String expression = "\u0430mount > 5";

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("U+0430 CYRILLIC SMALL LETTER A");
            assertThat(p.column()).isEqualTo(FIRST_COLUMN);
        }

        @Test
        void a_look_alike_letter_inside_a_name_is_refused_at_that_letter() {
            String expression = "amo\u03BDnt > 5";

            Problem p = theOneError(withCondition(expression));

            assertThat(p.message()).contains("U+03BD GREEK SMALL LETTER NU");
            assertThat(p.column()).isEqualTo(FIRST_COLUMN + 3);
        }

        @Test
        void non_ascii_text_inside_quotes_is_still_allowed() {
            assertThat(ExpressionSandboxTests.holds("attributes.store == 'Z\u00FCrich \u0665'",
                    ExpressionSandboxTests.aCase().attribute("store", "Z\u00FCrich \u0665"))).isTrue();
        }
    }
}
