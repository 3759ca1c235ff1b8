package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * However a case splits a remedy into proposals, the employee may grant alone no more than their authority allows
 * (per-grant limit, windows and grants), which the latitude answer states; and the last part of a split is never
 * looser than the whole asked at once.
 */
class SiblingProposalsProperties {

    /** Authority alone decides here: a rule testing {@code amount} would see each part, not the total. */
    static final Policy POLICY = Policies.parse("""
            policy: splits
            version: "1"
            roles: [agent, supervisor, manager]
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              free-drink: { unit: count }
            authority:
              agent:
                refund: 50
                voucher: { perGrant: 20, perCustomer: { max: 40, count: 3, window: P30D } }
                free-drink: { perGrant: 2, perCustomer: { count: 2, window: P7D } }
              supervisor: { refund: 200, voucher: { perGrant: 30, perCustomer: { max: 60, window: P30D } } }
              manager: { refund: unlimited, voucher: 100, free-drink: 10 }
            rules:
              - id: gold-vouchers
                when: { customer.tier: GOLD }
                remedies: [voucher]
                grant: { role: agent, upTo: 30 }
                because: Gold members get larger vouchers
              - id: regulars-refunds
                when: { category: regular }
                remedies: [refund]
                grant: { role: supervisor, upTo: 300 }
                because: Regulars
            """);
    static final List<String> REMEDIES = List.of("refund", "voucher", "free-drink");

    @Property(tries = 400)
    void the_total_granted_alone_never_exceeds_the_latitude(@ForAll("cases") CustomerCase c) {
        Decision d = POLICY.decide(c);
        Decision latitude = POLICY.decide(c.toBuilder().clearProposals().build());

        for (String remedy : REMEDIES) {
            BigDecimal alone = BigDecimal.ZERO;
            for (ProposalDecision p : d.proposals()) {
                if (p.remedy().equals(remedy) && p.outcome().equals(Outcome.alone())) {
                    alone = alone.add(p.amount());
                }
            }
            Latitude l = latitude.latitude(remedy).orElseThrow();
            if (!l.aloneUpTo().isUnlimited()) {
                assertThat(alone).as("%s granted alone in %s; latitude %s", remedy, d.proposals(), l)
                        .isLessThanOrEqualTo(l.aloneUpTo().amount().orElseThrow());
            }
        }
    }

    @Property(tries = 400)
    void the_grants_alone_never_exceed_a_window_count(@ForAll("cases") CustomerCase c) {
        Decision d = POLICY.decide(c);
        int rank = POLICY.roles().indexOf(c.employee().role());
        long vouchersAlone = d.proposals().stream()
                .filter(p -> p.remedy().equals("voucher") && p.outcome().equals(Outcome.alone())).count();
        long history = c.customer().history().size();
        if (rank < 1) {
            // below the supervisor, only the agent's window (3 vouchers in P30D) can cover a voucher alone
            assertThat(vouchersAlone + history).isLessThanOrEqualTo(Math.max(3, history));
        }
    }

    @Property(tries = 400)
    void the_last_part_of_a_split_is_never_looser_than_the_whole(@ForAll("cases") CustomerCase c,
                                                                 @ForAll("remedies") String remedy) {
        List<Proposal> parts = c.proposals().stream().filter(p -> p.remedy().equals(remedy)).toList();
        if (parts.isEmpty()) {
            return;
        }
        BigDecimal whole = parts.stream().map(Proposal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        CustomerCase.Builder split = c.toBuilder().clearProposals();
        parts.forEach(split::propose);
        List<ProposalDecision> decided = POLICY.decide(split.build()).proposals();
        ProposalDecision asOne = POLICY.decide(c.toBuilder().clearProposals().propose(remedy, whole).build())
                .proposals().get(0);

        assertThat(strictness(decided.get(decided.size() - 1)))
                .as("%s split as %s: %s", asOne.proposal(), parts, decided).isGreaterThanOrEqualTo(strictness(asOne));
    }

    static int strictness(ProposalDecision d) {
        Outcome o = d.outcome();
        return switch (o.kind()) {
            case ALONE -> 0;
            case ESCALATE -> 1 + POLICY.roles().indexOf(o.approver());
            case SWAT -> 100;
            case DENIED -> 200;
        };
    }

    @Provide
    Arbitrary<String> remedies() {
        return Arbitraries.of(REMEDIES);
    }

    @Provide
    Arbitrary<CustomerCase> cases() {
        Arbitrary<String> role = Arbitraries.of(POLICY.roles());
        Arbitrary<String> tier = Arbitraries.of("GOLD", "SILVER");
        Arbitrary<String> category = Arbitraries.of("regular", "other");
        Arbitrary<List<Integer>> history = Arbitraries.integers().between(1, 25).list().ofMaxSize(3);
        Arbitrary<Proposal> proposal = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 120).map(a -> Proposal.of("refund", a)),
                Arbitraries.integers().between(1, 35).map(a -> Proposal.of("voucher", a)),
                Arbitraries.integers().between(1, 3).map(a -> Proposal.of("free-drink", a)));
        Arbitrary<List<Proposal>> proposals = proposal.list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(role, tier, category, history, proposals).as((r, t, cat, h, ps) -> {
            Customer.Builder customer = Customer.builder().tier(t);
            for (int i = 0; i < h.size(); i++) {
                customer.history("voucher", h.get(i), Instant.parse("2026-11-1" + i + "T10:00:00Z"));
            }
            CustomerCase.Builder b = CustomerCase.builder().id("S").severity("MEDIUM").employee(r).category(cat)
                    .openedAt(Instant.parse("2026-11-20T09:30:00Z")).customer(customer.build());
            ps.forEach(b::propose);
            return b.build();
        });
    }
}
