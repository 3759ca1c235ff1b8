package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/** A wrong policy never loads: every problem is reported at once, each with its line, column and a hint. */
class PolicyLoadErrorTests {

    /** Lines 1-13; rules written with {@link #withRules} start on line 14. */
    static final String HEADER = """
            policy: load-errors
            version: "1"
            roles: [agent, supervisor, store-manager]
            swat: { team: incident-team }
            attributes: { delayHours: number }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              apology: { unit: none }
            authority:
              agent: { refund: 50, voucher: 20, apology: unlimited }
              supervisor: { refund: 200 }
            rules:
            """;

    static final int FIRST_RULE_LINE = 14;

    static String withRules(String rules) {
        return HEADER + rules.indent(2);
    }

    /** The errors of a policy that must not load. */
    static List<Problem> errors(String yaml) {
        try {
            Policy loaded = Policies.compile(List.of(PolicySource.of("policy.yaml", yaml)));
            throw new AssertionError("policy loaded, but should not have: " + loaded);
        } catch (PolicyLoadException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("policy.yaml"));
            return e.errors();
        }
    }

    static Problem theError(String yaml) {
        List<Problem> errors = errors(yaml);
        assertThat(errors).as("errors").hasSize(1);
        return errors.get(0);
    }

    @Test
    void a_correct_header_loads_so_every_failure_below_is_the_mistake_under_test() {
        Policy policy = Policies.parse(HEADER);

        assertThat(policy.roles()).containsExactly("agent", "supervisor", "store-manager");
        assertThat(policy.warnings()).isEmpty();
    }

    @Nested
    @DisplayName("the policy header")
    class Header {

        @Test
        void an_unknown_top_level_key_is_named_with_the_closest_known_one() {
            Problem p = theError(HEADER.replace("remedies:\n", "remedys: {}\nremedies:\n"));

            assertThat(p.message()).isEqualTo("unknown key [remedys] in the policy");
            assertThat(p.hint()).isEqualTo("did you mean [remedies]?");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(1);
        }

        @Test
        void missing_version_is_an_error_at_the_top_of_the_file() {
            Problem p = theError(HEADER.replace("version: \"1\"\n", ""));

            assertThat(p.message()).isEqualTo("missing key [version] in the policy");
            assertThat(p.line()).isEqualTo(1);
        }

        @Test
        void missing_roles_is_an_error_and_silences_the_checks_that_need_them() {
            Problem p = theError(HEADER.replace("roles: [agent, supervisor, store-manager]\n", ""));

            assertThat(p.message()).isEqualTo("missing key [roles] in the policy");
            assertThat(p.line()).isEqualTo(1);
        }

        @Test
        void missing_remedies_is_an_error() {
            String noRemedies = """
                    policy: load-errors
                    version: "1"
                    roles: [agent]
                    """;

            Problem p = theError(noRemedies);

            assertThat(p.message()).isEqualTo("missing key [remedies] in the policy");
            assertThat(p.line()).isEqualTo(1);
        }

        @Test
        void an_unknown_role_in_the_authority_table_is_named_with_the_closest_role() {
            Problem p = theError(HEADER.replace("  supervisor: { refund: 200 }", "  supervisr: { refund: 200 }"));

            assertThat(p.message()).isEqualTo("unknown role [supervisr] in authority");
            assertThat(p.hint()).isEqualTo("did you mean [supervisor]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(12, 3);
        }

        @Test
        void an_unknown_remedy_in_the_authority_table_is_named_with_the_closest_remedy() {
            Problem p = theError(HEADER.replace("{ refund: 200 }", "{ refnd: 200 }"));

            assertThat(p.message()).isEqualTo("unknown remedy [refnd] in the authority of [supervisor]");
            assertThat(p.hint()).isEqualTo("did you mean [refund]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(12, 17);
        }

        @Test
        void a_bad_window_duration_is_refused() {
            Problem p = theError(HEADER.replace("voucher: 20,", "voucher: { perGrant: 20, perCustomer: { max: 40, window: 30 days } },"));

            assertThat(p.message()).startsWith("window of [agent.voucher] must be an ISO-8601 period")
                    .endsWith("not [30 days]");
            assertThat(p.line()).isEqualTo(11);
        }

        @Test
        void beyond_authority_swat_without_a_swat_team_is_refused() {
            Problem p = theError(HEADER.replace("swat: { team: incident-team }", "beyondAuthority: swat"));

            assertThat(p.message()).isEqualTo("beyondAuthority is swat, but the policy has no swat team");
            assertThat(p.line()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("rules")
    class Rules {

        @Test
        void an_unknown_rule_key_is_named_with_the_closest_known_one() {
            Problem p = theError(withRules("""
                    - id: r1
                      becuase: typo
                      require: supervisor
                    """));

            assertThat(p.message()).isEqualTo("unknown key [becuase] in rule [r1]");
            assertThat(p.hint()).isEqualTo("did you mean [because]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 1, 5);
        }

        @Test
        void an_unknown_role_in_require_is_named_with_the_closest_role() {
            Problem p = theError(withRules("""
                    - id: late-refund
                      require: store-mgr
                      because: abbreviated
                    """));

            assertThat(p.message()).isEqualTo("unknown role [store-mgr] in require of rule [late-refund]");
            assertThat(p.hint()).isEqualTo("did you mean [store-manager]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 1, 14);
            assertThat(p).hasToString("policy.yaml:15:14: error: unknown role [store-mgr] in require of rule "
                    + "[late-refund] (did you mean [store-manager]?)");
        }

        @Test
        void an_unknown_role_in_grant_is_named_with_the_closest_role() {
            Problem p = theError(withRules("""
                    - id: gold
                      grant: { role: agnet, upTo: 30 }
                      because: typo
                    """));

            assertThat(p.message()).contains("unknown role [agnet]").contains("grant of rule [gold]");
            assertThat(p.hint()).isEqualTo("did you mean [agent]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 1, 20);
        }

        @Test
        void an_unknown_remedy_in_a_rule_is_named_with_the_closest_remedy() {
            Problem p = theError(withRules("""
                    - id: vouchers
                      remedies: [vouchr]
                      require: supervisor
                      because: typo
                    """));

            assertThat(p.message()).isEqualTo("unknown remedy [vouchr] in remedies of rule [vouchers]");
            assertThat(p.hint()).isEqualTo("did you mean [voucher]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 1, 16);
        }

        @Test
        void an_unknown_fact_path_in_a_matcher_is_named_with_the_closest_fact() {
            Problem p = theError(withRules("""
                    - id: gold
                      when: { customer.teir: GOLD }
                      require: supervisor
                      because: typo
                    """));

            assertThat(p.message()).isEqualTo("unknown fact [customer.teir] in when of rule [gold]");
            assertThat(p.hint()).isEqualTo("did you mean [customer.tier]?");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 1, 13);
        }

        @Test
        void an_undeclared_attribute_in_a_matcher_points_to_the_attributes_section() {
            Problem p = theError(withRules("""
                    - id: long-wait
                      when: { attributes.waitMinutes: { above: 30 } }
                      require: supervisor
                      because: undeclared
                    """));

            assertThat(p.message()).isEqualTo("unknown fact [attributes.waitMinutes] in when of rule [long-wait]");
            assertThat(p.hint()).isEqualTo("declare it under attributes: in the policy");
        }

        @Test
        void a_rule_without_an_effect_is_refused() {
            Problem p = theError(withRules("""
                    - id: idle
                      when: { severity: HIGH }
                      because: does nothing
                    """));

            assertThat(p.message()).isEqualTo("rule [idle] has no effect");
            assertThat(p.hint()).contains("deny: true").contains("followUp");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE, 5);
        }

        @Test
        void a_rule_with_two_effects_is_refused_at_the_second() {
            Problem p = theError(withRules("""
                    - id: both
                      deny: true
                      require: supervisor
                      because: cannot decide
                    """));

            assertThat(p.message()).isEqualTo("rule [both] has more than one effect: [deny, require]");
            assertThat(p.hint()).contains("write two rules");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 2, 5);
        }

        @Test
        void a_duplicate_rule_id_is_refused_pointing_at_the_first() {
            Problem p = theError(withRules("""
                    - id: twice
                      deny: true
                      because: first
                    - id: twice
                      require: supervisor
                      because: second
                    """));

            assertThat(p.message()).isEqualTo("duplicate rule id [twice]");
            assertThat(p.hint()).isEqualTo("first defined at policy.yaml:" + FIRST_RULE_LINE + ":9");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 3, 9);
        }

        @Test
        void the_rule_id_authority_is_reserved() {
            Problem p = theError(withRules("""
                    - id: authority
                      require: supervisor
                      because: confusing
                    """));

            assertThat(p.message()).contains("rule id [authority] is reserved");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE, 9);
        }

        @Test
        void a_bad_follow_up_duration_is_refused() {
            Problem p = theError(withRules("""
                    - id: callback
                      followUp: { action: call, within: 2 days }
                      because: bad duration
                    """));

            assertThat(p.message()).startsWith("followUp within of rule [callback] must be an ISO-8601 period")
                    .endsWith("not [2 days]");
            assertThat(p).extracting(Problem::line, Problem::column).containsExactly(FIRST_RULE_LINE + 1, 39);
        }

        @Test
        void a_route_to_swat_without_a_swat_team_is_refused() {
            String noTeam = withRules("""
                    - id: viral
                      when: "impact.socialReach > 10000"
                      route: swat
                      because: public
                    """).replace("swat: { team: incident-team }\n", "");

            Problem p = theError(noTeam);

            assertThat(p.message()).isEqualTo("rule [viral] routes to swat, but the policy has no swat team");
            assertThat(p.hint()).isEqualTo("add swat: { team: <name> }");
            assertThat(p.line()).isEqualTo(FIRST_RULE_LINE - 1);
        }

        @Test
        void an_unknown_severity_in_a_matcher_is_named_with_the_closest_one() {
            Problem p = theError(withRules("""
                    - id: severe
                      when: { severity: { atLeast: HIHG } }
                      require: supervisor
                      because: typo
                    """));

            assertThat(p.message()).isEqualTo("unknown severity [HIHG]");
            assertThat(p.hint()).isEqualTo("did you mean [HIGH]?");
        }

        @Test
        void a_comparison_on_a_text_fact_is_refused() {
            Problem p = theError(withRules("""
                    - id: ordered-text
                      when: { customer.tier: { atLeast: GOLD } }
                      require: supervisor
                      because: text is not ordered
                    """));

            assertThat(p.message()).contains("[customer.tier] is a string").contains("not comparisons");
        }
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once() {
        String fourMistakes = withRules("""
                - id: one
                  require: supervisr
                  because: unknown role
                - id: two
                  when: { customer.teir: GOLD }
                  deny: true
                  because: unknown fact
                - id: three
                  because: no effect
                - id: one
                  deny: true
                  because: duplicate id
                """);

        assertThat(errors(fourMistakes)).extracting(Problem::line, Problem::message).containsExactly(
                tuple(FIRST_RULE_LINE + 1, "unknown role [supervisr] in require of rule [one]"),
                tuple(FIRST_RULE_LINE + 4, "unknown fact [customer.teir] in when of rule [two]"),
                tuple(FIRST_RULE_LINE + 7, "rule [three] has no effect"),
                tuple(FIRST_RULE_LINE + 9, "duplicate rule id [one]"));
    }

    @Test
    void errors_in_the_header_authority_and_rules_are_reported_together() {
        String mixed = withRules("""
                - id: r
                  require: nobody
                  because: unknown role
                """).replace("remedies:\n", "remedys: {}\nremedies:\n").replace("{ refund: 200 }", "{ refnd: 200 }");

        assertThat(errors(mixed)).extracting(Problem::message).containsExactly(
                "unknown key [remedys] in the policy",
                "unknown remedy [refnd] in the authority of [supervisor]",
                "unknown role [nobody] in require of rule [r]");
    }

    @Test
    void a_rule_without_because_loads_with_a_located_warning() {
        Policy policy = Policies.parse(withRules("""
                - id: quiet
                  require: supervisor
                """));

        assertThat(policy.warnings()).singleElement().satisfies(w -> {
            assertThat(w.isError()).isFalse();
            assertThat(w.message()).isEqualTo("rule [quiet] has no because");
            assertThat(w.line()).isEqualTo(FIRST_RULE_LINE);
            assertThat(w.hint()).isEqualTo("add the sentence the employee can tell the customer");
        });
    }

    @Test
    void warnings_travel_with_errors_but_only_errors_stop_the_load() {
        try {
            Policies.parse(withRules("""
                    - id: quiet
                      require: supervisor
                    - id: broken
                      require: nobody
                      because: unknown role
                    """));
            throw new AssertionError("policy loaded, but should not have");
        } catch (PolicyLoadException e) {
            assertThat(e.problems()).extracting(Problem::severity)
                    .containsExactly(Problem.Severity.WARNING, Problem.Severity.ERROR);
            assertThat(e.errors()).extracting(Problem::message)
                    .containsExactly("unknown role [nobody] in require of rule [broken]");
            assertThat(e.getMessage()).startsWith("policy could not be loaded: 1 error");
        }
    }

    @Test
    void a_window_too_long_to_subtract_from_a_date_is_refused_at_load_or_still_decides() {
        // PRODUCT C3: validate at load; a loaded policy decides or rejects the case, nothing else
        String yaml = HEADER.replace("voucher: 20,",
                "voucher: { perGrant: 20, perCustomer: { max: 40, window: P999999999Y999999999M } },");
        Policy policy;
        try {
            policy = Policies.compile(List.of(PolicySource.of("policy.yaml", yaml)));
        } catch (PolicyLoadException e) {
            assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(11));
            return;
        }
        assertThat(policy.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("voucher", 5).build())
                .proposal("voucher").outcome()).isEqualTo(Outcome.alone());
    }

    @Nested
    @DisplayName("a policy of several sources")
    class SeveralSources {
        final PolicySource main = PolicySource.of("main.yaml", """
                policy: split
                version: "1"
                roles: [agent, boss]
                remedies: { refund: { unit: money } }
                authority: { agent: { refund: 50 } }
                rules:
                  - id: a
                    when: { category: gift-card }
                    deny: true
                    because: no cash for gift cards
                """);

        @Test
        void rules_of_a_second_file_apply_like_those_of_the_first() {
            Policy policy = Policies.compile(List.of(main, PolicySource.of("more.yaml", """
                    rules:
                      - id: b
                        when: { channel: phone }
                        require: boss
                        because: phone refunds are checked
                    """)));

            assertThat(policy.ruleIds()).containsExactly("a", "b");
            assertThat(policy.decide(CustomerCase.builder().severity("LOW").employee("agent").channel("phone")
                    .propose("refund", 1).build()).proposal("refund").outcome()).isEqualTo(Outcome.escalate("boss"));
        }

        @Test
        void the_order_of_the_files_does_not_change_a_decision() {
            PolicySource more = PolicySource.of("more.yaml", """
                    rules:
                      - id: b
                        when: { channel: phone }
                        require: boss
                        because: phone refunds are checked
                      - id: c
                        when: { category: gift-card }
                        followUp: { action: report }
                        because: gift-card complaints are reported
                    """);
            CustomerCase c = CustomerCase.builder().severity("LOW").employee("agent").channel("phone").category("gift-card")
                    .propose("refund", 1).build();

            Decision mainFirst = Policies.compile(List.of(main, more)).decide(c);
            Decision mainLast = Policies.compile(List.of(more, main)).decide(c);

            assertThat(Revisionless.of(mainLast)).isEqualTo(Revisionless.of(mainFirst));
            assertThat(mainFirst.proposal("refund").ruleIds()).containsExactly("a");
            assertThat(mainFirst.followUps()).extracting(f -> f.rule()).containsExactly("c");
        }

        @Test
        void problems_name_the_file_they_are_in_and_a_duplicate_points_to_the_other_file() {
            try {
                Policies.compile(List.of(main, PolicySource.of("more.yaml", """
                        rules:
                          - id: a
                            require: bos
                            because: duplicate
                        roles: [b]
                        """)));
                throw new AssertionError("policy loaded, but should not have");
            } catch (PolicyLoadException e) {
                assertThat(e.errors()).extracting(Problem::toString).containsExactlyInAnyOrder(
                        "more.yaml:5:1: error: unknown key [roles] in a rules file (only the policy file declares roles, "
                                + "remedies and authority) (did you mean [rules]?)",
                        "more.yaml:2:9: error: duplicate rule id [a] (first defined at main.yaml:7:9)",
                        "more.yaml:3:14: error: unknown role [bos] in require of a rule (did you mean [boss]?)");
            }
        }
    }
}
