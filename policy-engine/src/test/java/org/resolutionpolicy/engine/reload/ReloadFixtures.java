package org.resolutionpolicy.engine.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.ReloadListener;

/** Policies whose refund limit names their revision, cases that tell them apart, and ways to save files. */
final class ReloadFixtures {

    private ReloadFixtures() {
    }

    /** A valid policy: an agent refunds up to {@code limit} alone; beyond, the supervisor. */
    static String policy(int limit) {
        return """
                policy: live
                version: "v%d"
                roles: [agent, supervisor]
                remedies:
                  refund: { unit: money }
                authority:
                  agent: { refund: %d }
                  supervisor: { refund: unlimited }
                rules:
                  - id: no-refund-for-gift-cards
                    when: { category: gift-card }
                    remedies: [refund]
                    deny: true
                    because: Gift cards are not refunded
                """.formatted(limit, limit);
    }

    /** A policy with an error on line 7: an unknown role. */
    static String broken() {
        return """
                policy: live
                version: "broken"
                roles: [agent, supervisor]
                remedies:
                  refund: { unit: money }
                authority:
                  agnet: { refund: 10 }
                """;
    }

    /** A case an agent proposes a refund in. */
    static CustomerCase refund(double amount) {
        return CustomerCase.builder().id("C-" + amount).severity("LOW").category("late-order").employee("agent")
                .propose("refund", amount).build();
    }

    /** Writes a file in place (truncate, then write), as most programs do. */
    static void writeInPlace(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Saves a file as editors do: write a temporary file beside it, then rename it over the old one. */
    static void renameSave(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".swp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until the condition holds, at most the given time. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    /** A reload listener that keeps every event. */
    static final class Events implements ReloadListener {
        final List<ReloadEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onReload(ReloadEvent event) {
            events.add(event);
        }

        long failed() {
            return events.stream().filter(e -> e.result() == ReloadEvent.Result.FAILED).count();
        }

        long loaded() {
            return events.stream().filter(ReloadEvent::loaded).count();
        }

        ReloadEvent last() {
            return events.isEmpty() ? null : events.get(events.size() - 1);
        }
    }
}
