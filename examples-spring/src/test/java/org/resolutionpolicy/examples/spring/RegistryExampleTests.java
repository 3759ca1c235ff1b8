package org.resolutionpolicy.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Outcome;

/** The registry example decides with each brand's own policy, and follows the directory. */
class RegistryExampleTests {

    static final Path POLICIES = Path.of("..", "examples", "policies");

    @TempDir
    Path dir;

    @Test
    void decides_with_the_policy_of_the_brand() throws IOException {
        Files.copy(POLICIES.resolve("coffee-shop.yaml"), dir.resolve("coffee-shop.yaml"));
        Files.copy(POLICIES.resolve("online-retailer.yaml"), dir.resolve("online-retailer.yaml"));
        CustomerCase refund = CustomerCase.builder().severity("HIGH").category("late-order").employee("barista")
                .propose("refund", 80).build();

        assertThat(RegistryExample.decide(dir, "coffee-shop", refund).proposal("refund").outcome())
                .isEqualTo(Outcome.escalate("store-manager"));

        try (LivePolicyRegistry live = RegistryExample.follow(dir)) {
            assertThat(live.ids()).containsExactly("coffee-shop", "online-retailer");
            assertThat(live.status().degraded()).isFalse();
        }
    }
}
