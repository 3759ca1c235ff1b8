package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * Rules that share a bound on the amount or the total ({@code amount: {above: 50}}) are searched by bound rather than
 * tested one by one once several share a node of the index: the rules a proposal matches are exactly those whose
 * conditions hold, for every comparison, for bounds written at different scales ({@code 50} and {@code 50.0}), for an
 * amount equal to a bound, for an absent amount, and with a second condition after the bound.
 *
 * <p>Each rule has a follow-up of its own and no other effect, so a decision's follow-ups name every rule that
 * matched one of its proposals; the test works the expected set out itself with {@code BigDecimal.compareTo}.
 */
class AmountBoundIndexProperties {

    static final String[] OPS = {"above", "atLeast", "below", "atMost"};
    static final String[] FACTS = {"amount", "total"};

    /** A rule: a bound on a fact, maybe a second bound, and the remedies it is about (null for every remedy). */
    record Bound(String id, String fact, String op, BigDecimal bound, String op2, BigDecimal bound2, String remedy) {

        boolean holds(String remedyOfProposal, BigDecimal amount) {
            if (remedy != null && !remedy.equals(remedyOfProposal)) {
                return false;
            }
            return amount != null && holds(op, amount.compareTo(bound))
                    && (op2 == null || holds(op2, amount.compareTo(bound2)));
        }

        static boolean holds(String op, int comparison) {
            return switch (op) {
                case "above" -> comparison > 0;
                case "atLeast" -> comparison >= 0;
                case "below" -> comparison < 0;
                default -> comparison <= 0;
            };
        }

        String yaml() {
            String second = op2 == null ? "" : ", " + (fact.equals("amount") ? "total" : "amount") + ": { " + op2
                    + ": " + bound2.toPlainString() + " }";
            return "  - id: " + id + "\n    when: { " + fact + ": { " + op + ": " + bound.toPlainString() + " }" + second
                    + " }\n" + (remedy == null ? "" : "    remedies: [" + remedy + "]\n")
                    + "    followUp: { action: check-" + id + " }\n    because: rule " + id + "\n";
        }
    }

    @Property(tries = 40)
    void the_rules_a_proposal_matches_are_those_whose_bounds_hold(@ForAll long seed) {
        Random random = new Random(seed);
        List<Bound> rules = new ArrayList<>();
        // few distinct bounds, so that many rules share one and amounts often equal one
        int count = 4 + random.nextInt(60);
        for (int i = 0; i < count; i++) {
            String fact = FACTS[random.nextInt(4) == 0 ? 1 : 0];
            String op = OPS[random.nextInt(OPS.length)];
            boolean second = random.nextInt(4) == 0;
            rules.add(new Bound("r" + i, fact, op, bound(random), second ? OPS[random.nextInt(OPS.length)] : null,
                    second ? bound(random) : null, random.nextInt(3) == 0 ? "voucher" : null));
        }
        StringBuilder yaml = new StringBuilder("""
                policy: bounds
                version: "1"
                roles: [agent, manager]
                remedies: { refund: { unit: money }, voucher: { unit: money }, apology: { unit: none } }
                authority:
                  agent: { refund: 1000, voucher: 1000, apology: unlimited }
                rules:
                """);
        rules.forEach(r -> yaml.append(r.yaml()));
        Policy policy = Policies.parse(yaml.toString());

        for (int c = 0; c < 40; c++) {
            BigDecimal refund = amount(random);
            BigDecimal voucher = amount(random);
            CustomerCase.Builder builder = CustomerCase.builder().id("C").severity("LOW").employee("agent")
                    .propose("refund", refund);
            boolean withVoucher = random.nextBoolean();
            if (withVoucher) {
                builder.propose("voucher", voucher);
            }
            CustomerCase aCase = builder.propose("apology").build();

            Set<String> expected = new TreeSet<>();
            for (Bound r : rules) {
                if (r.holds("refund", refund) || withVoucher && r.holds("voucher", voucher)) {
                    expected.add(r.id());
                }
            }
            Decision decision = policy.decide(aCase);
            Set<String> matched = new TreeSet<>();
            decision.followUps().stream().map(FollowUp::rule).forEach(matched::add);
            assertThat(matched).as("refund %s, voucher %s\n%s", refund, withVoucher ? voucher : "none", yaml)
                    .isEqualTo(expected);
        }
    }

    /** A bound of a few values, written at scale 0, 1 or 2. */
    static BigDecimal bound(Random random) {
        BigDecimal value = BigDecimal.valueOf(10L * random.nextInt(12));
        return random.nextInt(5) == 0 ? value.add(new BigDecimal("0.5")) : value.setScale(random.nextInt(3));
    }

    /** An amount that is often exactly a bound. */
    static BigDecimal amount(Random random) {
        return random.nextBoolean() ? bound(random) : BigDecimal.valueOf(random.nextInt(12_000), 2);
    }
}
