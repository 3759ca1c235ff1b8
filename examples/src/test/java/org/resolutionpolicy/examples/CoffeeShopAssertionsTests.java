package org.resolutionpolicy.examples;

import static org.resolutionpolicy.test.PolicyAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** What a CRM integration pins down about the coffee-shop policy, one line per fact: the README's example. */
class CoffeeShopAssertionsTests {

    static final Policy COFFEE = Policies.fromClasspath("policies/coffee-shop.yaml");

    @Test
    void a_big_refund_at_high_severity_goes_to_the_store_manager_with_a_callback() {
        Decision decision = COFFEE.decide(CustomerCase.builder()
                .severity("HIGH").employee("barista").impact(Impact.builder().outOfPocket(12.5).build())
                .propose("refund", 80).propose("apology").build());

        assertThat(decision).proposal("refund").isEscalatedTo("store-manager").because("high-severity-refunds-need-a-manager");
        assertThat(decision).proposal("apology").isGrantedAlone();
        assertThat(decision).hasFollowUp("senior-management-call");
    }

    @Test
    void a_barista_may_give_vouchers_up_to_ten_dollars_alone() {
        Decision latitude = COFFEE.decide(CustomerCase.builder().severity("LOW").employee("barista").build());

        assertThat(latitude).latitude("voucher").allowsAloneUpTo(10).escalatesBeyondTo("shift-lead");
    }
}
