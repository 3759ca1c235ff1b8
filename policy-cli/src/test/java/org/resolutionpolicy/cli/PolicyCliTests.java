package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class PolicyCliTests {

    /** The policy of the policy-format guide, written as a policy owner would. */
    static final String COFFEE = String.join("\n",
            "policy: coffee-shop",
            "version: \"2026.11\"",
            "roles: [barista, shift-lead, store-manager, district-manager]",
            "swat: { team: recovery-swat }",
            "attributes: { delayHours: number, store: string }",
            "remedies:",
            "  apology:    { unit: none }",
            "  free-drink: { unit: count }",
            "  voucher:    { unit: money }",
            "  refund:     { unit: money }",
            "authority:",
            "  barista:",
            "    apology: unlimited",
            "    free-drink: 2",
            "    voucher: { perGrant: 10, perCustomer: { max: 30, window: P30D } }",
            "  shift-lead: { voucher: 25, refund: 25 }",
            "  store-manager: { refund: 200 }",
            "  district-manager: { refund: unlimited }",
            "rules:",
            "  - id: gold-members-get-more-latitude",
            "    when: { customer.tier: [GOLD, PLATINUM] }",
            "    remedies: [voucher]",
            "    grant: { role: barista, upTo: 20 }",
            "    because: Gold and Platinum members may get a larger voucher at the counter",
            "  - id: high-severity-refunds-need-a-manager",
            "    when: { severity: { atLeast: HIGH }, amount: { above: 50 } }",
            "    remedies: [refund]",
            "    require: store-manager",
            "    because: High-severity refunds over $50 are reviewed by the store manager",
            "  - id: going-viral",
            "    when: \"impact.socialReach >= 10000 || impact.legalThreat\"",
            "    route: swat",
            "    because: Public or legal exposure is handled by the recovery team",
            "  - id: out-of-pocket-callback",
            "    when: { impact.outOfPocket: { above: 0 } }",
            "    followUp: { action: senior-management-call, within: P2D }",
            "    because: Customers who paid out of pocket get a call from senior management",
            "");

    /** The case of the policy-format guide. */
    static final String CASE = String.join("\n",
            "id: C-1042",
            "severity: HIGH",
            "category: late-order",
            "channel: phone",
            "openedAt: 2026-11-20T09:30:00Z",
            "employee: { id: E-17, role: barista }",
            "customer:",
            "  id: K-7",
            "  tier: GOLD",
            "  lifetimeValue: 5400",
            "  history:",
            "    - { remedy: voucher, amount: 10, at: 2026-11-02T10:00:00Z }",
            "impact: { outOfPocket: 12.50, affectedCustomers: 1, socialReach: 0, legalThreat: false }",
            "attributes: { delayHours: 1.5, store: \"Main St\" }",
            "proposals:",
            "  - { remedy: voucher, amount: 15 }",
            "  - { remedy: refund, amount: 80 }",
            "  - { remedy: apology }",
            "");

    @TempDir
    Path dir;
    Path policy;
    Path caseFile;

    @BeforeEach
    void writeFiles() throws IOException {
        policy = write("coffee-shop.yaml", COFFEE);
        caseFile = write("cases/c-1042.yaml", CASE);
    }

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** What one run of the command line printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PolicyCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("policy decide --format json")
    class DecideJson {

        @Test
        @SuppressWarnings("unchecked")
        void prints_the_json_of_the_format_guide_for_its_example() {
            Run r = run("decide", policy.toString(), "--case", caseFile.toString(), "--format", "json");

            assertThat(r.exit()).isZero();
            assertThat(r.err()).isEmpty();
            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsOnlyKeys("policy", "version", "revision", "case", "employeeRole", "swat", "proposals",
                    "followUps");
            assertThat(List.copyOf(json.keySet())).containsExactly("policy", "version", "revision", "case", "employeeRole",
                    "swat", "proposals", "followUps");
            assertThat((String) json.get("revision")).matches("2026\\.11@[0-9a-f]{12}");
            assertThat(json).containsEntry("policy", "coffee-shop").containsEntry("version", "2026.11")
                    .containsEntry("case", "C-1042").containsEntry("employeeRole", "barista").containsEntry("swat", false);
            List<Map<String, Object>> proposals = (List<Map<String, Object>>) json.get("proposals");
            assertThat(proposals).hasSize(3);
            assertThat(List.copyOf(proposals.get(0).keySet())).containsExactly("remedy", "amount", "outcome", "reasons");
            assertThat(proposals.get(0)).isEqualTo(Map.of(
                    "remedy", "voucher", "amount", 15, "outcome", "ALONE",
                    "reasons", List.of(Map.of("rule", "gold-members-get-more-latitude",
                            "because", "Gold and Platinum members may get a larger voucher at the counter"))));
            assertThat(List.copyOf(proposals.get(1).keySet()))
                    .containsExactly("remedy", "amount", "outcome", "approver", "reasons");
            assertThat(proposals.get(1)).containsEntry("outcome", "ESCALATE").containsEntry("approver", "store-manager")
                    .containsEntry("amount", 80);
            assertThat((List<Map<String, Object>>) proposals.get(1).get("reasons")).extracting(m -> m.get("rule"))
                    .containsExactly("high-severity-refunds-need-a-manager");
            assertThat(proposals.get(2)).containsOnlyKeys("remedy", "outcome", "reasons")
                    .containsEntry("outcome", "ALONE").containsEntry("reasons", List.of());
            assertThat(json.get("followUps")).isEqualTo(List.of(Map.of(
                    "action", "senior-management-call", "within", "P2D", "rule", "out-of-pocket-callback")));
        }

        @Test
        void prints_numbers_plainly_and_escapes_text() throws IOException {
            Path odd = write("odd.yaml", CASE.replace("amount: 15", "amount: 15.50")
                    .replace("id: C-1042", "id: 'C-\"q\" \\ 1'"));

            Run r = run("decide", policy.toString(), "--case", odd.toString(), "--format", "json");

            assertThat(r.out()).contains("\"amount\": 15.5,").contains("\"case\": \"C-\\\"q\\\" \\\\ 1\"");
        }

        @Test
        @SuppressWarnings("unchecked")
        void answers_the_latitude_question_for_a_case_without_proposals() throws IOException {
            Path latitude = write("latitude.yaml", CASE.substring(0, CASE.indexOf("proposals:")));

            Run r = run("decide", policy.toString(), "--case", latitude.toString(), "--format", "json");

            assertThat(r.exit()).isZero();
            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsKey("latitude").doesNotContainKey("proposals");
            assertThat((List<Map<String, Object>>) json.get("latitude")).contains(
                    Map.of("remedy", "apology", "aloneUpTo", "unlimited"),
                    Map.of("remedy", "free-drink", "aloneUpTo", 2),
                    Map.of("remedy", "voucher", "aloneUpTo", 20, "approverBeyond", "shift-lead"),
                    Map.of("remedy", "refund", "aloneUpTo", 0, "approverBeyond", "shift-lead"));
        }

        @Test
        void prints_an_array_for_a_directory_of_cases() throws IOException {
            write("cases/c-2.yaml", CASE.replace("C-1042", "C-2"));

            Run r = run("decide", policy.toString(), "--case", dir.resolve("cases").toString(), "--format", "json");

            List<Map<String, Object>> json = new Yaml().load(r.out());
            assertThat(json).extracting(m -> m.get("case")).containsExactly("C-1042", "C-2");
        }

        @Test
        void prints_an_array_when_several_case_options_are_given() throws IOException {
            Path other = write("other/c-3.yaml", CASE.replace("C-1042", "C-3"));

            Run r = run("decide", policy.toString(), "--case", other.toString(), "--case", caseFile.toString(),
                    "--format", "json");

            assertThat(r.exit()).isZero();
            List<Map<String, Object>> json = new Yaml().load(r.out());
            assertThat(json).extracting(m -> m.get("case")).containsExactly("C-3", "C-1042");
        }

        @Test
        @SuppressWarnings("unchecked")
        void sends_every_proposal_to_swat_with_the_team_and_no_approver() throws IOException {
            Path viral = write("viral.yaml", CASE.replace("socialReach: 0", "socialReach: 20000"));

            Run r = run("decide", policy.toString(), "--case", viral.toString(), "--format", "json");

            assertThat(r.exit()).isZero();
            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsEntry("swat", true);
            List<Map<String, Object>> proposals = (List<Map<String, Object>>) json.get("proposals");
            assertThat(proposals).extracting(p -> p.get("outcome")).containsOnly("SWAT");
            assertThat(List.copyOf(proposals.get(1).keySet())).containsExactly("remedy", "amount", "outcome", "team", "reasons");
            assertThat(proposals.get(1)).containsEntry("team", "recovery-swat");
            assertThat((List<Map<String, Object>>) proposals.get(1).get("reasons")).extracting(m -> m.get("rule"))
                    .contains("going-viral");
        }

        @Test
        @SuppressWarnings("unchecked")
        void prints_the_owner_of_a_follow_up_between_within_and_rule() throws IOException {
            Path owned = write("owned.yaml", COFFEE.replace("within: P2D }", "within: P2D, owner: district-manager }"));

            Run r = run("decide", owned.toString(), "--case", caseFile.toString(), "--format", "json");

            Map<String, Object> json = new Yaml().load(r.out());
            Map<String, Object> followUp = ((List<Map<String, Object>>) json.get("followUps")).get(0);
            assertThat(List.copyOf(followUp.keySet())).containsExactly("action", "within", "owner", "rule");
            assertThat(followUp).containsEntry("owner", "district-manager");
        }

        @Test
        void escapes_control_characters_and_writes_other_text_as_it_is() throws IOException {
            Path odd = write("odd.yaml", CASE.replace("id: C-1042", "id: \"C-\\t1 caf\u00e9 \u20ac\""));

            Run r = run("decide", policy.toString(), "--case", odd.toString(), "--format", "json");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("\"case\": \"C-\\t1 caf\u00e9 \u20ac\",");
        }
    }

    @Nested
    @DisplayName("policy decide (text)")
    class DecideText {

        @Test
        void prints_a_table_row_per_proposal_with_reasons_and_follow_ups() {
            Run r = run("decide", policy.toString(), "--case", caseFile.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("coffee-shop 2026.11 | case C-1042 | HIGH late-order | employee barista")
                    .containsPattern("voucher +15 +ALONE +gold-members-get-more-latitude: Gold and Platinum")
                    .containsPattern("refund +80 +ESCALATE to store-manager +high-severity-refunds-need-a-manager")
                    .containsPattern("apology +ALONE\\n")
                    .contains("follow-up: senior-management-call within P2D (out-of-pocket-callback)");
        }

        @Test
        void decides_every_case_of_a_directory_in_name_order() throws IOException {
            write("cases/c-0500.yml", CASE.replace("C-1042", "C-500").replace("tier: GOLD", "tier: SILVER"));

            Run r = run("decide", policy.toString(), "--case", dir.resolve("cases").toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out()).containsSubsequence("case C-500", "voucher  15      ESCALATE to shift-lead", "\n\n",
                    "case C-1042", "voucher  15      ALONE");
        }

        @Test
        void prints_further_reasons_on_lines_of_their_own_under_reasons() throws IOException {
            Path strict = write("strict.yaml", COFFEE + String.join("\n",
                    "  - id: no-refunds-by-phone",
                    "    when: { channel: phone }",
                    "    remedies: [refund]",
                    "    deny: true",
                    "    because: Phone refunds are not allowed",
                    "  - id: no-refunds-when-late",
                    "    when: { category: late-order }",
                    "    remedies: [refund]",
                    "    deny: true",
                    "    because: Late orders get vouchers instead",
                    ""));

            Run r = run("decide", strict.toString(), "--case", caseFile.toString());

            assertThat(r.exit()).isZero();
            List<String> lines = r.out().lines().toList();
            int refund = lines.indexOf(lines.stream().filter(l -> l.startsWith("  refund")).findFirst().orElseThrow());
            int column = lines.get(refund).indexOf("no-refunds-by-phone: Phone refunds are not allowed");
            assertThat(column).isEqualTo(lines.get(1).indexOf("REASONS"));
            assertThat(lines.get(refund + 1)).isEqualTo(" ".repeat(column) + "no-refunds-when-late: Late orders get vouchers instead");
            assertThat(lines.get(refund)).contains("DENIED");
        }

        @Test
        void an_unreadable_case_exits_2_and_the_other_cases_are_still_decided() throws IOException {
            Files.write(dir.resolve("cases/c-0001.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

            Run r = run("decide", policy.toString(), "--case", dir.resolve("cases").toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).contains("case C-1042");
            assertThat(r.err()).isEqualTo("policy: file [" + dir.resolve("cases/c-0001.yaml") + "] is not valid UTF-8\n");
        }

        @Test
        void names_the_field_of_an_invalid_case_and_exits_2() throws IOException {
            Path bad = write("bad.yaml", CASE.replace("severity: HIGH", "severity: HIHG").replace("amount: 80", "amount: -80"));

            Run r = run("decide", policy.toString(), "--case", bad.toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("severity: unknown severity [HIHG] (did you mean [HIGH]?)")
                    .contains("proposals[1].amount: must not be negative, was [-80]")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }

        @Test
        void decides_the_good_cases_of_a_directory_even_when_one_is_invalid() throws IOException {
            write("cases/c-9.yaml", CASE.replace("role: barista", "role: barrista"));

            Run r = run("decide", policy.toString(), "--case", dir.resolve("cases").toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).contains("case C-1042");
            assertThat(r.err()).contains("c-9.yaml").contains("employee.role: unknown role [barrista]");
        }

        @Test
        void prints_the_problems_of_a_broken_policy_and_exits_2() throws IOException {
            Path broken = write("broken.yaml", COFFEE.replace("require: store-manager", "require: store-mgr"));

            Run r = run("decide", broken.toString(), "--case", caseFile.toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains(broken + ":28:14: error: unknown role [store-mgr] in require of rule "
                    + "[high-severity-refunds-need-a-manager] (did you mean [store-manager]?)");
        }
    }

    @Nested
    @DisplayName("policy validate")
    class Validate {

        @Test
        void says_ok_for_a_valid_policy_and_exits_0() {
            Run r = run("validate", policy.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out()).isEqualTo("ok: " + policy + " (policy coffee-shop 2026.11)\n");
        }

        @Test
        void prints_every_problem_compiler_style_and_exits_1() throws IOException {
            Path broken = write("broken.yaml", COFFEE.replace("require: store-manager", "require: store-mgr")
                    .replace("customer.tier: [GOLD", "custmer.tier: [GOLD"));

            Run r = run("validate", broken.toString(), policy.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out().split("\n")).containsExactly(
                    broken + ":21:13: error: unknown fact [custmer.tier] in when of rule [gold-members-get-more-latitude]"
                            + " (did you mean [customer.tier]?)",
                    broken + ":28:14: error: unknown role [store-mgr] in require of rule "
                            + "[high-severity-refunds-need-a-manager] (did you mean [store-manager]?)",
                    "ok: " + policy + " (policy coffee-shop 2026.11)");
        }

        @Test
        void an_unreadable_policy_exits_2_and_the_others_are_still_validated() throws IOException {
            Path binary = dir.resolve("binary.yaml");
            Files.write(binary, new byte[] {'p', 'o', 'l', 'i', 'c', 'y', ':', ' ', (byte) 0xc3, (byte) 0x28, '\n'});

            Run r = run("validate", binary.toString(), policy.toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("policy: file [" + binary + "] is not valid UTF-8\n");
            assertThat(r.out()).isEqualTo("ok: " + policy + " (policy coffee-shop 2026.11)\n");
        }

        @Test
        void prints_warnings_but_exits_0_unless_strict() throws IOException {
            Path lax = write("lax.yaml", COFFEE.replace(
                    "    because: Public or legal exposure is handled by the recovery team\n", ""));

            Run r = run("validate", lax.toString());
            Run strict = run("validate", "--strict", lax.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains(lax + ":30:5: warning: rule [going-viral] has no because")
                    .contains("(policy coffee-shop 2026.11, 1 warning)");
            assertThat(strict.exit()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("a policy directory with its scenarios and guarantees beside the policy")
    class FilesBeside {

        Path shop;

        @BeforeEach
        void layout() throws IOException {
            shop = Files.createDirectories(dir.resolve("shop"));
            write("shop/coffee-shop.yaml", COFFEE);
            write("shop/coffee-shop.test.yaml", Test_.SCENARIOS.replace("../coffee-shop.yaml", "coffee-shop.yaml"));
            write("shop/coffee-shop.guarantees.yaml", String.join("\n",
                    "policy: coffee-shop.yaml",
                    "guarantees:",
                    "  - name: a barista never refunds alone",
                    "    when: { employee.role: barista, remedy: refund }",
                    "    never: ALONE",
                    ""));
        }

        @Test
        @SuppressWarnings("unchecked")
        void validate_and_decide_read_the_policy_files_of_the_directory_only() {
            Run validate = run("validate", shop.toString());
            Run decide = run("decide", shop.toString(), "--case", caseFile.toString(), "--format", "json");

            assertThat(validate.err()).isEmpty();
            assertThat(validate.out()).isEqualTo("ok: " + shop + " (policy coffee-shop 2026.11)\n");
            assertThat(validate.exit()).isZero();
            assertThat(decide.err()).isEmpty();
            assertThat((Map<String, Object>) new Yaml().load(decide.out())).containsEntry("policy", "coffee-shop")
                    .containsEntry("version", "2026.11");
            assertThat(decide.exit()).isZero();
        }

        @Test
        void test_runs_the_scenarios_beside_the_policy() {
            Run r = run("test", shop.toString());

            assertThat(r.out()).contains("PASS  coffee-shop.test.yaml  gold members get a voucher at the counter")
                    .endsWith("2 passed, 0 failed\n");
            assertThat(r.exit()).isZero();
        }

        @Test
        void analyze_proves_the_guarantees_beside_the_policy_of_the_directory() {
            Run r = run("analyze", shop.toString(), shop.resolve("coffee-shop.guarantees.yaml").toString());

            assertThat(r.err()).isEmpty();
            assertThat(r.out()).startsWith("policy coffee-shop 2026.11: ")
                    .contains("coffee-shop.guarantees.yaml: 1 of 1 guarantee proven")
                    .contains("PROVEN: a barista never refunds alone (never ALONE)");
        }
    }

    @Nested
    @DisplayName("policy explain")
    class Explain {

        @Test
        void says_for_every_rule_whether_it_matched_and_how_authority_was_found() {
            Run r = run("explain", policy.toString(), "--case", caseFile.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out())
                    .contains("refund 80: ESCALATE to store-manager")
                    .containsPattern("matched +high-severity-refunds-need-a-manager \\(require store-manager\\)")
                    .containsPattern("not matched +going-viral \\(route to swat\\)\\n +\\(impact.socialReach >= 10000\\)"
                            + " \\|\\| impact.legalThreat was false, with impact.socialReach = \\[0\\], impact.legalThreat = \\[false\\]")
                    .contains("covers       barista: up to 20 per grant (raised by gold-members-get-more-latitude); at most 30 in "
                            + "total per customer in P30D; before this the customer had 1 grant totalling 10")
                    .contains("lowest role that covers it: store-manager");
        }

        @Test
        @SuppressWarnings("unchecked")
        void prints_the_explanation_as_json_around_the_decision() {
            Run r = run("explain", policy.toString(), "--case", caseFile.toString(), "--format", "json");

            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsOnlyKeys("decision", "proposals");
            assertThat((Map<String, Object>) json.get("decision")).containsEntry("case", "C-1042");
            List<Map<String, Object>> proposals = (List<Map<String, Object>>) json.get("proposals");
            Map<String, Object> voucher = proposals.get(0);
            assertThat(voucher).containsEntry("remedy", "voucher").containsEntry("outcome", "ALONE");
            assertThat((Map<String, Object>) voucher.get("authority")).containsEntry("coveringRole", "barista");
            assertThat((List<Map<String, Object>>) voucher.get("rules")).contains(Map.of(
                    "rule", "gold-members-get-more-latitude", "effect", Map.of("kind", "GRANT", "role", "barista",
                            "upTo", 20, "text", "grant barista up to 20"), "status", "MATCHED"));
        }

        @Test
        @SuppressWarnings("unchecked")
        void gives_effects_windows_and_beyond_authority_as_data_with_their_words() throws IOException {
            Path big = write("big.yaml", CASE.replace("remedy: refund, amount: 80", "remedy: free-drink, amount: 5"));

            Run r = run("explain", policy.toString(), "--case", big.toString(), "--format", "json");

            List<Map<String, Object>> proposals = (List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(r.out())
                    .get("proposals");
            Map<String, Object> voucher = (Map<String, Object>) proposals.get(0).get("authority");
            Map<String, Object> barista = ((List<Map<String, Object>>) voucher.get("roles")).get(0);
            assertThat(barista).containsEntry("role", "barista").containsEntry("window", Map.of(
                    "maxTotal", 30, "period", "P30D", "usedCount", 1, "usedTotal", 10,
                    "text", "at most 30 in total per customer in P30D; before this the customer had 1 grant totalling 10"));
            Map<String, Object> drinks = proposals.get(1);
            assertThat((Map<String, Object>) drinks.get("authority")).doesNotContainKey("coveringRole")
                    .containsEntry("beyondAuthority", Map.of("kind", "DENY", "text", "deny"));
            assertThat((List<Map<String, Object>>) drinks.get("rules")).contains(Map.of(
                    "rule", "out-of-pocket-callback", "status", "MATCHED", "effect", Map.of(
                            "kind", "NONE", "followUp", "senior-management-call", "text", "follow-up senior-management-call")));
        }

        @Test
        @SuppressWarnings("unchecked")
        void gives_each_failure_in_json_as_fields_a_program_can_read_and_as_prose() {
            Run r = run("explain", policy.toString(), "--case", caseFile.toString(), "--format", "json");

            Map<String, Object> json = new Yaml().load(r.out());
            List<Map<String, Object>> proposals = (List<Map<String, Object>>) json.get("proposals");
            Map<String, Object> viral = ((List<Map<String, Object>>) proposals.get(0).get("rules")).stream()
                    .filter(rule -> rule.get("rule").equals("going-viral")).findFirst().orElseThrow();
            List<Map<String, Object>> failures = (List<Map<String, Object>>) viral.get("failures");
            assertThat(failures).singleElement().satisfies(f -> {
                assertThat(f).containsEntry("kind", "EXPRESSION")
                        .containsEntry("subject", "(impact.socialReach >= 10000) || impact.legalThreat")
                        .containsEntry("seen", "false").containsEntry("wanted", "true")
                        .containsEntry("values", List.of(Map.of("name", "impact.socialReach", "value", "0"),
                                Map.of("name", "impact.legalThreat", "value", "false")))
                        .containsEntry("text", "(impact.socialReach >= 10000) || impact.legalThreat was false, "
                                + "with impact.socialReach = [0], impact.legalThreat = [false]");
            });
        }
    }

    @Nested
    @DisplayName("DRL")
    class Drl {

        static final String RULES = String.join("\n",
                "package cli.test;",
                "import org.resolutionpolicy.drools.ProposalFact;",
                "global org.resolutionpolicy.drools.Effects effects;",
                "rule \"refunds-over-60-need-the-district-manager\"",
                "when",
                "    ProposalFact( remedy == \"refund\", amount > 60 )",
                "then",
                "    effects.require(kcontext, \"district-manager\", \"Refunds over 60 go to the district manager\");",
                "end",
                "");

        @Test
        void decide_accepts_a_yaml_policy_with_drl_rules_beside_it() throws IOException {
            Path rules = write("rules.drl", RULES);

            Run r = run("decide", policy.toString(), rules.toString(), "--case", caseFile.toString(), "--format", "json");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("\"approver\": \"district-manager\"")
                    .contains("\"rule\": \"refunds-over-60-need-the-district-manager\"")
                    // the YAML rule asks for a lower role, so it no longer sets the approver and is not a reason
                    .doesNotContain("\"rule\": \"high-severity-refunds-need-a-manager\"");
        }

        @Test
        void validate_reports_drl_problems_with_file_and_line() throws IOException {
            Path dir = Files.createDirectories(PolicyCliTests.this.dir.resolve("drl-policy"));
            Files.writeString(dir.resolve("coffee-shop.yaml"), COFFEE);
            Files.writeString(dir.resolve("rules.drl"), RULES.replace("district-manager\",", "district-mgr\","));

            Run r = run("validate", dir.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains(dir.resolve("rules.drl") + ":8:32: error: unknown role [district-mgr] in "
                    + "effects.require(..) (did you mean [district-manager]?)");
        }
    }

    @Nested
    @DisplayName("policy test")
    class Test_ {

        static final String SCENARIOS = String.join("\n",
                "policy: ../coffee-shop.yaml",
                "scenarios:",
                "  - name: gold members get a voucher at the counter",
                "    case: { severity: LOW, employee: { role: barista }, customer: { tier: GOLD },",
                "            proposals: [ { remedy: voucher, amount: 15 } ] }",
                "    expect:",
                "      voucher: { outcome: ALONE, rules: [gold-members-get-more-latitude] }",
                "  - name: big refunds at high severity go to the store manager",
                "    case: { severity: HIGH, employee: { role: barista }, impact: { outOfPocket: 5 },",
                "            proposals: [ { remedy: refund, amount: 80 } ] }",
                "    expect:",
                "      refund: { outcome: ESCALATE, approver: store-manager }",
                "      followUps: [senior-management-call]",
                "");

        @Test
        void passes_a_directory_of_good_scenarios_and_prints_coverage() throws IOException {
            write("tests/coffee.test.yaml", SCENARIOS);

            Run r = run("test", dir.resolve("tests").toString(), "--coverage");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("PASS  coffee.test.yaml  gold members get a voucher at the counter")
                    .contains("coffee-shop 2026.11: 3 of 4 rules matched in at least one scenario (75%); never matched: going-viral")
                    .endsWith("2 passed, 0 failed\n");
        }

        @Test
        void lists_a_disabled_rule_as_disabled_in_coverage() throws IOException {
            write("switched/coffee-shop.yaml", COFFEE + String.join("\n",
                    "  - id: summer-promo",
                    "    when: { category: promo }",
                    "    require: store-manager",
                    "    enabled: false",
                    "    because: switched off until summer",
                    ""));
            write("switched/tests/coffee.test.yaml", SCENARIOS);

            Run text = run("test", dir.resolve("switched/tests").toString(), "--coverage");
            Run json = run("test", dir.resolve("switched/tests").toString(), "--coverage", "--format", "json");

            assertThat(text.exit()).isZero();
            assertThat(text.out()).contains("coffee-shop 2026.11: 3 of 4 enabled rules matched in at least one scenario"
                    + " (75%); never matched: going-viral; disabled: summer-promo\n");
            Map<String, Object> coverage = new Yaml().load(json.out());
            assertThat(coverage).extractingByKey("coverage").asInstanceOf(
                            org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
                    .extractingByKey("coffee-shop").asInstanceOf(
                            org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
                    .containsEntry("unmatched", List.of("going-viral")).containsEntry("disabled", List.of("summer-promo"));
        }

        @Test
        void fails_with_expected_and_actual_when_a_scenario_fails() throws IOException {
            write("tests/coffee.test.yaml", SCENARIOS.replace("approver: store-manager", "approver: shift-lead"));

            Run r = run("test", dir.resolve("tests").toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("FAIL  coffee.test.yaml  big refunds at high severity go to the store manager")
                    .contains("refund: expected ESCALATE to shift-lead, was ESCALATE to store-manager")
                    .endsWith("1 passed, 1 failed\n");
        }

        @Test
        void fails_when_no_scenario_ran() throws IOException {
            Files.createDirectories(dir.resolve("nothing"));

            Run r = run("test", dir.resolve("nothing").toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("no scenario files (*.test.yaml) found: nothing was tested");
        }

        @Test
        @SuppressWarnings("unchecked")
        void reports_as_json_for_ci() throws IOException {
            write("tests/coffee.test.yaml", SCENARIOS);

            Run r = run("test", dir.resolve("tests").toString(), "--coverage", "--format", "json");

            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsEntry("passed", 2).containsEntry("failed", 0).containsEntry("unreadable", List.of());
            assertThat((Map<String, Object>) ((Map<String, Object>) json.get("coverage")).get("coffee-shop"))
                    .containsEntry("unmatched", List.of("going-viral"));
        }
    }

    @Nested
    @DisplayName("policy log-summary")
    class LogSummary {

        @Test
        void counts_outcomes_rules_remedies_and_approvers_of_a_log() throws IOException {
            Path log = write("decisions.jsonl", String.join("\n",
                    "{\"decisionId\":\"a\",\"swat\":false,\"proposals\":[{\"remedy\":\"refund\",\"outcome\":\"ESCALATE\","
                            + "\"approver\":\"store-manager\",\"rules\":[\"big-refunds\"]},{\"remedy\":\"apology\","
                            + "\"outcome\":\"ALONE\",\"rules\":[]}],\"followUps\":[\"call\"]}",
                    "{\"decisionId\":\"b\",\"swat\":true,\"proposals\":[{\"remedy\":\"refund\",\"outcome\":\"SWAT\","
                            + "\"team\":\"recovery\",\"rules\":[\"viral\"]}],\"followUps\":[]}",
                    "{\"decisionId\":\"c\",\"swat\":false,\"proposals\":[{\"remedy\":\"refund\",\"outcome\":\"ESCALATE\","
                            + "\"approver\":\"store-manager\",\"rules\":[\"big-refunds\"]},{\"remedy\":\"voucher\","
                            + "\"outcome\":\"ESCALATE\",\"approver\":\"store-manager\",\"rules\":[]}],\"followUps\":[]}",
                    ""));

            Run r = run("log-summary", log.toString());

            assertThat(r.exit()).isZero();
            assertThat(r.out()).startsWith("3 decisions, 5 proposals, 1 sent to SWAT\n")
                    .containsPattern("by outcome \\(proposals\\):\\n +1  ALONE\\n +3  ESCALATE\\n +1  SWAT")
                    .containsPattern("by rule \\(proposals it was a reason for\\):\\n +2  big-refunds\\n +1  viral")
                    .contains("refund: ESCALATE 2, SWAT 1")
                    // cases to approve, as a replay counts them: decision c's two proposals are one case
                    .containsPattern("by approver \\(escalated cases to approve\\):\\n +2  store-manager")
                    .containsPattern("by follow-up \\(follow-ups\\):\\n +1  call");
        }

        @Test
        @SuppressWarnings("unchecked")
        void reads_what_the_decision_log_writes_and_reports_malformed_lines() throws IOException {
            Path log = dir.resolve("real.jsonl");
            try (org.resolutionpolicy.api.DecisionLog decisions = org.resolutionpolicy.api.DecisionLog.jsonLines(log)) {
                org.resolutionpolicy.api.Policy p = org.resolutionpolicy.api.Policies.load(policy).withListener(decisions);
                p.decide(org.resolutionpolicy.api.Cases.load(caseFile));
            }
            Files.writeString(log, "not json\n", java.nio.file.StandardOpenOption.APPEND);

            Run r = run("log-summary", log.toString(), "--format", "json");

            assertThat(r.exit()).isEqualTo(1);
            Map<String, Object> json = new Yaml().load(r.out());
            assertThat(json).containsEntry("decisions", 1).containsEntry("proposals", 3)
                    .containsEntry("malformedLines", List.of(2)).containsEntry("malformedCount", 1);
            assertThat((List<Map<String, Object>>) json.get("policies")).singleElement().satisfies(p -> assertThat(p)
                    .containsEntry("policy", "coffee-shop").containsEntry("version", "2026.11")
                    .containsEntry("decisions", 1).containsEntry("byApprover", Map.of("store-manager", 1)));
        }

        @Test
        void counts_malformed_lines_and_names_the_first_hundred() throws IOException {
            Path log = dir.resolve("bad.jsonl");
            Files.writeString(log, "not json\n".repeat(150));

            Run r = run("log-summary", log.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("malformed lines: 150, the first 100 [1, 2, 3,").contains(" 99, 100]")
                    .doesNotContain("101");
        }

        @Test
        @SuppressWarnings("unchecked")
        void counts_each_policy_and_version_apart_so_rules_of_two_policies_never_mix() throws IOException {
            Path log = write("two-policies.jsonl", String.join("\n",
                    "{\"decisionId\":\"a\",\"policy\":\"cafe\",\"version\":\"1\",\"swat\":false,\"proposals\":[{\"remedy\":"
                            + "\"refund\",\"outcome\":\"ESCALATE\",\"approver\":\"manager\",\"rules\":[\"big-refunds\"]}],"
                            + "\"followUps\":[]}",
                    "{\"decisionId\":\"b\",\"policy\":\"shop\",\"version\":\"7\",\"swat\":false,\"proposals\":[{\"remedy\":"
                            + "\"refund\",\"outcome\":\"DENIED\",\"rules\":[\"big-refunds\"]}],\"followUps\":[]}",
                    "{\"decisionId\":\"c\",\"policy\":\"cafe\",\"version\":\"2\",\"swat\":false,\"proposals\":[{\"remedy\":"
                            + "\"refund\",\"outcome\":\"ALONE\",\"rules\":[]}],\"followUps\":[]}",
                    "{\"decisionId\":\"d\",\"policy\":\"cafe\",\"version\":\"1\",\"swat\":false,\"proposals\":[{\"remedy\":"
                            + "\"refund\",\"outcome\":\"ESCALATE\",\"approver\":\"manager\",\"rules\":[\"big-refunds\"]}],"
                            + "\"followUps\":[]}",
                    ""));

            Run text = run("log-summary", log.toString());
            Run json = run("log-summary", log.toString(), "--format", "json");

            assertThat(text.exit()).isZero();
            assertThat(text.out()).startsWith("4 decisions, 4 proposals, 0 sent to SWAT, from 3 policies\n"
                            + "policy cafe 1: 2 decisions, 2 proposals, 0 sent to SWAT\n")
                    .containsPattern("policy cafe 1: [^\\n]*\\n(  .*\\n)*?  by rule [^\\n]*\\n +2  big-refunds\\n")
                    .containsPattern("policy shop 7: [^\\n]*\\n(  .*\\n)*?  by rule [^\\n]*\\n +1  big-refunds\\n")
                    .contains("policy cafe 2: 1 decisions, 1 proposals, 0 sent to SWAT\n")
                    .doesNotContain("3  big-refunds");
            List<Map<String, Object>> policies = (List<Map<String, Object>>) ((Map<String, Object>) new Yaml()
                    .load(json.out())).get("policies");
            assertThat(policies).extracting(p -> p.get("policy") + " " + p.get("version") + " " + p.get("byRule"))
                    .containsExactly("cafe 1 {big-refunds=2}", "shop 7 {big-refunds=1}", "cafe 2 {}");
        }
    }

    @Nested
    @DisplayName("usage errors")
    class Usage {

        @Test
        void no_command_prints_usage_and_exits_2() {
            Run r = run();

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Usage: policy");
        }

        @Test
        void an_unknown_option_exits_2() {
            assertThat(run("decide", policy.toString(), "--case", caseFile.toString(), "--colour").exit()).isEqualTo(2);
        }

        @Test
        void a_missing_case_option_exits_2() {
            Run r = run("decide", policy.toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Missing required option: '--case=CASE'");
        }

        @Test
        void a_file_that_does_not_exist_exits_2_naming_it() {
            Run r = run("validate", dir.resolve("nope.yaml").toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("policy: no such file or directory [" + dir.resolve("nope.yaml") + "]\n");
        }

        @Test
        void help_lists_the_commands_and_exits_0() {
            Run r = run("--help");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).startsWith("Usage: policy").contains("validate").contains("decide").contains("explain");
            assertThat(r.err()).isEmpty();
        }

        @Test
        void help_lists_each_command_with_a_whole_sentence() {
            Run r = run("--help");
            String commands = r.out().substring(r.out().indexOf("Commands:\n") + "Commands:\n".length());
            // an entry is its first line and the lines indented below it
            List<String> entries = List.of(commands.replaceAll("\n {4,}", " ").split("\n"));

            assertThat(entries).hasSizeGreaterThanOrEqualTo(10).allSatisfy(entry -> assertThat(entry.strip())
                    .as("the command list shows each command's first paragraph whole").endsWith("."));
        }

        @Test
        void every_paragraph_of_every_command_description_is_whole_sentences() {
            picocli.CommandLine cli = PolicyCli.commandLine(null);

            // picocli's own help command aside
            assertThat(cli.getSubcommands().values()).filteredOn(command -> !command.getCommandName().equals("help"))
                    .hasSizeGreaterThanOrEqualTo(9).allSatisfy(command ->
                    assertThat(command.getCommandSpec().usageMessage().description())
                            .as("picocli breaks a line at each paragraph of [%s]", command.getCommandName())
                            .isNotEmpty().allSatisfy(paragraph -> assertThat(paragraph).endsWith(".")));
        }

        @Test
        void each_subcommand_is_registered_under_the_name_its_annotation_gives() {
            assertThat(PolicyCli.SUBCOMMANDS).allSatisfy((name, type) -> assertThat(
                    type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));
        }

        @Test
        void a_command_line_naming_its_subcommand_first_builds_that_one_alone_and_any_other_builds_all() {
            assertThat(PolicyCli.commandLine("decide").getSubcommands()).containsOnlyKeys("decide");
            assertThat(PolicyCli.commandLine("--help").getSubcommands()).containsOnlyKeys(PolicyCli.SUBCOMMANDS.keySet());
            assertThat(PolicyCli.commandLine("help").getSubcommands()).containsOnlyKeys(PolicyCli.SUBCOMMANDS.keySet());
            assertThat(PolicyCli.commandLine("decid").getSubcommands()).containsOnlyKeys(PolicyCli.SUBCOMMANDS.keySet());
        }

        @Test
        void a_mistyped_command_is_still_refused_with_the_commands_to_choose_from() {
            Run r = run("decid", "policy.yaml");

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("decid").contains("decide");
        }

        @Test
        void help_of_a_command_shows_its_options_and_exits_0() {
            Run r = run("decide", "--help");

            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("--case=CASE").contains("--format=text|json");
        }

        @Test
        void version_prints_the_tool_name_and_version_and_exits_0() {
            Run r = run("--version");

            assertThat(r.exit()).isZero();
            // from the jar manifest; classes run from a directory have none
            assertThat(r.out()).matches("policy (\\d+\\.\\d+\\.\\d+\\S*|\\(development build\\))\n");
        }

        @Test
        void decide_without_a_policy_exits_2() {
            Run r = run("decide", "--case", caseFile.toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("Missing required parameter: 'POLICY'");
        }

        @Test
        void a_case_file_that_does_not_exist_exits_2_naming_it() {
            Run r = run("decide", policy.toString(), "--case", dir.resolve("cases/nope.yaml").toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("policy: no such file or directory [" + dir.resolve("cases/nope.yaml") + "]\n");
        }

        @Test
        void a_file_that_cannot_be_read_as_a_file_exits_2() {
            Run r = run("log-summary", dir.resolve("cases").toString());

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("policy: cannot read: ").doesNotContain("\tat ");
        }

        @Test
        void an_unexpected_exception_is_one_line_naming_it_an_internal_error_and_exits_3() {
            StringWriter err = new StringWriter();

            int exit = PolicyCli.failure(new IllegalStateException("no decision for [voucher]"), new PrintWriter(err, true));

            assertThat(exit).isEqualTo(3);
            assertThat(err.toString()).isEqualTo(
                    "policy: internal error: java.lang.IllegalStateException: no decision for [voucher] (please report this)"
                            + System.lineSeparator());
        }

        @Test
        void an_unknown_format_exits_2() {
            assertThat(run("decide", policy.toString(), "--case", caseFile.toString(), "--format", "xml").exit())
                    .isEqualTo(2);
        }
    }
}
