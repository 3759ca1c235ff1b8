package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;

@DisplayName("policy analyze")
class AnalyzeCommandTests {

    static final Path PLANTED = Path.of("../policy-analysis/src/test/resources/planted");

    @TempDir
    Path dir;

    /** A policy whose version and agent refund limit the edits change. */
    private static final String SHOP = """
            policy: shop
            version: "%s"
            roles: [agent, supervisor]
            remedies: { refund: { unit: money } }
            authority: { agent: { refund: %s }, supervisor: { refund: 200 } }
            rules: []
            """;

    static PolicyCliTests.Run run(String... args) {
        return PolicyCliTests.run(args);
    }

    @Test
    void prints_each_finding_with_its_place_and_a_case_and_exits_1() {
        PolicyCliTests.Run r = run("analyze", PLANTED.resolve("planted.yaml").toString());
        assertThat(r.exit()).isEqualTo(PolicyCli.NO);
        assertThat(r.out()).startsWith("policy planted 1: 6 findings (")
                .contains(PLANTED.resolve("planted.yaml") + ":15:5: never-matches: rule [dead-rule] can never match")
                .contains(":21:5: masked: rule [masked-rule] never changes an outcome")
                .contains("useless-grant: grant [useless-grant] raises nothing")
                .contains("gap: no role can approve any [gift] at any severity")
                .contains("shrinking-authority: authority shrinks up the ladder: [supervisor]'s own limit")
                .contains("unreachable-role: no case is ever escalated to [director]")
                .contains("  case: {\"id\":\"witness-");
    }

    @Test
    void a_baseline_accepts_known_findings_so_only_a_new_one_fails() throws Exception {
        Path baseline = dir.resolve("analysis-baseline.yaml");
        PolicyCliTests.Run written = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--write-baseline",
                baseline.toString());
        assertThat(written.exit()).isEqualTo(PolicyCli.NO);
        assertThat(Files.readString(baseline)).contains("kind: masked", "subject: \"masked-rule\"", "because: ");

