package org.resolutionpolicy.engine.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.broken;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.policy;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.refund;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.renameSave;
import static org.resolutionpolicy.engine.reload.ReloadFixtures.writeInPlace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ReloadEvent;

/**
 * Two threads decide without pause while the policy file is rewritten 1,000 times, valid and broken edits mixed,
 * by in-place writes, rename-saves and symlink swaps, with the watcher running as well: no decision fails, each
 * agrees with a policy compiled from the text of the revision it names, every valid revision is served and every
 * broken one is reported and never served.
 */
class HotReloadStressTests {

    private static final int REWRITES = 1_000;

    @TempDir
    Path dir;

    @Test
    void two_threads_decide_through_a_thousand_rewrites_without_one_wrong_decision() throws Exception {
        // the file is a symlink into one of two directories, so that some rewrites are symlink swaps
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path file = dir.resolve("policy.yaml");
        writeInPlace(a.resolve("policy.yaml"), policy(0));
        Files.createSymbolicLink(file, a.resolve("policy.yaml"));
        Map<String, Policy> reference = new ConcurrentHashMap<>();
        Policy first = Policies.parse(policy(0));
        reference.put(first.revision(), first);
        ReloadFixtures.Events events = new ReloadFixtures.Events();
        LivePolicy live = Policies.watch(file).debounce(Duration.ofMillis(5)).pollInterval(Duration.ofMillis(50))
                .listener(events).start();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong decided = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<String> servedRevisions = ConcurrentHashMap.newKeySet();
        Runnable decider = () -> {
            int i = 0;
            while (!stop.get()) {
                CustomerCase c = refund(i++ % 1_200 + 0.5);
                try {
                    Decision d = live.decide(c);
                    servedRevisions.add(d.revision());
                    Policy expected = reference.get(d.revision());
                    if (expected == null || !expected.decide(c).proposals().equals(d.proposals())) {
                        wrong.incrementAndGet();
                    }
                    decided.incrementAndGet();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        Thread t1 = new Thread(decider, "decider-1");
        Thread t2 = new Thread(decider, "decider-2");
        t1.start();
        t2.start();

        Set<String> valid = ConcurrentHashMap.newKeySet();
        valid.add(first.revision());
        int broken = 0;
        try {
            for (int i = 1; i <= REWRITES; i++) {
                boolean isBroken = i % 7 == 0;
                String text = isBroken ? broken() + "# " + i + "\n" : policy(i);
                String revision = null;
                if (!isBroken) {
                    Policy ref = Policies.parse(text);
                    revision = ref.revision();
                    reference.put(revision, ref);
                    valid.add(revision);
                } else {
                    broken++;
                }
                Path target = Files.readSymbolicLink(file).startsWith(a) ? a : b;
                switch (i % 3) {
                    case 0 -> writeInPlace(target.resolve("policy.yaml"), text);
                    case 1 -> renameSave(target.resolve("policy.yaml"), text);
                    default -> {
                        Path other = target.equals(a) ? b : a;
                        writeInPlace(other.resolve("policy.yaml"), text);
                        Path link = dir.resolve("policy.yaml.tmp");
                        Files.deleteIfExists(link);
                        Files.createSymbolicLink(link, other.resolve("policy.yaml"));
                        Files.move(link, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                ReloadEvent event = live.reloadNow();
                if (isBroken) {
                    assertThat(event.result()).as("rewrite %d", i).isEqualTo(ReloadEvent.Result.FAILED);
                    assertThat(event.problems()).anySatisfy(p -> assertThat(p.message()).contains("agnet"));
                } else {
                    assertThat(live.revision()).as("rewrite %d", i).isEqualTo(revision);
                }
                Thread.sleep(1);
            }
        } finally {
            stop.set(true);
            t1.join(10_000);
            t2.join(10_000);
            live.close();
        }

        assertThat(failure.get()).as("a failed decision").isNull();
        assertThat(decided.get()).isGreaterThan(REWRITES);
        assertThat(wrong.get()).as("decisions that disagree with the revision they name").isZero();
        assertThat(valid).as("every valid revision served").hasSize(REWRITES - broken + 1);
        assertThat(valid).containsAll(servedRevisions);
        assertThat(events.failed()).as("every broken rewrite reported").isGreaterThanOrEqualTo(broken);
        assertThat(events.events).filteredOn(ReloadEvent::loaded).extracting(ReloadEvent::revision)
                .allSatisfy(r -> assertThat(valid).contains(r));
    }
}
