package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;

/** What issue 16 added to DRL: dual approvals, outcome-conditional follow-ups; checked at load with YAML's words. */
class DrlSemanticsTests {

    static final String HEADER = """
            policy: drl-semantics
            version: "1"
            roles: [agent, supervisor, manager, finance]
            remedies: { refund: { unit: money }, apology: { unit: none } }
            authority: { agent: { refund: 50, apology: unlimited }, manager: { refund: 1000 } }
            """;

    static Policy mixed(String drl) {
        return Policies.compile(List.of(PolicySource.of("policy.yaml", HEADER),
                PolicySource.of("rules.drl", DrlPolicyTests.PRELUDE + drl)));
    }

    static List<Problem> problems(String drl) {
        try {
            mixed(drl);
        } catch (org.resolutionpolicy.api.PolicyLoadException e) {
            return e.problems();
        }
        throw new AssertionError("loaded, but should not have");
    }

    static Outcome refund(Policy p, String role, double amount) {
        return p.decide(CustomerCase.builder().severity("LOW").employee(role).propose("refund", amount).build())
                .proposal("refund").outcome();
    }

    @Nested
    @DisplayName("requireAll: a dual approval")
    class RequireAll {

        static final String TWO_SIGNATURES = """
                rule "two-signatures"
                when
                    ProposalFact( remedy == "refund", amount > 100 )
                then
                    effects.requireAll(kcontext, "manager, finance", "Refunds above 100 are signed twice");
                end
                """;

        @Test
        void lists_every_approver_as_yaml_does() {
            Policy p = mixed(TWO_SIGNATURES);

            assertThat(refund(p, "agent", 200)).isEqualTo(Outcome.escalate(List.of("finance", "manager")));
            assertThat(refund(p, "finance", 200)).isEqualTo(Outcome.escalate("manager"));
            assertThat(refund(p, "agent", 80)).isEqualTo(Outcome.escalate("manager"));
        }

        @Test
        void an_unknown_role_is_a_load_error_at_the_literal_with_a_hint() {
            List<Problem> p = problems(TWO_SIGNATURES.replace("manager, finance", "manager, fnance"));

            assertThat(p).singleElement().hasToString("rules.drl:9:35: error: unknown role [fnance] in "
                    + "effects.requireAll(..) (did you mean [finance]?)");
        }

        @Test
        void a_role_named_twice_or_an_empty_entry_is_a_load_error() {
            assertThat(problems(TWO_SIGNATURES.replace("manager, finance", "manager, manager")))
                    .singleElement().extracting(Problem::message)
                    .isEqualTo("[manager] appears twice in the roles of effects.requireAll(..)");
            assertThat(problems(TWO_SIGNATURES.replace("manager, finance", "manager,,finance")))
                    .singleElement().extracting(Problem::hint)
                    .isEqualTo("separate the roles by single commas: \"director, finance\"");
        }

        @Test
        void roles_computed_at_run_time_are_checked_when_the_rule_fires() {
            Policy p = mixed("""
                    rule "computed"
                    when
                        ProposalFact( remedy == "refund", $r : remedy )
                    then
                        effects.requireAll(kcontext, "manager, " + $r, "x");
                    end
                    """);

            assertThat(p.warnings()).anySatisfy(w -> assertThat(w.message()).contains("is computed at run time"));
            assertThatThrownBy(() -> refund(p, "agent", 10)).isInstanceOf(PolicyException.class)
                    .hasMessageContaining("names the role [refund], which is not on the ladder");
        }
    }

    @Nested
    @DisplayName("followUp with when: after the lattice")
    class FollowUpWhen {

        static final String AFTER_GRANTS = """
                rule "refund-receipt"
                when
                    ProposalFact( remedy == "refund" )
                then
                    effects.followUp(kcontext, "send-receipt", "P1D", null, "granted", "A receipt for every refund");
                end
                rule "no-refunds-above-2000"
                when
                    ProposalFact( remedy == "refund", amount > 2000 )
                then
                    effects.deny(kcontext, "Too large");
                end
                """;

        static List<String> actions(Policy p, double amount) {
            return p.decide(CustomerCase.builder().severity("LOW").employee("agent").propose("refund", amount).build())
                    .followUps().stream().map(org.resolutionpolicy.api.FollowUp::action).toList();
        }

        @Test
        void applies_only_after_the_outcomes_it_names() {
            Policy p = mixed(AFTER_GRANTS);

            assertThat(actions(p, 20)).containsExactly("send-receipt");
            assertThat(actions(p, 200)).containsExactly("send-receipt");
            assertThat(actions(p, 3000)).isEmpty();
        }

        @Test
        void an_unknown_outcome_is_a_load_error_at_the_literal_with_a_hint() {
            List<Problem> p = problems(AFTER_GRANTS.replace("\"granted\"", "\"grantd\""));

            assertThat(p).singleElement().hasToString("rules.drl:9:62: error: unknown outcome [grantd] in the when of "
                    + "effects.followUp(..) (did you mean [granted]?)");
        }

        @Test
        void a_null_when_is_a_load_error() {
            List<Problem> p = problems(AFTER_GRANTS.replace("\"granted\"", "null"));

            assertThat(p).singleElement().extracting(Problem::message)
                    .isEqualTo("the when of effects.followUp(..) must name an outcome");
        }
    }

    @Nested
    @DisplayName("a DRL-only policy's currency")
    class Currency {

        static final String DRL = """
                package only;
                global org.resolutionpolicy.drools.Effects effects;
                declare Policy
                    @policy("drl-currency")
                    @version("1")
                    @currency("EUR")
                    @roles("agent, manager")
                    @remedies("refund: money")
                end
                declare AgentAuthority
                    @authority("agent")
                    @limits("refund: 40")
                end
                """;

        @Test
        void refuses_a_case_in_another_currency_as_yaml_does() {
            Policy p = Policies.compile(List.of(PolicySource.of("only.drl", DRL)));
            CustomerCase usd = CustomerCase.builder().severity("LOW").employee("agent").currency("USD")
                    .propose("refund", 10).build();

            assertThatThrownBy(() -> p.decide(usd)).isInstanceOf(org.resolutionpolicy.api.InvalidCaseException.class)
                    .hasMessageContaining("[USD] is not the policy's currency [EUR]; amounts are never converted");
        }

        @Test
        void is_an_iso_code_reported_at_its_drl_place() {
            try {
                Policies.compile(List.of(PolicySource.of("only.drl", DRL.replace("\"EUR\"", "\"Euro\""))));
                throw new AssertionError("loaded, but should not have");
            } catch (org.resolutionpolicy.api.PolicyLoadException e) {
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.message()).isEqualTo("currency [Euro] is not an ISO 4217 code of three capital letters");
                });
            }
        }
    }
}
