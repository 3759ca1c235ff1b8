package org.resolutionpolicy.examples;

import java.time.Instant;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/** Loads the coffee-shop policy, decides one case and reads the answer: the README's quick start. */
public final class QuickStart {

    private QuickStart() {
    }

    /** Returns the decision for a gold member whose order was late, as a CRM would ask for it. */
    public static Decision decideLateOrder() {
        // load once, share everywhere: a compiled policy is immutable and thread-safe
        Policy policy = Policies.fromClasspath("policies/coffee-shop.yaml");

        CustomerCase lateOrder = CustomerCase.builder()
                .id("C-1042").severity("HIGH").category("late-order")
                .openedAt(Instant.parse("2026-11-20T09:30:00Z"))
                .employee("E-17", "barista")
                .customer(Customer.builder().id("K-7").tier("GOLD").build())
                .impact(Impact.builder().outOfPocket(12.50).build())
                .propose("voucher", 15)
                .propose("refund", 80)
                .build();

        Decision decision = policy.decide(lateOrder);
        return decision;
    }

    /**
     * Prints the decision the way an agent's screen would show it.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Decision decision = decideLateOrder();
        for (ProposalDecision p : decision.proposals()) {
            System.out.println(p.proposal() + ": " + p.outcome());   // voucher 15: ALONE, refund 80: ESCALATE to store-manager
            p.reasons().forEach(r -> System.out.println("  because " + r.because()));
        }
        decision.followUps().forEach(f -> System.out.println("then " + f.action() + " within " + f.within()));
    }
}
