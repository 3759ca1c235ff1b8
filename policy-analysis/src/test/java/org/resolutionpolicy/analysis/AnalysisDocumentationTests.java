package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What docs/analysis.md shows is what the analysis does. */
class AnalysisDocumentationTests {

    static final Path DOC = Path.of("../docs/analysis.md");

    @Test
    void every_guarantee_file_of_the_guide_is_proven_against_its_policy() throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        int blocks = 0;
        while (m.find()) {
            if (m.group(1).startsWith("accepted:")) {
                continue; // the baseline, tested below
            }
            blocks++;
            // the guide's file lives beside the examples' guarantee files, whose policy paths it shares
            GuaranteeFile file = GuaranteeFile.parse(Path.of("src/test/resources/examples/doc.guarantees.yaml"),
                    m.group(1));
            assertThat(Analysis.of(file.policies()).prove(file.guarantees()))
                    .allSatisfy(r -> assertThat(r.status()).as(r.detail()).isEqualTo(GuaranteeResult.Status.PROVEN));
        }
        assertThat(blocks).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_findings_shown_for_the_coffee_shop_are_its_findings() throws IOException {
        String doc = Files.readString(DOC);
        Report r = Analysis.of(Path.of("../examples/policies/coffee-shop.yaml")).findings();
        assertThat(r.findings()).hasSize(1);
        String shown = r.findings().get(0).toString().replace("../examples", "examples");
        assertThat(doc).contains(shown).contains("  case: " + Json.line(r.findings().get(0)));
    }

    @Test
    void the_baseline_shown_accepts_the_coffee_shops_finding() throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(accepted:.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(m.find()).isTrue();
        Baseline baseline = Baseline.parse(DOC, m.group(1));
        Baseline.Split split = baseline.split(Analysis.of(Path.of("../examples/policies/coffee-shop.yaml")).findings());

        assertThat(split.fresh()).isEmpty();
        assertThat(split.accepted()).hasSize(1);
        assertThat(split.stale()).isEmpty();
    }

    /** The one-line JSON of a finding's witness, as the CLI prints it. */
    static final class Json {
        static String line(Finding f) {
            return org.resolutionpolicy.format.json.JsonText.line(f.witness());
        }
    }
}
