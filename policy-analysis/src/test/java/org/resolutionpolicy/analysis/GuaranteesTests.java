package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GuaranteesTests {

    static final Path EXAMPLES = Path.of("src/test/resources/examples");

    /** The example policies' guarantees, each a test: they all hold. */
    @TestFactory
    Stream<DynamicNode> example_guarantees() {
        return Guarantees.in(EXAMPLES);
    }

    @Test
    void a_violated_guarantee_fails_its_test_with_the_counterexample() {
        List<DynamicNode> nodes = Guarantees.in(Path.of("src/test/resources/planted")).toList();
        DynamicContainer file = (DynamicContainer) nodes.get(0);
        List<DynamicTest> tests = file.getChildren().map(DynamicTest.class::cast).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).hasSize(4);
        assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("guarantee [a GOLD customer is never denied a voucher] (never DENIED) is VIOLATED")
                .hasMessageContaining("counterexample:")
                .hasMessageContaining("\"tier\": \"GOLD\"");
    }

    @Test
    void no_guarantee_file_is_a_failing_test(@org.junit.jupiter.api.io.TempDir Path empty) {
        DynamicTest only = (DynamicTest) Guarantees.in(empty).findFirst().orElseThrow();
        assertThatThrownBy(() -> only.getExecutable().execute()).hasMessageContaining("no *.guarantees.yaml files");
    }
}
