package org.resolutionpolicy.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Impact;

/** Generates cases for the reference policy, reproducibly, each with three proposals and every fact present. */
final class ReferenceCases {

    private static final String[] TIERS = {"NEW", "SILVER", "GOLD", "PLATINUM"};
    private static final String[] CATEGORIES = {"late-delivery", "damaged", "gift-card", "other", "other", "fraud"};
    private static final String[] CHANNELS = {"phone", "email", "social", "partner", "chat"};

    private ReferenceCases() {
    }

    static List<CustomerCase> generate(int count, long seed) {
        Random random = new Random(seed);
        List<CustomerCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CustomerCase.Builder b = CustomerCase.builder().id("R" + i)
                    .severity(Request.SEVERITIES[random.nextInt(4)])
                    .employee(Lattice.ROLES[random.nextInt(Lattice.ROLES.length)])
                    .customer(Customer.builder().tier(TIERS[random.nextInt(TIERS.length)]).build())
                    .category(CATEGORIES[random.nextInt(random.nextInt(10) == 0 ? 6 : 5)])
                    .channel(CHANNELS[random.nextInt(CHANNELS.length)])
                    .impact(Impact.builder().outOfPocket(random.nextInt(700))
                            .socialReach(random.nextInt(20) == 0 ? 20_000 : random.nextInt(500))
                            .legalThreat(random.nextInt(30) == 0).safetyIssue(random.nextInt(40) == 0)
                            .affectedCustomers(1).regulatorInvolved(false).build())
                    .propose("refund", random.nextInt(50) == 0 ? 6000 : 1 + random.nextInt(600))
                    .propose("voucher", 1 + random.nextInt(120));
            if (random.nextBoolean()) {
                b.propose("discount", 1 + random.nextInt(60));
            } else {
                b.propose("apology");
            }
            cases.add(b.build());
        }
        return cases;
    }
}
