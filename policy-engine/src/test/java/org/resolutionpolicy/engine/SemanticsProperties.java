package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/** The lattice's promises, over generated cases of the format guide's policy. */
class SemanticsProperties {

    static final String POLICY_TEXT = TestFiles.classpath("spec/coffee-shop.yaml");
    static final Policy POLICY = Policies.parse(POLICY_TEXT);
    static final List<String> SEVERITIES = POLICY.severities();
    static final List<String> ROLES = POLICY.roles();

    /**
     * Orders outcomes from most to least lenient: ALONE, ESCALATE by approver rank, DENIED because no role's
     * authority covers it, SWAT, DENIED by a rule. The contract checks SWAT rules (step 2) before authority
     * (step 3), so a SWAT rule takes over a proposal that is beyond every role's authority: the team acts beyond
     * ordinary limits. Found by this property; see CHANGELOG.
     */
    static int strictness(ProposalDecision d) {
        Outcome o = d.outcome();
        switch (o.kind()) {
            case ALONE:
                return 0;
            case ESCALATE:
                return 1 + ROLES.indexOf(o.approver());
            case SWAT:
                return 100;
            default:
                return d.ruleIds().equals(List.of("authority")) ? 90 : 200;
        }
    }

    @Property(tries = 300)
    void raising_severity_never_lowers_the_approver(@ForAll("cases") CustomerCase c) {
        int rank = SEVERITIES.indexOf(c.severity());
        if (rank == SEVERITIES.size() - 1) {
            return;
        }
        CustomerCase higher = c.toBuilder().severity(SEVERITIES.get(rank + 1)).build();
        assertNeverLooser(POLICY.decide(c), POLICY.decide(higher));
    }

    @Property(tries = 300)
    void raising_an_amount_never_lowers_the_approver(@ForAll("cases") CustomerCase c, @ForAll("raises") double raise) {
        CustomerCase.Builder more = c.toBuilder().clearProposals();
        c.proposals().forEach(p -> {
            boolean percentOverflows = p.remedy().equals("discount") && p.amount().doubleValue() + raise > 100;
            boolean fractionalCount = p.remedy().equals("free-drink") && raise != Math.rint(raise);
            if (p.amount() == null || percentOverflows || fractionalCount) {
                more.propose(p);
            } else {
                more.propose(p.remedy(), p.amount().doubleValue() + raise);
            }
        });
        assertNeverLooser(POLICY.decide(c), POLICY.decide(more.build()));
    }

    @Property(tries = 300)
    void a_higher_employee_role_never_gets_a_stricter_outcome(@ForAll("cases") CustomerCase c) {
        int rank = ROLES.indexOf(c.employee().role());
        if (rank == ROLES.size() - 1) {
            return;
        }
        CustomerCase higher = c.toBuilder().employee(ROLES.get(rank + 1)).build();
        assertNeverLooser(POLICY.decide(higher), POLICY.decide(c));
    }

    @Property(tries = 100)
    void decisions_do_not_depend_on_rule_order(@ForAll("cases") CustomerCase c, @ForAll long seed) {
        assertThat(Revisionless.of(Policies.parse(shuffledRules(seed)).decide(c))).isEqualTo(Revisionless.of(POLICY.decide(c)));
    }

    @Property(tries = 200)
    void adding_a_rule_other_than_a_grant_never_loosens_an_outcome(@ForAll("cases") CustomerCase c,
                                                                  @ForAll("extraRules") String rule) {
        Policy stricter = Policies.parse(POLICY_TEXT + rule);
        assertNeverLooser(POLICY.decide(c), stricter.decide(c));
    }

    @Property(tries = 200)
    void with_a_dual_approval_a_higher_employee_role_never_gets_a_stricter_outcome(@ForAll("cases") CustomerCase c,
                                                                                  @ForAll("extraRules") String rule) {
        Policy dual = Policies.parse(POLICY_TEXT + rule + """
                  - id: two-signatures
                    when: { amount: { above: 15 } }
                    require: [district-manager, shift-lead]
                    because: two people sign
                """);
        int rank = ROLES.indexOf(c.employee().role());
        if (rank == ROLES.size() - 1) {
            return;
        }
        CustomerCase higher = c.toBuilder().employee(ROLES.get(rank + 1)).build();
        assertNeverLooser(dual.decide(higher), dual.decide(c));
    }

    @Property(tries = 200)
    void a_matching_deny_rule_always_denies(@ForAll("cases") CustomerCase c) {
        Policy denying = Policies.parse(POLICY_TEXT + """
                  - id: deny-everything-for-this-category
                    when: { category: spill }
                    deny: true
                    because: test
                """);
        Decision d = denying.decide(c.toBuilder().category("spill").build());
        assertThat(d.proposals()).allSatisfy(p -> assertThat(p.outcome()).isEqualTo(Outcome.denied()));
    }

