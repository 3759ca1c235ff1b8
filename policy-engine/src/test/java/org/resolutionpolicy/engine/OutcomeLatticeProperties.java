package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * The outcome lattice {@code ALONE < ESCALATE(by role rank) < SWAT < DENIED} holds over generated cases of one fixed
 * policy: more severity, a bigger amount or a lower employee role never gives a looser outcome, and rule order never
 * matters.
 *
 * <p>The policy names a role for {@code beyondAuthority}, so DENIED only comes from deny rules: with the default
 * {@code deny}, a SWAT rule that starts matching would legitimately turn an authority DENIED into SWAT (step 2 of the
 * contract comes before step 3), which this plain ordering would count as a loosening.
 */
class OutcomeLatticeProperties {

    static final String POLICY_TEXT = """
            policy: lattice
            version: "1"
            roles: [agent, supervisor, manager, director]
            swat: { team: incident-team }
            beyondAuthority: director
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              discount: { unit: percent }
            authority:
              agent: { refund: 50, voucher: 20, discount: 10 }
              supervisor: { refund: 200, discount: 30 }
              manager: { refund: 1000, voucher: 100, discount: 60 }
            rules:
              - id: gold-vouchers
                when: { customer.tier: [GOLD, PLATINUM] }
                remedies: [voucher]
                grant: { role: agent, upTo: 40 }
                because: Gold and Platinum members may get a bigger voucher
              - id: platinum-refunds
                when: { customer.tier: PLATINUM }
                remedies: [refund]
                grant: { role: supervisor, upTo: 2000 }
                because: Supervisors may refund Platinum members generously
              - id: high-severity-refunds
                when: { severity: { atLeast: HIGH }, amount: { above: 100 } }
                remedies: [refund]
                require: manager
                because: High-severity refunds above 100 need a manager
              - id: critical-cases
                when: "severity.atLeast('CRITICAL') && amount >= 20"
                require: supervisor
                because: Critical cases are checked by a supervisor
              - id: critical-huge-refunds
                when: { severity: CRITICAL, amount: { above: 3000 } }
                remedies: [refund]
                route: swat
                because: Huge refunds in a critical case are an incident
              - id: agents-check-discounts
                when: { employee.role: agent, amount: { above: 5 } }
                remedies: [discount]
                require: supervisor
                because: Agents ask before discounting
              - id: no-big-discounts-for-bronze
                when: { customer.tier: BRONZE, amount: { atLeast: 50 } }
                remedies: [discount]
                deny: true
                because: Bronze members get at most half off
              - id: critical-callback
                when: { severity: CRITICAL }
                followUp: { action: call, within: P1D }
                because: Critical cases get a call
            """;

    static final Policy POLICY = Policies.parse(POLICY_TEXT);
    static final List<String> SEVERITIES = POLICY.severities();
    static final List<String> ROLES = POLICY.roles();

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
                return 200;
        }
    }

    @Property(tries = 200)
    void raising_severity_never_lowers_the_approver(@ForAll("cases") CustomerCase c) {
        int rank = SEVERITIES.indexOf(c.severity());
        for (String higher : SEVERITIES.subList(rank, SEVERITIES.size())) {
            assertNeverLooser(POLICY.decide(c), POLICY.decide(c.toBuilder().severity(higher).build()));
        }
    }

    @Property(tries = 200)
    void raising_the_amount_never_lowers_the_approver(@ForAll("cases") CustomerCase c, @ForAll("raises") BigDecimal raise) {
        CustomerCase.Builder more = c.toBuilder().clearProposals();
        c.proposals().forEach(p -> {
            BigDecimal raised = p.amount().add(raise);
            boolean percent = p.remedy().equals("discount");
            more.propose(p.remedy(), percent ? raised.min(BigDecimal.valueOf(100)) : raised);
        });
        assertNeverLooser(POLICY.decide(c), POLICY.decide(more.build()));
    }

    @Property(tries = 200)
    void a_higher_employee_role_never_gets_a_stricter_outcome(@ForAll("cases") CustomerCase c) {
        int rank = ROLES.indexOf(c.employee().role());
        for (String higher : ROLES.subList(rank, ROLES.size())) {
            assertNeverLooser(POLICY.decide(c.toBuilder().employee(higher).build()), POLICY.decide(c));
        }
    }

    @Property(tries = 200)
    void shuffling_rule_order_never_changes_the_decision(@ForAll("cases") CustomerCase c, @ForAll long seed) {
        assertThat(Revisionless.of(Policies.parse(shuffledRules(seed)).decide(c))).isEqualTo(Revisionless.of(POLICY.decide(c)));
    }

    /** Asserts that every proposal of {@code after} is at least as strict as the same proposal of {@code before}. */
    static void assertNeverLooser(Decision before, Decision after) {
        assertThat(after.proposals()).hasSameSizeAs(before.proposals());
        for (int i = 0; i < before.proposals().size(); i++) {
            ProposalDecision b = before.proposals().get(i);
            ProposalDecision a = after.proposals().get(i);
            assertThat(strictness(a)).as("%s: %s %s, then %s %s", b.proposal(), b.outcome(), b.ruleIds(), a.outcome(),
                    a.ruleIds()).isGreaterThanOrEqualTo(strictness(b));
        }
    }

    static String shuffledRules(long seed) {
        int start = POLICY_TEXT.indexOf("rules:\n") + "rules:\n".length();
        List<String> rules = new ArrayList<>();
        for (String part : POLICY_TEXT.substring(start).split("(?=  - id: )")) {
            if (!part.isBlank()) {
                rules.add(part);
            }
        }
        assertThat(rules).hasSize(8);
        Collections.shuffle(rules, new Random(seed));
        return POLICY_TEXT.substring(0, start) + String.join("", rules);
    }

    @Provide
    Arbitrary<BigDecimal> raises() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(3000)).ofScale(2);
    }

    @Provide
    Arbitrary<CustomerCase> cases() {
        Arbitrary<String> severity = Arbitraries.of(SEVERITIES);
        Arbitrary<String> role = Arbitraries.of(ROLES);
        Arbitrary<String> tier = Arbitraries.of("GOLD", "PLATINUM", "SILVER", "BRONZE", "NONE");
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(5000)).ofScale(2)
                .edgeCases(e -> e.add(BigDecimal.valueOf(50), BigDecimal.valueOf(100), BigDecimal.valueOf(3000)));
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(0);
        return Combinators.combine(severity, role, tier, money, money, percent).as((s, r, t, refund, voucher, discount) ->
                CustomerCase.builder().id("G").severity(s).employee(r)
                        .customer(Customer.builder().tier(t.equals("NONE") ? null : t).build())
                        .propose("refund", refund).propose("voucher", voucher.divide(BigDecimal.TEN))
                        .propose("discount", discount).build());
    }
}
