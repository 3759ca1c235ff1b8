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
