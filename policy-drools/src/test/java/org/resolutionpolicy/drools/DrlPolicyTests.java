package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;

class DrlPolicyTests {

    static final String HEADER = """
            policy: mixed
            version: "1"
            roles: [agent, supervisor, manager]
            swat: { team: incident-team }
            remedies: { refund: { unit: money }, apology: { unit: none } }
            authority: { agent: { refund: 50, apology: unlimited }, manager: { refund: 1000 } }
            """;

    static final String PRELUDE = """
            package test.rules;
            import org.resolutionpolicy.drools.CaseFact;
            import org.resolutionpolicy.drools.ProposalFact;
            global org.resolutionpolicy.drools.Effects effects;
            """;

    static Policy mixed(String drl) {
        return Policies.compile(List.of(PolicySource.of("policy.yaml", HEADER), PolicySource.of("rules.drl", PRELUDE + drl)));
    }

    static List<Problem> problems(String drl) {
        try {
            mixed(drl);
        } catch (PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("loaded, but should not have");
    }

    @Nested
    @DisplayName("compile errors are located problems")
    class CompileErrors {
        @Test
        void a_constraint_on_an_unknown_property_names_the_file_and_line() {
            List<Problem> p = problems("""
                    rule "bad"
                    when
                        CaseFact( severty == "HIGH" )
                    then
                        effects.deny(kcontext, "x");
                    end
                    """);

            assertThat(p).isNotEmpty().allSatisfy(x -> {
                assertThat(x.source()).isEqualTo("rules.drl");
                assertThat(x.isError()).isTrue();
            });
            assertThat(p).anySatisfy(x -> {
                assertThat(x.line()).isEqualTo(7);
                assertThat(x.message()).contains("severty");
            });
        }

        @Test
        void a_syntax_error_names_its_line() {
            List<Problem> p = problems("rule \"broken\"\nwhen\n    CaseFact( \nthen\nend\n");

            assertThat(p).anySatisfy(x -> assertThat(x.line()).isBetween(5, 9));
        }

        @Test
        void an_unknown_role_in_an_effect_is_a_load_error_with_a_hint() {
            List<Problem> p = problems("""
                    rule "needs-a-boss"
                    when
                        ProposalFact( remedy == "refund" )
                    then
                        effects.require(kcontext, "managr", "Refunds need a manager");
                    end
                    """);

            assertThat(p).singleElement().satisfies(x -> {
                assertThat(x).hasToString("rules.drl:9:32: error: unknown role [managr] in effects.require(..) "
                        + "(did you mean [manager]?)");
            });
        }

        @Test
        void drl_without_the_effects_global_is_refused() {
            assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of("policy.yaml", HEADER),
                    PolicySource.of("rules.drl", "package x;\nrule \"r\"\nwhen\nthen\nend\n"))))
                    .isInstanceOf(PolicyLoadException.class)
                    .hasMessageContaining("rules.drl: error: the DRL declares no global [effects]");
        }

        @Test
        void a_rule_id_used_by_yaml_and_drl_is_a_duplicate() {
            String yaml = HEADER + "rules:\n  - id: twice\n    deny: true\n    because: x\n";
            assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of("policy.yaml", yaml),
                    PolicySource.of("rules.drl", PRELUDE + "rule \"twice\"\nwhen\nthen\n effects.deny(kcontext, \"y\");\nend\n"))))
                    .hasMessageContaining("duplicate rule id [twice]");
        }
    }

    @Nested
    @DisplayName("literals are checked when the policy loads, as YAML's are")
    class LoadChecks {
        @Test
        void a_misspelt_remedy_in_a_constraint_is_a_load_error_not_a_rule_that_never_fires() {
            List<Problem> p = problems("""
                    rule "refund-check"
                    when
                        ProposalFact( remedy == "refnd" )
                    then
                        effects.require(kcontext, "supervisor", "x");
                    end
                    """);

            assertThat(p).extracting(Object::toString).containsExactly(
                    "rules.drl:7:30: error: unknown remedy [refnd] in rule [refund-check] (did you mean [refund]?)");
        }

        @Test
        void a_misspelt_fact_is_an_unknown_fact_with_a_hint_at_its_column_and_nothing_else() {
            List<Problem> p = problems("""
                    rule "swat-legal"
                    when
                        CaseFact( legalThret == true )
                    then
                        effects.routeToSwat(kcontext, "x");
                    end
                    """);

            assertThat(p).extracting(Object::toString).containsExactly(
                    "rules.drl:7:15: error: unknown fact [legalThret] in rule [swat-legal] (did you mean [legalThreat]?)");
        }

        @Test
        void a_missing_parenthesis_is_reported_once_where_it_opens_without_unlocated_follow_ons() {
            List<Problem> p = problems("""
                    rule "unclosed"
                    when
                        ProposalFact( remedy == "refund"
                    then
                        effects.deny(kcontext, "x");
                    end
                    """);

            assertThat(p).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(7);
                assertThat(x.column()).isEqualTo(17);
                assertThat(x.message()).isEqualTo("unclosed [(] in the condition of rule [unclosed]");
            });
        }

        @Test
        void values_computed_at_run_time_load_with_a_warning_that_says_so() {
            Policy p = mixed("""
                    rule "computed-role"
                    when
                        ProposalFact( )
                    then
                        String role = "super" + "visor";
                        effects.require(kcontext, role, "x");
                    end
                    """);

            assertThat(p.warnings()).extracting(Object::toString).containsExactly("rules.drl:10:31: warning: the role "
                    + "[role] of effects.require(..) of rule [computed-role] is computed at run time, so it is checked only "
                    + "when the rule fires (write it as a literal to have it checked when the policy loads)");
        }

        @Test
        void a_disabled_rule_is_a_warning_as_in_yaml() {
            Policy p = mixed("""
                    rule "old"
                        enabled false
                    when
                        ProposalFact( remedy == "refund" )
                    then
                        effects.deny(kcontext, "x");
                    end
                    """);

            assertThat(p.warnings()).extracting(Object::toString).containsExactly(
                    "rules.drl:6:5: warning: rule [old] is disabled and never applies (delete it when it is no longer needed)");
            assertThat(p.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 5).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.alone());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "// every rule moved to the YAML\n", "package test.rules;\n"})
        void a_drl_file_without_rules_decides_with_the_yaml_alone(String drl) {
            Policy p = Policies.compile(List.of(PolicySource.of("policy.yaml", HEADER), PolicySource.of("rules.drl", drl)));

            CustomerCase c = CustomerCase.builder().severity("LOW").employee("agent").propose("apology")
                    .propose("refund", 60).build();
            assertThat(p.decide(c).proposals()).extracting(ProposalDecision::outcome)
                    .containsExactly(Outcome.alone(), Outcome.escalate("manager"));
            assertThat(p.explain(c).decision()).isEqualTo(p.decide(c));
        }
    }

    @Nested
    @DisplayName("a test of an absent fact is false, as in YAML")
    class AbsentFacts {
        @Test
        void not_equal_on_a_tier_the_case_lacks_is_false() {
            Policy p = mixed("""
                    rule "not-vip"
                    when
                        CaseFact( customerTier != "VIP" )
                        ProposalFact( remedy == "refund" )
                    then
                        effects.deny(kcontext, "Only VIPs get refunds");
                    end
                    """);

            CustomerCase noTier = CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 5).build();
            CustomerCase gold = CustomerCase.builder().severity("LOW").employee("agent")
                    .customer(Customer.builder().id("C1").tier("GOLD").build())
                    .propose("refund", 5).build();

            assertThat(p.decide(noTier).proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(p.decide(gold).proposal("refund").outcome()).isEqualTo(Outcome.denied());
        }

        @Test
        void a_test_for_null_itself_is_left_as_written() {
            Policy p = mixed("""
                    rule "no-tier"
                    when
                        CaseFact( customerTier == null || customerTier != "VIP" )
                        ProposalFact( remedy == "refund" )
                    then
                        effects.deny(kcontext, "x");
                    end
                    """);

            assertThat(p.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 5).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.denied());
        }
    }

    @Nested
    @DisplayName("a DRL-only policy")
    class DrlOnly {
        static final String DRL = """
                package only;
                import org.resolutionpolicy.drools.ProposalFact;
                global org.resolutionpolicy.drools.Effects effects;

                declare Policy
                    @policy("drl-only")
                    @version("3")
                    @roles("agent, manager")
                    @remedies("refund: money")
                end

                declare AgentAuthority
                    @authority("agent")
                    @limits("refund: 40")
                end

                rule "big-refunds"
                when
                    ProposalFact( remedy == "refund", amount > 30 )
                then
                    effects.require(kcontext, "manager", "Big refunds need a manager");
                end
                """;

        @Test
        void declares_everything_a_yaml_policy_can_and_decides() {
            Policy p = Policies.compile(List.of(PolicySource.of("only.drl", DRL)));

            assertThat(p.id()).isEqualTo("drl-only");
            assertThat(p.roles()).containsExactly("agent", "manager");
            Decision d = p.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 35).build());
            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.escalate("manager"));
            assertThat(d.proposal("refund").ruleIds()).containsExactly("big-refunds");
        }

        @Test
        void declares_a_business_calendar_that_its_follow_ups_and_case_fact_count_on() {
            String drl = """
                    package only;
                    import org.resolutionpolicy.drools.CaseFact;
                    global org.resolutionpolicy.drools.Effects effects;

                    declare Policy
                        @policy("drl-calendar")
                        @version("1")
                        @roles("agent, manager")
                        @remedies("refund: money")
                        @calendar("{ weekdays: [MON, TUE, WED, THU, FRI], holidays: [2026-12-25] }")
                    end

                    rule "credit-on-the-bill"
                    when
                        $c : CaseFact( )
                        eval( $c.businessDaysBetween($c.getOpenedAt(), java.time.Instant.parse("2026-12-29T00:00:00Z")) == 2 )
                    then
                        effects.followUp(kcontext, "credit-on-bill", "P2BD", null, "Credits show within two business days");
                    end
                    """;
            Policy p = Policies.compile(List.of(PolicySource.of("only.drl", drl)));

            Decision d = p.decide(CustomerCase.builder().severity("LOW").employee("agent")
                    .openedAt(java.time.Instant.parse("2026-12-24T09:00:00Z")).propose("refund", 5).build());

            // after Thu 24 Dec up to Tue 29: Mon 28 and Tue 29 (25 is a holiday, 26-27 the weekend)
            assertThat(d.followUps()).singleElement().satisfies(f -> {
                assertThat(f.within()).isInstanceOf(org.resolutionpolicy.api.BusinessDays.class).hasToString("P2BD");
                assertThat(((org.resolutionpolicy.api.BusinessDays) f.within()).holidays())
                        .containsExactly(java.time.LocalDate.parse("2026-12-25"));
            });
        }

        @Test
        void declares_when_it_is_in_force_and_refuses_cases_opened_before() {
            String dated = DRL.replace("@version(\"3\")", "@version(\"3\")\n    @validFrom(\"2026-04-01\")");
            Policy p = Policies.compile(List.of(PolicySource.of("only.drl", dated)));
            CustomerCase.Builder c = CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 35);

            assertThat(p.decide(c.openedAt(java.time.Instant.parse("2026-04-01T00:00:00Z")).build()).policyVersion())
                    .isEqualTo("3");
            assertThatThrownBy(() -> p.decide(c.openedAt(java.time.Instant.parse("2026-03-31T00:00:00Z")).build()))
                    .isInstanceOf(org.resolutionpolicy.api.InvalidCaseException.class)
                    .hasMessageContaining("no version of policy [drl-only] is in force at [2026-03-31]");
        }

        @Test
        void problems_in_its_declarations_point_at_the_drl_line() {
            String typo = DRL.replace("@roles(\"agent, manager\")", "@rolez(\"agent, manager\")");

            assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of("only.drl", typo))))
                    .isInstanceOf(PolicyLoadException.class)
                    .satisfies(e -> assertThat(((PolicyLoadException) e).problems()).anySatisfy(p -> {
                        assertThat(p.source()).isEqualTo("only.drl");
                        assertThat(p.line()).isEqualTo(8);
                        assertThat(p.column()).isEqualTo(5);
                        assertThat(p.message()).isEqualTo("unknown key [rolez] in the policy");
                        assertThat(p.hint()).isEqualTo("did you mean [roles]?");
                    }));
        }

        @Test
        void problems_inside_a_declared_value_point_at_its_drl_column() {
            String unit = DRL.replace("@remedies(\"refund: money\")", "@remedies(\"refund: mony\")");
            String limit = DRL.replace("@limits(\"refund: 40\")", "@limits(\"refund: -40\")");

            assertThat(problems(unit)).contains(
                    "only.drl:9:24: error: unknown unit [mony] for remedy [refund] (did you mean [money]?)");
            assertThat(problems(limit)).containsExactly(
                    "only.drl:14:22: error: the limit of [agent.refund] must not be negative, was [-40]");
        }

        static List<String> problems(String drl) {
            try {
                Policies.compile(List.of(PolicySource.of("only.drl", drl)));
            } catch (PolicyLoadException e) {
                return e.problems().stream().map(Object::toString).toList();
            }
            throw new AssertionError("expected problems in " + drl);
        }

        @Test
        void a_declared_value_that_is_not_valid_yaml_is_reported_at_its_drl_line_alone() {
            String broken = DRL.replace("@roles(\"agent, manager\")", "@roles(\"agent, [manager\")");

            assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of("only.drl", broken))))
                    .isInstanceOf(PolicyLoadException.class)
                    .satisfies(e -> assertThat(((PolicyLoadException) e).problems()).singleElement().satisfies(p -> {
                        assertThat(p.source()).isEqualTo("only.drl");
                        assertThat(p.line()).isEqualTo(8);
                        assertThat(p.message()).startsWith("invalid YAML");
                    }));
        }

        @Test
        void without_a_declaration_and_without_yaml_there_is_no_policy() {
            String noHeader = DRL.substring(0, DRL.indexOf("declare Policy")) + DRL.substring(DRL.indexOf("rule \"big"));

            assertThatThrownBy(() -> Policies.compile(List.of(PolicySource.of("only.drl", noHeader))))
                    .hasMessageContaining("only.drl: error: no source declares the policy");
        }
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {
        @Test
        void a_drl_entitlement_is_granted_by_every_role_and_reported_with_its_working() {
            Policy withAttribute = Policies.compile(List.of(PolicySource.of("policy.yaml",
                    HEADER + "attributes: { daysLate: number }\n"), PolicySource.of("rules.drl", PRELUDE + """
                    rule "scheme-amount"
                    when
                        CaseFact( $days : number("daysLate") != null )
                        ProposalFact( remedy == "refund" )
                    then
                        effects.entitled(kcontext, $days.multiply(new java.math.BigDecimal("12")), "12 * " + $days + " days", "The scheme pays 12 a day");
                    end
                    """)));

            ProposalDecision d = withAttribute.decide(CustomerCase.builder().severity("LOW").employee("agent")
                    .attribute("daysLate", 8).propose("refund", 96).build()).proposal("refund");

            assertThat(d.outcome()).isEqualTo(Outcome.alone());
            assertThat(d.entitlement()).isEqualTo(new org.resolutionpolicy.api.Entitlement(new java.math.BigDecimal("96"),
                    "scheme-amount", "12 * 8 days = 96"));
        }

        @Test
        void deny_overrides_a_drl_swat_whatever_the_salience() {
            Policy p = mixed("""
                    rule "loud" salience 100
                    when
                        CaseFact( legalThreat == true )
                    then
                        effects.routeToSwat(kcontext, "Legal goes to the team");
                    end
                    rule "quiet" salience -100
                    when
                        ProposalFact( remedy == "refund" )
                    then
                        effects.deny(kcontext, "No refunds here");
                    end
                    """);

            Decision d = p.decide(CustomerCase.builder().severity("LOW").employee("manager")
                    .impact(Impact.builder().legalThreat(true).build()).propose("refund", 5).propose("apology").build());

            assertThat(d.proposal("refund").outcome()).isEqualTo(Outcome.denied());
            assertThat(d.proposal("refund").ruleIds()).containsExactly("quiet");
            assertThat(d.proposal("apology").outcome()).isEqualTo(Outcome.swat("incident-team"));
        }

        @Test
        void a_role_named_at_run_time_that_is_not_on_the_ladder_is_an_error_not_a_guess() {
            Policy p = mixed("""
                    rule "computed-role"
                    when
                        ProposalFact( )
                    then
                        String role = "direc" + "tor";
                        effects.require(kcontext, role, "x");
                    end
                    """);

            assertThatThrownBy(() -> p.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("apology").build()))
                    .isInstanceOf(PolicyException.class)
                    .hasMessageContaining("DRL rule [computed-role] names the role [director], which is not on the ladder");
        }

        @Test
        void explanations_list_drl_rules_too() {
            Policy p = mixed("""
                    rule "refunds-checked"
                    when
                        ProposalFact( remedy == "refund", amount > 20 )
                    then
                        effects.require(kcontext, "supervisor", "Refunds over 20 are checked");
                    end
                    """);

            Explanation e = p.explain(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 30)
                    .propose("apology").build());

            assertThat(e.proposals().get(0).rule("refunds-checked").status()).isEqualTo(Explanation.Status.MATCHED);
            assertThat(e.proposals().get(0).rule("refunds-checked").effect().text()).isEqualTo("require supervisor");
            // the rule names its remedy, so for the apology it is about another remedy, as a YAML rule would be
            assertThat(e.proposals().get(1).rule("refunds-checked").status()).isEqualTo(Explanation.Status.OTHER_REMEDY);
        }

        @Test
        void explanations_show_a_disabled_drl_rule_as_disabled_and_an_unclear_one_as_not_matched() {
            Policy p = mixed("""
                    rule "switched-off" enabled false
                    when
                        ProposalFact( remedy == "refund" )
                    then
                        effects.deny(kcontext, "never");
                    end
                    rule "refund-or-apology"
                    when
                        ProposalFact( remedy == "refund" || remedy == "apology", amount > 1000 )
                    then
                        effects.require(kcontext, "manager", "x");
                    end
                    """);

            Explanation e = p.explain(CustomerCase.builder().severity("LOW").employee("agent").propose("apology")
                    .build());

            assertThat(e.proposals().get(0).rule("switched-off").status()).isEqualTo(Explanation.Status.DISABLED);
            assertThat(e.proposals().get(0).rule("refund-or-apology").status())
                    .isEqualTo(Explanation.Status.NOT_MATCHED);
        }

        @Test
        void a_drl_rules_effect_and_follow_up_are_data_in_one_effect_like_a_yaml_rules() {
            Policy p = mixed("""
                    rule "big-refunds-are-reported"
                    when
                        ProposalFact( remedy == "refund", amount > 20 )
                    then
                        effects.followUp(kcontext, "refund-report", "PT48H", "manager", "Big refunds are reported");
                        effects.routeToSwat(kcontext, "Big refunds go to the incident team");
                    end
                    """);

            Explanation e = p.explain(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", 30)
                    .propose("apology").build());

            assertThat(e.proposals().get(0).rule("big-refunds-are-reported").effect()).isEqualTo(
                    new Explanation.Effect(Explanation.Effect.Kind.SWAT, null, null, "refund-report"));
            assertThat(e.proposals().get(0).rule("big-refunds-are-reported").effect().text())
                    .isEqualTo("route to swat, follow-up refund-report");
            assertThat(e.proposals().get(1).rule("big-refunds-are-reported").effect()).isEqualTo(
                    new Explanation.Effect(Explanation.Effect.Kind.DRL, null, null, null));
            assertThat(e.decision().followUps()).containsExactly(
                    new FollowUp("refund-report", Duration.ofHours(48), "manager", "big-refunds-are-reported"));
        }

        @Test
        void many_threads_deciding_on_one_drl_policy_agree_with_one_thread() throws Exception {
            Policy p = Policies.load(Path.of("..", "examples", "policies", "drl", "online-retailer"));
            List<CustomerCase> cases = new ArrayList<>();
            String[] severities = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
            String[] roles = {"agent", "senior-agent", "supervisor", "manager", "director"};
            for (int i = 0; i < 100; i++) {
                cases.add(CustomerCase.builder().id("C" + i).severity(severities[i % 4]).employee(roles[i % 5])
                        .attribute("orderValue", 10 + i * 7 % 300)
                        .impact(Impact.builder().socialReach(i % 9 == 0 ? 60_000 : 0).outOfPocket(i % 150).build())
                        .propose("refund", i * 13 % 700).propose("voucher", i % 60).build());
            }
            List<Decision> expected = new ArrayList<>();
            for (CustomerCase c : cases) {
                expected.add(p.decide(c));
            }
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int offset = t * 17;
                    results.add(pool.submit(() -> {
                        int mismatches = 0;
                        for (int round = 0; round < 10; round++) {
                            for (int i = 0; i < cases.size(); i++) {
                                int k = (i + offset) % cases.size();
                                mismatches += p.decide(cases.get(k)).equals(expected.get(k)) ? 0 : 1;
                            }
                        }
                        return mismatches;
                    }));
                }
                for (Future<Integer> r : results) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(expected).extracting(d -> d.proposal("refund").kind())
                    .contains(Outcome.Kind.ALONE, Outcome.Kind.ESCALATE, Outcome.Kind.SWAT);
        }
    }
}
