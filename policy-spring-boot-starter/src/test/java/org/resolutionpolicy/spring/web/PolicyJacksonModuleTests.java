package org.resolutionpolicy.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.format.ExplanationFormat;
import org.resolutionpolicy.format.json.CaseJson;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.json.JsonText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Jackson 3 reads and writes the policy's types as policy-format does, amounts exactly. */
class PolicyJacksonModuleTests {

    final JsonMapper json = JsonMapper.builder().addModule(new PolicyJacksonModule()).build();
    final Policy policy = Policies.fromClasspath("policies/small.yaml");

    static final String CASE = """
            {"id": "C-9", "severity": "LOW", "category": "late-order",
             "employee": {"id": "E-1", "role": "agent"},
             "proposals": [{"remedy": "refund", "amount": 12.345678901234567891}]}""";

    /** A request of the application's own, holding a case. */
    record Request(String brand, CustomerCase customerCase) {
    }

    /** A response of the application's own, holding a decision. */
    record Response(String brand, Decision decision) {
    }

    @Test
    void reads_a_case_with_its_amount_exact_as_the_case_reader_does() {
        CustomerCase c = json.readValue(CASE, CustomerCase.class);

        assertThat(c.id()).isEqualTo("C-9");
        assertThat(c.proposals().get(0).amount()).isEqualByComparingTo(new BigDecimal("12.345678901234567891"));
        assertThat(CaseJson.line(c)).isEqualTo(CaseJson.line(org.resolutionpolicy.api.Cases.parse(CASE)));
    }

    @Test
    void reads_a_case_nested_in_the_applications_own_request() {
        Request request = json.readValue("{\"brand\": \"small\", \"customerCase\": " + CASE + "}", Request.class);

        assertThat(request.customerCase().employee().role()).isEqualTo("agent");
    }

    @Test
    void refuses_a_malformed_case_naming_the_field() {
        assertThatThrownBy(() -> json.readValue(CASE.replace("12.345678901234567891", "\"twelve\""),
                CustomerCase.class))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("proposals[0].amount")));
        String nested = "{\"brand\": \"small\", \"customerCase\": "
                + "{\"proposals\": [{\"remedy\": \"refund\", \"amount\": \"x\"}]}}";
        assertThatThrownBy(() -> json.readValue(nested, Request.class)).hasRootCauseInstanceOf(InvalidCaseException.class);
    }

    @Test
    void writes_a_decision_and_a_case_as_policy_format_does() {
        CustomerCase c = json.readValue(CASE, CustomerCase.class);
        Decision decision = policy.decide(c);

        String written = json.writeValueAsString(decision);

        assertThat(written).isEqualTo(DecisionJson.write(decision));
        JsonNode nested = json.readTree(json.writeValueAsString(new Response("small", decision)));
        assertThat(nested.get("decision").get("decisionId").asString()).isEqualTo(decision.id());
        assertThat(nested.get("decision").get("proposals").get(0).get("outcome").asString()).isEqualTo("ESCALATE");
        assertThat(json.writeValueAsString(c)).isEqualTo(CaseJson.line(c));
        assertThat(json.writeValueAsString(List.of(policy.explain(c))))
                .isEqualTo("[" + JsonText.line(ExplanationFormat.json(policy.explain(c))) + "]");
    }
}
