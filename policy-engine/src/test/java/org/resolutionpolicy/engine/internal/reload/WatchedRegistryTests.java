package org.resolutionpolicy.engine.internal.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.YamlPolicyEngine;

/** The live registry's reloads, with sources read by a test: files that change while they compile. */
class WatchedRegistryTests {

    @TempDir
    Path dir;

    @Test
    void a_file_read_mid_save_is_compiled_again_as_written_and_never_serves() {
        AtomicInteger reads = new AtomicInteger();
        String policy = WatchedPolicyTests.POLICY;
        List<String> texts = List.of(policy.formatted("1"), policy.formatted("half-written"), policy.formatted("2"));
        WatchRequest request = new WatchRequest(List.of(dir), () -> List.of(PolicySource.of("live.yaml",
                texts.get(Math.min(reads.getAndIncrement(), texts.size() - 1)))), Duration.ofHours(1),
                Duration.ofHours(1), List.of(), LoadOptions.defaults(), false, WatchedPolicyTests.SETTLE, false);
        try (LivePolicyRegistry live = new YamlPolicyEngine().watchRegistry(request, s -> Map.of("live", s))) {
            ReloadEvent event = live.reloadNow();

            assertThat(event.result()).isEqualTo(ReloadEvent.Result.LOADED);
            assertThat(live.find("live").orElseThrow().version()).isEqualTo("2");
            // the start, the half-written read and its check, then the written file read and checked
            assertThat(reads.get()).isEqualTo(5);
        }
    }
}
