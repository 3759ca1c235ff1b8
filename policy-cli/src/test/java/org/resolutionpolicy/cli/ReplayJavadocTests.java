package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fails the build when a public type or member of the replay API has no javadoc, as for the other public modules. */
class ReplayJavadocTests {

    @Test
    void every_public_type_and_member_of_the_replay_api_is_documented(@TempDir Path out) throws IOException {
        assertThat(PublicJavadocTests.undocumented(Path.of("../policy-replay/src/main/java"), "org.resolutionpolicy.replay",
                out)).isEmpty();
    }
}
