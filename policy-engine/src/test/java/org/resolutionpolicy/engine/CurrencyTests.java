package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolutionpolicy.engine.PolicyLoadErrorTests.theError;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.format.json.DecisionJson;

/** A case and a proposal may state a currency; one other than the policy's is an invalid case, never converted. */
class CurrencyTests {

    static final String HEADER = """
            policy: currency
            version: "1"
            currency: EUR
            roles: [agent, manager]
            remedies:
              refund: { unit: money }
              discount: { unit: percent }
              apology: { unit: none }
            authority:
              agent: { refund: 50, discount: 10, apology: unlimited }
              manager: { refund: 500, discount: 50 }
            """;
    static final Policy EUR = Policies.parse(HEADER);
    static final Policy NO_CURRENCY = Policies.parse(HEADER.replace("currency: EUR\n", ""));

    static CustomerCase.Builder aCase() {
        return CustomerCase.builder().id("K-1").severity("LOW").employee("agent");
    }

    static List<CaseProblem> problems(Policy p, CustomerCase c) {
        try {
            p.decide(c);
        } catch (InvalidCaseException e) {
            return e.problems();
        }
        throw new AssertionError("decided, but should have been refused");
    }

    @Nested
    @DisplayName("deciding")
    class Deciding {

        @Test
        void a_case_and_proposals_in_the_policys_currency_are_decided() {
            CustomerCase c = aCase().currency("EUR").propose(Proposal.of("refund", 40, "EUR")).propose("refund", 5).build();

            assertThat(EUR.decide(c).proposals()).extracting(p -> p.outcome())
                    .containsExactly(Outcome.alone(), Outcome.alone());
        }

        @Test
        void a_case_in_another_currency_is_refused_with_the_field() {
            assertThat(problems(EUR, aCase().currency("USD").propose("refund", 40).build())).containsExactly(
                    new CaseProblem("currency", "[USD] is not the policy's currency [EUR]; amounts are never converted"));
        }

        @Test
        void a_money_proposal_in_another_currency_is_refused_with_its_field() {
            CustomerCase c = aCase().propose("apology").propose(Proposal.of("refund", 40, "GBP")).build();

            assertThat(problems(EUR, c)).containsExactly(new CaseProblem("proposals[1].currency",
                    "[GBP] is not the policy's currency [EUR]; amounts are never converted"));
        }

        @Test
        void only_money_remedies_have_a_currency() {
            CustomerCase c = aCase().propose(Proposal.of("discount", 5, "EUR")).build();

            assertThat(problems(EUR, c)).containsExactly(new CaseProblem("proposals[0].currency",
                    "[discount] is a percent remedy; only money remedies have a currency, was [EUR]"));
        }

        @Test
        void a_currency_is_an_iso_code_with_a_hint_for_lower_case() {
            assertThat(problems(EUR, aCase().currency("eur").propose("refund", 4).build())).containsExactly(
                    new CaseProblem("currency", "must be an ISO 4217 code of three capital letters such as [EUR], "
                            + "was [eur] (did you mean [EUR]?)"));
        }

        @Test
        void without_a_policy_currency_the_case_and_its_proposals_must_still_agree() {
            assertThat(NO_CURRENCY.decide(aCase().currency("USD").propose("refund", 40).build())
                    .proposal("refund").outcome()).isEqualTo(Outcome.alone());
            assertThat(problems(NO_CURRENCY, aCase().currency("USD").propose(Proposal.of("refund", 4, "EUR")).build()))
                    .containsExactly(new CaseProblem("proposals[0].currency",
                            "[EUR] is not the case's currency [USD]; amounts are never converted"));
        }

        @Test
        void a_latitude_question_in_another_currency_is_refused_too() {
            assertThat(problems(EUR, aCase().currency("USD").build())).extracting(CaseProblem::field)
                    .containsExactly("currency");
        }

        @Test
        void cases_read_from_yaml_state_currencies_and_the_decision_json_echoes_a_proposals() {
            CustomerCase c = Cases.parse("""
                    severity: LOW
                    currency: EUR
                    employee: { role: agent }
                    proposals: [ { remedy: refund, amount: 40, currency: EUR } ]
                    """);

            assertThat(c.currency()).isEqualTo("EUR");
            assertThat(c.proposals().get(0).currency()).isEqualTo("EUR");
            @SuppressWarnings("unchecked")
            Map<String, Object> proposal = ((List<Map<String, Object>>) DecisionJson.tree(EUR.decide(c))
                    .get("proposals")).get(0);
            assertThat(proposal).containsEntry("currency", "EUR");
        }

        @Test
        void an_unknown_key_of_a_proposal_names_currency_among_the_known_ones() {
            assertThatThrownBy(() -> Cases.parse("""
                    severity: LOW
                    employee: { role: agent }
                    proposals: [ { remedy: refund, amount: 40, curency: EUR } ]
                    """)).isInstanceOf(InvalidCaseException.class).hasMessageContaining("did you mean [currency]?");
        }
    }

    @Nested
    @DisplayName("the policy's currency")
    class PolicyCurrency {

        @Test
        void is_an_iso_code_reported_at_its_place_with_a_hint() {
            Problem p = theError(HEADER.replace("currency: EUR", "currency: eur"));

            assertThat(p.message()).isEqualTo("currency [eur] is not an ISO 4217 code of three capital letters");
            assertThat(p.hint()).isEqualTo("did you mean [EUR]?");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(11);
        }
    }
}
