package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;

/** The engine's own tests run without policy-drools, as a YAML-only user's application does. */
class DrlWithoutDroolsTests {

    @Test
    void a_drl_file_names_the_artifact_that_reads_it() {
        assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of("policy.yaml", TestFiles.classpath("spec/coffee-shop.yaml")),
                PolicySource.of("rules.drl", "package x;"))))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("rules.drl: error: DRL files need the Drools support, which is not on the classpath "
                        + "(add the artifact [org.resolutionpolicy:policy-drools])");
    }
}
