package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** A replay and a diff take any policy: a live one and a registry's count exactly as the compiled one does. */
class AnyPolicyTests {

    @Test
    void a_live_policy_and_a_registry_policy_replay_and_diff_as_the_compiled_policy_does(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("shop.yaml");
        try (InputStream in = AnyPolicyTests.class.getClassLoader().getResourceAsStream("shop.yaml")) {
            Files.copy(in, file);
        }
        Policy compiled = ReplayTests.SHOP;
        ReplayReport expected = Replay.of(compiled).run(ReplayTests.history(ReplayTests.HISTORY));
        DiffReport expectedDiff = Diff.of(compiled, compiled).run(ReplayTests.history(ReplayTests.HISTORY));

        try (LivePolicy live = Policies.watch(file).start()) {
            assertThat(Replay.of(live).run(ReplayTests.history(ReplayTests.HISTORY)).remedies())
                    .isEqualTo(expected.remedies());
            assertThat(Diff.of(live, compiled).run(ReplayTests.history(ReplayTests.HISTORY)).changedCases())
                    .isEqualTo(expectedDiff.changedCases()).isZero();
        }
        Policy fromRegistry = Policies.registry(dir).get("shop");
        assertThat(Replay.of(fromRegistry).run(ReplayTests.history(ReplayTests.HISTORY)).remedies())
                .isEqualTo(expected.remedies());
    }
}
