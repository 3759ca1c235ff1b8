package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming convention of a policy directory, which every directory load, watch and tool follows. */
class PolicyFilesTests {

    @ParameterizedTest(name = "{0}: policy {1}, scenario {2}, guarantees {3}")
    @CsvSource({
            "coffee-shop.yaml, true, false, false",
            "coffee-shop.YML, true, false, false",
            "rules.drl, true, false, false",
            "coffee-shop.test.yaml, false, true, false",
            "coffee-shop.Test.yml, false, true, false",
            "coffee-shop.guarantees.yaml, false, false, true",
            "coffee-shop.GUARANTEES.yml, false, false, true",
            "guarantees.yaml, true, false, false",
            "test.yaml, true, false, false",
            "coffee-shop.test.drl, true, false, false",
            "notes.txt, false, false, false",
            "coffee-shop.yaml.bak, false, false, false",
    })
    void tells_the_files_of_a_policy_directory_apart_by_name(String name, boolean policy, boolean scenario,
                                                            boolean guarantees) {
        Path file = Path.of("policies", "coffee", name);

        assertThat(PolicyFiles.isPolicyFile(file)).as("policy file").isEqualTo(policy);
        assertThat(PolicyFiles.isScenarioFile(file)).as("scenario file").isEqualTo(scenario);
        assertThat(PolicyFiles.isGuaranteesFile(file)).as("guarantees file").isEqualTo(guarantees);
    }

    @Test
    void a_name_starting_with_a_dot_between_the_directory_and_the_file_hides_it() {
        Path root = Path.of("/etc/policy");

        assertThat(PolicyFiles.isHidden(root, root.resolve("coffee-shop.yaml"))).isFalse();
        assertThat(PolicyFiles.isHidden(root, root.resolve("brand-a/coffee-shop.yaml"))).isFalse();
        assertThat(PolicyFiles.isHidden(root, root.resolve(".coffee-shop.yaml.swp"))).isTrue();
        assertThat(PolicyFiles.isHidden(root, root.resolve("..data/coffee-shop.yaml"))).isTrue();
        assertThat(PolicyFiles.isHidden(Path.of("/etc/.config/policy"), Path.of("/etc/.config/policy/a.yaml")))
                .as("only the part below the directory counts").isFalse();
    }

    @Test
    void refuses_null_with_a_message_that_names_the_argument() {
        assertThatThrownBy(() -> PolicyFiles.isPolicyFile(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("file must not be null");
        assertThatThrownBy(() -> PolicyFiles.isHidden(null, Path.of("a.yaml")))
                .isInstanceOf(NullPointerException.class).hasMessage("directory must not be null");
    }
}
