package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API module's own tests run without any engine on the classpath, as a user who forgot it would. */
class EngineDiscoveryTests {

    @Test
    void names_the_artifact_to_add_when_no_engine_is_on_the_classpath() {
        assertThatThrownBy(() -> Policies.parse("policy: x"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("no policy engine on the classpath")
                .hasMessageContaining("[org.resolutionpolicy:policy-engine]");
    }

    @Test
    void reading_a_case_without_an_engine_names_the_artifact_too() {
        assertThatThrownBy(() -> Cases.parse("id: C-1"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("org.resolutionpolicy:policy-engine");
    }

    @Test
    void a_missing_file_is_reported_by_name_before_any_engine_is_needed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> Policies.load(missing))
                .isInstanceOf(PolicyException.class)
                .hasMessage("no such file [" + missing + "]");
    }

    @Test
    void a_directory_without_policy_files_is_an_error(@TempDir Path dir) {
        assertThatThrownBy(() -> Policies.load(dir))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("no policy files (*.yaml, *.yml, *.drl) in directory");
    }

    @Test
    void a_missing_classpath_resource_is_reported_by_name() {
        assertThatThrownBy(() -> Policies.fromClasspath("policies/absent.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("no classpath resource [policies/absent.yaml]");
    }

    @Test
    void arguments_are_checked_with_precise_messages() {
        assertThatThrownBy(() -> Policies.parse(null))
                .isInstanceOf(NullPointerException.class).hasMessage("yaml must not be null");
        assertThatThrownBy(() -> Policies.compile(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one policy source is needed");
        assertThatThrownBy(() -> Policies.fromClasspath())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one resource is needed");
    }

    @Test
    void the_failed_lookup_is_remembered_and_thrown_afresh_on_every_call() {
        Throwable first = org.assertj.core.api.Assertions.catchThrowable(org.resolutionpolicy.api.spi.PolicyEngine::find);
        Throwable second = org.assertj.core.api.Assertions.catchThrowable(org.resolutionpolicy.api.spi.PolicyEngine::find);

        assertThat(first).isInstanceOf(PolicyException.class).hasMessageContaining("[org.resolutionpolicy:policy-engine]");
        assertThat(second).isNotSameAs(first).hasMessage(first.getMessage());
    }

    @Test
    void a_loader_with_options_names_the_artifact_too() {
        assertThatThrownBy(() -> Policies.loader(LoadOptions.defaults()).parse("policy: x"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("[org.resolutionpolicy:policy-engine]");
    }
}
