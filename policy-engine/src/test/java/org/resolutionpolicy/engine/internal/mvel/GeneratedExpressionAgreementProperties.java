package org.resolutionpolicy.engine.internal.mvel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * Random expressions over every shape the parser admits (arithmetic, comparisons, connectives, presence, ranks,
 * dates, remedies, history and text helpers, {@code floor/ceil/round}, {@code c ? a : b} and {@code plusMonths}) give the same answer from the compiled closures, the tree evaluator
 * and real MVEL, on facts with absent values, zero divisors and amountless history.
 *
 * <p>MVEL computes in doubles and the engine in exact decimals, so the numbers here are those doubles hold exactly
 * (whole numbers and halves, quarters) and there is no division, whose quotient the engine rounds to the policy's
 * places: {@link ExactArithmeticProperties} holds division and decimal money to a {@code BigDecimal} oracle.
 */
class GeneratedExpressionAgreementProperties {

    static final ExpressionContext CONTEXT = new ExpressionContext(
            new FactCatalog(Map.of("delay", FactType.NUMBER, "vip", FactType.BOOLEAN, "code", FactType.STRING)),
            List.of("LOW", "MEDIUM", "HIGH"), List.of("agent", "boss"), Set.of("refund", "voucher"), Set.of("voucher"));

    @Property(tries = 400)
    void closures_tree_and_mvel_agree_on_generated_expressions(@ForAll("conditions") String text,
                                                               @ForAll("facts") Facts facts) throws ExpressionException {
        SandboxedExpression e = SandboxedExpression.compile(text, CONTEXT);
        MvelOracle mvel = MvelOracle.of(e);
        boolean expected = mvel.test(facts);
        assertThat(e.test(facts)).as(text + " as " + mvel.source()).isEqualTo(expected);
        assertThat(e.testWithTree(facts)).as(text + " as " + mvel.source()).isEqualTo(expected);
    }

    @Property(tries = 400, seed = "-4742174538710163933")
    // found: (vip ? (vip ? amount : impact.outOfPocket) : amount) != attributes.delay without vip and without an
    // out-of-pocket amount was true for the closures and the tree, false for the oracle: the oracle asked for the
    // facts of a conditional nested in the branch not taken (the engine is right: that branch is not read)
    void a_conditional_in_the_branch_not_taken_needs_none_of_its_facts(@ForAll("conditions") String text,
                                                                     @ForAll("facts") Facts facts)
            throws ExpressionException {
        closures_tree_and_mvel_agree_on_generated_expressions(text, facts);
    }

    @Property(tries = 400, seed = "-9040170607636220723")
    // found: (!(impact.legalThreat)) == (!(severity.below('HIGH'))) with no legal threat was true for the closures
    // and the tree, false for MVEL: a comparison whose operand negates an absent fact must be false
    void a_negated_absent_fact_in_a_comparison_makes_it_false(@ForAll("conditions") String text,
                                                            @ForAll("facts") Facts facts) throws ExpressionException {
        closures_tree_and_mvel_agree_on_generated_expressions(text, facts);
    }

    @Provide
    Arbitrary<String> conditions() {
        return condition(3);
    }

