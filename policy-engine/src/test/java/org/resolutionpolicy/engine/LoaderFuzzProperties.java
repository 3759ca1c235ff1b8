package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/**
 * Mutated policy files and cases either load (and decide) or fail with a located {@link PolicyException}:
 * never another exception, a hang or an out-of-memory.
 */
class LoaderFuzzProperties {

    private static final String POLICY = TestFiles.classpath("spec/coffee-shop.yaml");
    private static final String CASE = TestFiles.classpath("spec/case-C-1042.yaml");
    private static final Policy COFFEE = Policies.parse(POLICY);
    private static final String SYMBOLS = ":-[]{},'\"#&*!|>%@`?\n\t ";
    private static final List<String> TOKENS = List.of("~", "null", "true", "-1", "1e400", "unlimited", "*a",
            "&a [x]", "!!str", "<<: *a", "{}", "[]", "\"", "'", "amount >", "severity", "P30D", "P-1D",
            "Runtime.getRuntime().exec('true')", "new java.io.File('x')", "9999999999999999999999");

    @Property(tries = 400)
    void a_mutated_policy_loads_or_fails_with_located_problems(@ForAll("mutatedPolicies") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Policy policy;
            try {
                policy = Policies.compile(List.of(PolicySource.of("fuzz.yaml", text)));
            } catch (PolicyLoadException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.errors()).isNotEmpty();
                for (Problem p : e.problems()) {
                    assertThat(p.source()).isEqualTo("fuzz.yaml");
                    assertThat(p.message()).isNotBlank();
                    if (p.line() == 0) {
                        assertThat(p.message()).containsAnyOf("file is empty", "too large", "invalid YAML",
                                "missing key [policy]");
                    }
                }
                return;
            }
            decideOrReject(policy, Cases.parse(CASE));
            decideOrReject(policy, Cases.parse(CASE).toBuilder().clearProposals().build());
        });
    }

    @Property(tries = 400)
    void a_mutated_case_reads_and_decides_or_names_its_fields(@ForAll("mutatedCases") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CustomerCase c;
            try {
                c = Cases.parse(text);
            } catch (InvalidCaseException e) {
                assertThat(e.problems()).isNotEmpty();
                return;
            }
            decideOrReject(COFFEE, c);
        });
    }

    @Property(tries = 60)
    void a_long_operator_chain_decides_or_is_refused_at_its_place(@ForAll("operatorChains") String expression) {
        HostileInputTests.Outcome<Policy> outcome = HostileInputTests.withCondition(expression);
        if (outcome.refusal() == null) {
            HostileInputTests.onSmallStack(() -> {
                decideOrReject(outcome.value(), ExpressionSandboxTests.aCase().build());
                return outcome.value().explain(ExpressionSandboxTests.aCase().build());
            });
            return;
        }
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(ExpressionSandboxTests.WHEN_LINE);
            assertThat(p.message()).containsAnyOf("nested too deeply", "more than [500] terms", "too long");
        });
    }

    @Property(tries = 40)
    void aliases_reused_many_times_load_or_fail_quickly_with_bounded_messages(@ForAll("aliasReuse") String yaml) {
        HostileInputTests.Outcome<Policy> outcome = HostileInputTests.load(yaml);
        if (outcome.refusal() != null) {
            assertThat(outcome.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.line()).isPositive());
        }
    }

    /** Long chains of arithmetic or logical operators: left-nested, right-nested, parenthesised, mixed. */
    @Provide
    Arbitrary<String> operatorChains() {
        Arbitrary<Integer> terms = Arbitraries.integers().between(1, 1000).edgeCases(c -> c.add(1, 100, 101, 500, 501, 1000));
        return Combinators.combine(terms, Arbitraries.of("left", "right", "parenthesised", "logical"),
                Arbitraries.strings().withChars("+-*/%").ofMinLength(1).ofMaxLength(5))
                .as(LoaderFuzzProperties::chain);
    }

    private static String chain(int terms, String shape, String operators) {
        StringBuilder out = new StringBuilder();
        switch (shape) {
            case "right" -> {
                for (int i = 1; i < terms; i++) {
                    out.append("1").append(operators.charAt(i % operators.length())).append('(');
                }
                out.append("amount").append(")".repeat(terms - 1)).append(" > 0");
            }
            case "logical" -> {
                out.append("amount > 1");
                for (int i = 1; i < terms; i++) {
                    out.append(i % 3 == 0 ? " || " : " && ").append("amount > ").append(i);
                }
            }
            default -> {
                out.append(shape.equals("parenthesised") ? "(amount" : "amount");
                for (int i = 1; i < terms; i++) {
                    out.append(operators.charAt(i % operators.length())).append(i % 9 + 1);
                }
                out.append(shape.equals("parenthesised") ? ") > 0" : " > 0");
            }
        }
        return out.toString();
    }

    /** One expression reused by many rules, or one long value repeated in a list, through YAML aliases. */
    @Provide
    Arbitrary<String> aliasReuse() {
        Arbitrary<String> rules = Combinators.combine(Arbitraries.integers().between(1, 400),
                Arbitraries.integers().between(1, 40)).as((terms, count) -> {
                    StringBuilder yaml = new StringBuilder(ExpressionSandboxTests.HEADER.replace("  - id: under-test\n", ""));
                    String expression = "amount" + "+1".repeat(terms - 1) + " > 0";
                    for (int i = 0; i < count; i++) {
                        yaml.append("  - id: r").append(i).append('\n')
                                .append(i == 0 ? "    when: &e \"" + expression + "\"\n" : "    when: *e\n")
                                .append("    require: manager\n    because: reused\n");
                    }
                    return yaml.toString();
                });
        Arbitrary<String> values = Combinators.combine(
                Arbitraries.integers().between(1, 300_000).edgeCases(c -> c.add(1, 26_000, 300_000)),
                Arbitraries.integers().between(1, 50_000).edgeCases(c -> c.add(1, 20, 21, 50_000))).as((length, count) -> {
                    String head = ExpressionSandboxTests.HEADER + "    when: \"amount > 1\"\n    require: manager\n"
                            + "    because: x\nbig: &b " + "v".repeat(length) + "\nextra: [*b";
                    int fits = Math.max(0, (500 * 1024 - head.length()) / 4);
                    return head + ", *b".repeat(Math.min(count - 1, fits)) + "]\n";
                });
        return Arbitraries.oneOf(rules, values);
    }

    private static void decideOrReject(Policy policy, CustomerCase c) {
        try {
            Decision d = policy.decide(c);
            assertThat(d.policyId()).isEqualTo(policy.id());
            assertThat(d.proposals().size() + d.latitude().size()).isPositive();
        } catch (InvalidCaseException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @Provide
    Arbitrary<String> mutatedPolicies() {
        return mutations(POLICY);
    }

    @Provide
    Arbitrary<String> mutatedCases() {
        return mutations(CASE);
    }

    private static Arbitrary<String> mutations(String seed) {
        Arbitrary<String> one = Arbitraries.oneOf(
                deletion(seed), insertion(seed), tokenInsertion(seed), lineDuplication(seed), lineSwap(seed));
        // apply one to three mutations in a row
        return Combinators.combine(one, Arbitraries.integers().between(0, 2)).flatAs((first, more) -> {
            Arbitrary<String> result = Arbitraries.just(first);
            for (int i = 0; i < more; i++) {
                result = result.flatMap(LoaderFuzzProperties::singleMutation);
            }
            return result;
        });
    }

    private static Arbitrary<String> singleMutation(String text) {
        if (text.isEmpty()) {
            return Arbitraries.just(text);
        }
        return Arbitraries.oneOf(deletion(text), insertion(text), tokenInsertion(text), lineDuplication(text), lineSwap(text));
    }

    private static Arbitrary<String> deletion(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, Math.max(0, text.length() - 1)),
                Arbitraries.integers().between(1, 40))
                .as((at, length) -> text.substring(0, at) + text.substring(Math.min(text.length(), at + length)));
    }

    private static Arbitrary<String> insertion(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length()),
                Arbitraries.strings().withChars(SYMBOLS).ofMinLength(1).ofMaxLength(4))
                .as((at, s) -> text.substring(0, at) + s + text.substring(at));
    }

    private static Arbitrary<String> tokenInsertion(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length()), Arbitraries.of(TOKENS))
                .as((at, s) -> text.substring(0, at) + s + text.substring(at));
    }

    private static Arbitrary<String> lineDuplication(String text) {
        String[] lines = text.split("\n", -1);
        return Arbitraries.integers().between(0, lines.length - 1).map(i -> {
            StringBuilder out = new StringBuilder();
            for (int j = 0; j < lines.length; j++) {
                out.append(lines[j]).append('\n');
                if (j == i) {
                    out.append(lines[j]).append('\n');
                }
            }
            return out.toString();
        });
    }

    private static Arbitrary<String> lineSwap(String text) {
        String[] lines = text.split("\n", -1);
        return Combinators.combine(Arbitraries.integers().between(0, lines.length - 1),
                Arbitraries.integers().between(0, lines.length - 1)).as((a, b) -> {
                    String[] copy = lines.clone();
                    String t = copy[a];
                    copy[a] = copy[b];
                    copy[b] = t;
                    return String.join("\n", copy);
                });
    }
}