        PolicyCliTests.Run accepted = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--baseline",
                baseline.toString());
        assertThat(accepted.exit()).isEqualTo(PolicyCli.OK);
        assertThat(accepted.out()).startsWith("policy planted 1: 0 findings, 6 accepted by the baseline")
                .contains("accepted: ");

        String fewer = Files.readString(baseline).replaceAll("(?s)  - kind: masked\n.*?because: [^\n]*\n", "");
        Files.writeString(baseline, fewer + "  - kind: never-matches\n    subject: gone-rule\n    because: fixed\n");
        PolicyCliTests.Run fresh = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--baseline",
                baseline.toString());
        assertThat(fresh.exit()).isEqualTo(PolicyCli.NO);
        assertThat(fresh.out()).startsWith("policy planted 1: 1 finding, 5 accepted by the baseline")
                .contains("masked: rule [masked-rule]")
                .contains("stale baseline entry: never-matches [gone-rule] matches no finding any more");
    }

    @Test
    void a_baseline_entry_without_a_reason_is_refused_naming_it() throws Exception {
        Path baseline = Files.writeString(dir.resolve("b.yaml"), "accepted:\n  - kind: masked\n    subject: x\n"
                + "    because: \"\"\n");
        PolicyCliTests.Run r = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--baseline",
                baseline.toString());
        assertThat(r.exit()).isEqualTo(PolicyCli.USAGE);
        assertThat(r.err()).contains("accepted[0]: [because] must say why the finding is accepted");
    }

    @Test
    void a_policy_without_findings_exits_0_and_json_holds_findings_and_checks() {
        PolicyCliTests.Run r = run("analyze", "../examples/policies/online-retailer.yaml", "--format", "json");
        assertThat(r.exit()).isEqualTo(PolicyCli.OK);
        assertThat(r.out()).contains("\"policy\": \"online-retailer\"").contains("\"findings\": []")
                .contains("\"checks\": ");
    }

    @Test
    void the_witness_of_a_finding_is_a_case_that_policy_decide_reads() throws Exception {
        PolicyCliTests.Run r = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--format", "json");
        String json = r.out();
        int masked = json.indexOf("\"kind\": \"masked\"");
        int start = json.indexOf("\"witness\": ", masked) + "\"witness\": ".length();
        int end = json.indexOf("\n      }\n", start) + "\n      }".length();
        Path witness = Files.writeString(dir.resolve("witness.json"), json.substring(start, end));
        PolicyCliTests.Run decided = run("decide", PLANTED.resolve("planted.yaml").toString(), "--case", witness.toString());
        assertThat(decided.exit()).isEqualTo(PolicyCli.OK);
        assertThat(Policies.load(PLANTED.resolve("planted.yaml")).decide(Cases.load(witness)).proposals().get(0)
                .outcome()).isEqualTo(Outcome.escalate("manager"));
    }

    @Test
    void proves_a_guarantee_file_and_prints_the_counterexample_of_the_violated_one() {
        PolicyCliTests.Run r = run("analyze", PLANTED.resolve("planted.guarantees.yaml").toString());
        assertThat(r.exit()).isEqualTo(PolicyCli.NO);
        assertThat(r.out()).contains("planted.guarantees.yaml: 3 of 4 guarantees proven")
                .contains(":3:5: PROVEN: an agent never refunds more than 50 alone (never ALONE)")
                .contains(":11:5: VIOLATED: a GOLD customer is never denied a voucher (never DENIED)")
                .contains("  counterexample: {\"id\":\"witness-");
    }

    @Test
    void against_an_older_version_says_what_is_looser_with_a_case() throws Exception {
        Path old = Files.writeString(dir.resolve("old.yaml"), SHOP.formatted("1", "50"));
        Path newer = Files.writeString(dir.resolve("new.yaml"), SHOP.formatted("2", "80"));
        PolicyCliTests.Run r = run("analyze", newer.toString(), "--against", old.toString());
        assertThat(r.exit()).isEqualTo(PolicyCli.OK);
        assertThat(r.out()).startsWith("shop 1 -> shop 2: 1 of 2 remedy and role pairs changed")
                .contains("refund for agent: ONLY_LOOSER: looser: refund of ")
                .contains("was ESCALATE to supervisor, is ALONE")
                .contains("  looser case: {");
    }

    @Test
    void diff_with_prove_is_the_change_proof_and_exits_1_when_the_edit_changes_anything() throws Exception {
        Path old = Files.writeString(dir.resolve("old.yaml"), SHOP.formatted("1", "50"));
        Path newer = Files.writeString(dir.resolve("new.yaml"), SHOP.formatted("2", "80"));
        Path same = Files.writeString(dir.resolve("same.yaml"), SHOP.formatted("3", "50"));

        PolicyCliTests.Run changed = run("diff", old.toString(), "--against", newer.toString(), "--prove");
        assertThat(changed.exit()).isEqualTo(PolicyCli.NO);
        assertThat(changed.out()).startsWith("shop 1 -> shop 2: 1 of 2 remedy and role pairs changed")
                .contains("refund for agent: ONLY_LOOSER");
        PolicyCliTests.Run unchanged = run("diff", old.toString(), "--against", same.toString(), "--prove");
        assertThat(unchanged.exit()).isEqualTo(PolicyCli.OK);
        assertThat(unchanged.out()).startsWith("shop 1 -> shop 3: 0 of 2 remedy and role pairs changed");
        PolicyCliTests.Run both = run("diff", old.toString(), "--against", newer.toString(), "--prove",
                "--history", old.toString());
        assertThat(both.exit()).isEqualTo(PolicyCli.USAGE);
        assertThat(both.err()).contains("--prove takes neither --history nor --out");
        assertThat(run("diff", old.toString(), "--against", newer.toString()).err())
                .contains("Missing required option: '--history=FILE'");
    }

    @Test
    void a_bad_time_limit_is_a_usage_error() {
        PolicyCliTests.Run r = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--time-limit", "0");
        assertThat(r.exit()).isEqualTo(PolicyCli.USAGE);
        assertThat(r.err()).contains("--time-limit must be positive");
    }

    @Test
    void a_time_limit_that_is_not_a_number_or_out_of_range_is_a_usage_error_not_an_internal_one() {
        for (String limit : new String[] {"NaN", "1e-12", "99999999999", "Infinity"}) {
            PolicyCliTests.Run r = run("analyze", PLANTED.resolve("planted.yaml").toString(), "--time-limit", limit);
            assertThat(r.exit()).as(limit).isEqualTo(PolicyCli.USAGE);
            assertThat(r.err()).as(limit).contains("--time-limit must be");
        }
    }

    @Test
    void runs_on_the_module_path_with_the_solver_as_an_automatic_module() throws Exception {
        String modulePath = String.join(File.pathSeparator, java.util.Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).toList());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "org.resolutionpolicy.cli/org.resolutionpolicy.cli.PolicyCli",
                "analyze", PLANTED.resolve("planted.guarantees.yaml").toString());
        File out = dir.resolve("out").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(dir.resolve("err").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out.toPath(), StandardCharsets.UTF_8)).contains("3 of 4 guarantees proven");
        assertThat(p.exitValue()).isEqualTo(PolicyCli.NO);
    }
}
