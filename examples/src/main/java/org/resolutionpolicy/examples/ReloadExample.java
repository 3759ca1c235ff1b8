package org.resolutionpolicy.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ReloadListener;
import org.resolutionpolicy.api.ReloadStatus;

/**
 * Follows a directory of policy files as a CRM would: each edit that compiles serves at once, a broken edit leaves
 * the last good revision serving, and every decision names the revision that made it. The README's hot reload
 * example.
 */
public final class ReloadExample {

    private ReloadExample() {
    }

    /**
     * Starts a live policy on a directory of policy files, telling the listener of every reload attempt.
     *
     * @param policyDir the directory whose files form one policy
     * @param onReload hears each attempt: LOADED with the new revision, or FAILED with every problem located
     * @return the live policy, serving the revision on disk now; close it to stop watching
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors now (there is no good revision
     *         to fall back on, so it fails fast)
     */
    public static LivePolicy follow(Path policyDir, ReloadListener onReload) {
        // one live policy for the whole application, like a compiled one: thread-safe, no lock on decide
        return Policies.watch(policyDir)
                .listener(onReload)     // LOADED with the new revision, or FAILED with every problem located
                .start();               // fails fast: a policy with errors now throws PolicyLoadException
    }

    /**
     * Starts a live policy on a network mount, whose file events come late or never: a longer debounce for slow
     * writers, and the content compared every 30 seconds whatever the events say.
     *
     * @param policyDir the directory whose files form one policy
     * @param onReload hears each LOADED and FAILED attempt
     * @return the live policy; close it to stop watching
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors now
     */
    public static LivePolicy followOnNetworkMount(Path policyDir, ReloadListener onReload) {
        return Policies.watch(policyDir)
                .debounce(Duration.ofMillis(500))       // default 100 ms: quiet time before the files are read
                .pollInterval(Duration.ofSeconds(30))   // default 5 s: re-read and compare without any event
                .listener(onReload)
                .start();
    }

    /**
     * Decides QuickStart's late order with whatever revision the policy serves at this moment.
     *
     * @param policy a compiled or live policy of the coffee shop
     * @return the decision, naming its revision
     */
    public static Decision decideLateOrder(Policy policy) {
        CustomerCase lateOrder = CustomerCase.builder()
                .id("C-1042").severity("HIGH").category("late-order")
                .openedAt(Instant.parse("2026-11-20T09:30:00Z"))
                .employee("E-17", "barista")
                .customer(Customer.builder().id("K-7").tier("GOLD").build())
                .impact(Impact.builder().outOfPocket(12.50).build())
                .propose("voucher", 15)
                .propose("refund", 80)
                .build();
        // one decision, one revision: all its proposals are decided by the snapshot that decision.revision() names
        return policy.decide(lateOrder);
    }

    /**
     * Returns a one-line health report for an operator's dashboard: what serves, since when, and whether a newer
     * edit on disk was refused.
     *
     * @param policy the live policy
     * @return {@code UP ...} or {@code DEGRADED ...} with the refused attempt and its first error
     */
    public static String health(LivePolicy policy) {
        ReloadStatus status = policy.status();
        if (status.degraded()) {
            // the files on disk are newer than what serves: someone has a broken edit to fix
            return "DEGRADED " + status.lastAttempt();
        }
        return "UP serving " + status.revision() + " since " + status.loadedAt();
    }

    /**
     * Follows a policy directory (the first argument, or a fresh copy of the coffee shop), decides one case, and
     * prints every reload until stopped: edit the file and watch.
     *
     * @param args an optional policy directory
     * @throws IOException if the coffee shop cannot be copied
     * @throws InterruptedException when stopped
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = args.length > 0 ? Path.of(args[0]) : copyOfTheCoffeeShop();
        try (LivePolicy policy = follow(dir, event -> System.out.println("reload: " + event))) {
            Decision decision = decideLateOrder(policy);
            System.out.println("decided by " + decision.revision() + ": voucher 15 "
                    + decision.proposal("voucher").outcome() + ", refund 80 " + decision.proposal("refund").outcome());
            System.out.println(health(policy));
            System.out.println("edit the files in " + dir + " and watch the reloads (Ctrl-C stops)");
            Thread.currentThread().join();
        }
    }

    private static Path copyOfTheCoffeeShop() throws IOException {
        Path dir = Files.createTempDirectory("live-policy");
        try (InputStream in = ReloadExample.class.getClassLoader().getResourceAsStream("policies/coffee-shop.yaml")) {
            if (in == null) {
                throw new IOException("resource [policies/coffee-shop.yaml] is not on the classpath");
            }
            Files.copy(in, dir.resolve("coffee-shop.yaml"));
        }
        return dir;
    }
}