    private static Arbitrary<String> condition(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Combinators.combine(number(2), Arbitraries.of("==", "!=", "<", "<=", ">", ">="), number(2))
                        .as((l, op, r) -> l + " " + op + " " + r),
                Arbitraries.of("severity.atLeast('MEDIUM')", "severity.below('HIGH')", "employee.role.atMost('agent')",
                        "employee.role.above('agent')", "severity > 'LOW'", "'boss' == employee.role",
                        "customer.tier == 'GOLD'", "customer.tier != 'SILVER'", "'GOLD' == customer.tier",
                        "category.startsWith('la')", "category.endsWith('te')", "attributes.code.contains('7')",
                        "impact.legalThreat", "attributes.vip", "impact.legalThreat == true",
                        "attributes.vip != false", "customer.tier == null", "impact.outOfPocket != null",
                        "attributes.delay == null", "remedy == 'voucher'", "'refund' != remedy",
                        "openedAt < '2026-11-15T00:00:00Z'", "openedAt >= '2026-11-12T00:00:00Z'", "true", "false",
                        "plusMonths(openedAt, 1) > '2026-12-14T00:00:00Z'",
                        "plusMonths(openedAt, history.count('refund') - 20) <= '2026-01-31T00:00:00Z'",
                        "openedAt < plusMonths('2026-10-12T00:00:00Z', 1)"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> condition(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(2, Combinators.combine(inner, Arbitraries.of("&&", "||"), inner)
                        .as((l, op, r) -> "(" + l + ") " + op + " (" + r + ")")),
                net.jqwik.api.Tuple.of(1, inner.map(c -> "!(" + c + ")")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(inner, Arbitraries.of("==", "!="), inner)
                        .as((l, op, r) -> "(" + l + ") " + op + " (" + r + ")")));
    }

    private static Arbitrary<String> number(int depth) {
        Arbitrary<String> leaf = Arbitraries.of("amount", "impact.outOfPocket", "attributes.delay", "severity.rank",
                "employee.role.rank", "customer.lifetimeValue", "history.count('refund')",
                "history.count('voucher', 'P30D')", "history.total('refund', 'P10D')", "history.total('voucher')",
                "0", "1", "2.5", "10", "50", "-3", "0.25");
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> number(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(2, Combinators.combine(inner, Arbitraries.of("+", "-", "*", "%"), inner)
                        .as((l, op, r) -> "(" + l + " " + op + " " + r + ")")),
                net.jqwik.api.Tuple.of(1, inner.map(n -> "-(" + n + ")")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("floor(", "ceil(", "round("), inner,
                        Arbitraries.of(")", ", 0)", ", 1)", ", 2)")).as((f, n, places) -> f + n + places)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("attributes.vip", "impact.legalThreat",
                        "severity.atLeast('MEDIUM')", "impact.outOfPocket > 3", "customer.tier == 'GOLD'",
                        "attributes.delay == null"), inner, inner).as((c, a, b) -> "(" + c + " ? " + a + " : " + b + ")")));
    }

    @Provide
    Arbitrary<Facts> facts() {
        Arbitrary<Integer> amount = Arbitraries.of(0, 1, 3, 10, 50, 120);
        Arbitrary<Integer> oop = Arbitraries.integers().between(-1, 12);
        Arbitrary<Integer> delay = Arbitraries.integers().between(-1, 4);
        Arbitrary<String> text = Arbitraries.of("GOLD", "SILVER", "late", "plate", "A7", "");
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 8);
        Arbitrary<Integer> ranks = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> history = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> remedy = Arbitraries.integers().between(0, 1);
        return Combinators.combine(amount, oop, delay, text, flags, ranks, history, remedy)
                .as((a, o, d, t, fl, r, h, rem) -> {
                    Boolean legal = fl % 3 == 2 ? null : fl % 3 == 1;
                    Impact impact = new Impact(o < 0 ? null : BigDecimal.valueOf(o), null, null, legal, null, null);
                    Instant opened = Instant.parse("2026-11-10T00:00:00Z").plusSeconds(86_400L * (h % 10));
                    CustomerCase c = CustomerCase.builder().severity("LOW").employee("agent").category(t.isEmpty() ? null : t)
                            .openedAt(opened)
                            .customer(Customer.builder().tier(t.isEmpty() ? null : t)
                                    .lifetimeValue(BigDecimal.valueOf(h * 10L))
                                    .history("refund", h, Instant.parse("2026-11-05T00:00:00Z"))
                                    .history(new HistoryEntry("voucher", null, Instant.parse("2026-11-15T00:00:00Z")))
                                    .history(new HistoryEntry("voucher", h % 2 == 0 ? null : BigDecimal.valueOf(h),
                                            Instant.parse("2026-10-01T00:00:00Z")))
                                    .build())
                            .impact(impact).build();
                    Map<String, Object> attributes = new java.util.HashMap<>();
                    if (d >= 0) {
                        attributes.put("delay", BigDecimal.valueOf(d));
                    }
                    if (fl / 3 < 2) {
                        attributes.put("vip", fl / 3 == 1);
                    }
                    if (!t.isEmpty()) {
                        attributes.put("code", t);
                    }
                    return new Facts(c, r % 3, r / 3, Instant.parse("2026-11-20T00:00:00Z"), attributes)
                            .withProposal(rem == 0 ? "refund" : "voucher", BigDecimal.valueOf(a));
                });
    }
}