    /** Found by {@link #adding_a_rule_other_than_a_grant_never_loosens_an_outcome}; pinned as an example. */
    @net.jqwik.api.Example
    void a_swat_rule_takes_over_a_proposal_beyond_every_roles_authority() {
        CustomerCase beyond = CustomerCase.builder().severity("LOW").employee("barista").category("late-order")
                .customer(Customer.builder().tier("GOLD").build()).propose("voucher", 26).build();
        Policy withSwat = Policies.parse(POLICY_TEXT + "\n  - id: extra\n    when: { customer.tier: GOLD }\n"
                + "    route: swat\n    because: extra\n");

        assertThat(POLICY.decide(beyond).proposal("voucher").outcome()).isEqualTo(Outcome.denied());
        assertThat(POLICY.decide(beyond).proposal("voucher").ruleIds()).containsExactly("authority");
        assertThat(withSwat.decide(beyond).proposal("voucher").outcome()).isEqualTo(Outcome.swat("recovery-swat"));
    }

    static void assertNeverLooser(Decision before, Decision after) {
        assertThat(after.proposals()).hasSameSizeAs(before.proposals());
        for (int i = 0; i < before.proposals().size(); i++) {
            ProposalDecision b = before.proposals().get(i);
            ProposalDecision a = after.proposals().get(i);
            assertThat(strictness(a)).as("%s: %s then %s", b.proposal(), b.outcome(), a.outcome())
                    .isGreaterThanOrEqualTo(strictness(b));
        }
    }

    static String shuffledRules(long seed) {
        int start = POLICY_TEXT.indexOf("rules:\n") + "rules:\n".length();
        String[] parts = POLICY_TEXT.substring(start).split("(?=\\n  - id: )");
        List<String> rules = new ArrayList<>();
        for (String part : parts) {
            rules.add(part.startsWith("\n") ? part.substring(1) : part);
        }
        Collections.shuffle(rules, new Random(seed));
        return POLICY_TEXT.substring(0, start) + String.join("\n", rules) + "\n";
    }

    @Provide
    Arbitrary<Double> raises() {
        return Arbitraries.of(0.01, 1.0, 10.0, 50.0, 250.0);
    }

    @Provide
    Arbitrary<String> extraRules() {
        Arbitrary<String> when = Arbitraries.of("{ severity: { atLeast: MEDIUM } }", "{ customer.tier: GOLD }",
                "{ amount: { above: 20 } }", "\"impact.outOfPocket > 10\"", "{ category: [spill, late-order] }",
                "{ employee.role: { atMost: shift-lead } }", "\"history.count('voucher', 'P30D') >= 1\"");
        Arbitrary<String> effect = Arbitraries.of("deny: true", "route: swat", "require: shift-lead",
                "require: store-manager", "require: district-manager", "followUp: { action: call }",
                "require: [district-manager, shift-lead]", "require: [store-manager, barista]",
                "followUp: { action: call, when: granted }", "followUp: { action: call, when: [escalated, denied] }");
        Arbitrary<String> remedies = Arbitraries.of("", "    remedies: [refund]\n", "    remedies: [voucher, discount]\n");
        return Combinators.combine(when, effect, remedies).as((w, e, r) ->
                "\n  - id: extra\n    when: " + w + "\n" + r + "    " + e + "\n    because: extra\n");
    }

    @Provide
    Arbitrary<CustomerCase> cases() {
        Arbitrary<String> severity = Arbitraries.of(SEVERITIES);
        Arbitrary<String> role = Arbitraries.of(ROLES);
        Arbitrary<String> tier = Arbitraries.of("GOLD", "SILVER", "PLATINUM", "NONE");
        Arbitrary<String> category = Arbitraries.of("late-order", "gift-card", "spill", "promotion");
        Arbitrary<Integer> outOfPocket = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> reach = Arbitraries.of(0, 500, 20_000);
        Arbitrary<List<Integer>> vouchers = Arbitraries.integers().between(1, 15).list().ofMaxSize(3);
        Arbitrary<Integer> voucher = Arbitraries.integers().between(1, 60);
        Arbitrary<Integer> refund = Arbitraries.integers().between(1, 400);
        Arbitrary<Integer> discount = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> drinks = Arbitraries.integers().between(1, 5);
        Arbitrary<Basics> basics = Combinators.combine(severity, role, tier, category, outOfPocket, reach, vouchers, voucher)
                .as(Basics::new);
        // each try builds a fresh case: builders are mutable, so none is shared between generated values
        return basics.flatMap(b -> Combinators.combine(refund, discount, drinks).as((rf, d, dr) -> b.build(rf, d, dr)));
    }

    /** The first part of a generated case, before its proposals. */
    record Basics(String severity, String role, String tier, String category, int outOfPocket, int reach,
                  List<Integer> history, int voucher) {
        CustomerCase build(int refund, int discount, int drinks) {
            Customer.Builder customer = Customer.builder().tier(tier.equals("NONE") ? null : tier);
            for (int i = 0; i < history.size(); i++) {
                customer.history("voucher", history.get(i), Instant.parse("2026-11-1" + i + "T10:00:00Z"));
            }
            return CustomerCase.builder().id("G").severity(severity).employee(role).category(category)
                    .openedAt(Instant.parse("2026-11-20T09:30:00Z")).customer(customer.build())
                    .impact(Impact.builder().outOfPocket(outOfPocket).socialReach(reach).build())
                    .propose("voucher", voucher).propose("refund", refund).propose("discount", discount)
                    .propose("free-drink", drinks).propose("apology").build();
        }
    }
}
