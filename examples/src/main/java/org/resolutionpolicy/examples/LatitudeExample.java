package org.resolutionpolicy.examples;

import java.time.Instant;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** Asks what a barista may offer on their own: a case without proposals answers the latitude question. */
public final class LatitudeExample {

    private LatitudeExample() {
    }

    /** Returns the latitude of a barista serving a platinum member who waited 20 minutes. */
    public static Decision baristaLatitude() {
        Policy policy = Policies.fromClasspath("policies/coffee-shop.yaml");
        CustomerCase slowService = CustomerCase.builder()
                .severity("MEDIUM").category("slow-service")
                .openedAt(Instant.parse("2026-11-20T07:45:00Z"))
                .employee("barista")
                .customer(Customer.builder().tier("PLATINUM").build())
                .attribute("delayMinutes", 20)
                .build();                                   // no proposals: "what may I do?"
        return policy.decide(slowService);
    }

    /**
     * Prints, per remedy, the most the barista may grant alone and who approves more.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        for (Latitude l : baristaLatitude().latitude()) {
            System.out.println(l.remedy() + ": alone up to " + l.aloneUpTo()
                    + (l.approverBeyond() == null ? "" : ", beyond that ask " + l.approverBeyond()));
        }
    }
}
