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
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * Decisions run the tree compiled to closures, explanations walk the tree, and real MVEL (the reference, in tests
 * only) runs source generated from the tree: all three must always agree, NaN from arithmetic and absent facts
 * included.
 */
class ExplainerAgreementProperties {

    static final ExpressionContext CONTEXT = new ExpressionContext(new FactCatalog(Map.of("delay", FactType.NUMBER)),
            List.of("LOW", "MEDIUM", "HIGH"), List.of("agent", "boss"), Set.of("refund"));
    static final List<String> EXPRESSIONS = List.of(
            "amount > 50", "amount * 2 >= impact.outOfPocket + 10", "!(amount < 10) || impact.legalThreat",
            "severity.atLeast('MEDIUM') && customer.tier != 'GOLD'", "history.total('refund', 'P30D') + amount > 100",
            "attributes.delay % 4 == 1", "customer.tier == null || impact.outOfPocket / 2 < 3",
            "-amount < -20 && employee.role.atMost('agent')", "impact.legalThreat == false", "amount / 0 > 1",
            "impact.outOfPocket / 0 != amount", "amount % 0 == amount % 0", "impact.outOfPocket * 0 != 1 - 1",
            "(impact.legalThreat == true) == (amount > 50)", "customer.tier == 'GOLD' && amount <= 100",
            "!(impact.outOfPocket > 3)", "severity.rank + attributes.delay >= 3");

    @Property(tries = 500)
    void the_explainer_and_the_compiled_expression_agree(@ForAll("expressions") String text, @ForAll("facts") Facts facts)
            throws ExpressionException {
        SandboxedExpression e = SandboxedExpression.compile(text, CONTEXT);
        MvelOracle mvel = MvelOracle.of(e);
        assertThat(e.test(facts)).as(text + " as " + mvel.source()).isEqualTo(mvel.test(facts))
                .isEqualTo(e.testWithTree(facts));
    }

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.of(EXPRESSIONS);
    }

    @Provide
    Arbitrary<Facts> facts() {
        Arbitrary<Integer> amount = Arbitraries.integers().between(0, 200);
        Arbitrary<Integer> oop = Arbitraries.integers().between(-1, 40);
        Arbitrary<Integer> delay = Arbitraries.integers().between(-1, 9);
        Arbitrary<String> tier = Arbitraries.of("GOLD", "SILVER", "");
        Arbitrary<Integer> legal = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> severity = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> history = Arbitraries.integers().between(0, 90);
        return Combinators.combine(amount, oop, delay, tier, legal, severity, history).as((a, o, d, t, l, s, h) -> {
            Impact impact = new Impact(o < 0 ? null : BigDecimal.valueOf(o), null, null, l == 2 ? null : l == 1, null, null);
            CustomerCase c = CustomerCase.builder().severity("LOW").employee("agent")
                    .customer(Customer.builder().tier(t.isEmpty() ? null : t)
                            .history("refund", h, Instant.parse("2026-11-10T00:00:00Z")).build())
                    .impact(impact).build();
            Map<String, Object> attributes = d < 0 ? Map.of() : Map.of("delay", BigDecimal.valueOf(d));
            return new Facts(c, s, 0, Instant.parse("2026-11-20T00:00:00Z"), attributes)
                    .withProposal("refund", BigDecimal.valueOf(a));
        });
    }
}
