package org.resolutionpolicy.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The helpdesk service over real HTTP: a decision, a bad case, the health endpoint and a metric. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.banner-mode=off")
class HelpdeskApplicationTests {

    static final String LATE_ORDER = """
            {
              "id": "CS-102", "severity": "HIGH", "category": "late-order",
              "openedAt": "2026-11-20T09:30:00Z",
              "employee": { "id": "E-17", "role": "barista" },
              "customer": { "id": "K-7", "tier": "GOLD" },
              "impact": { "outOfPocket": 12.50 },
              "proposals": [ { "remedy": "voucher", "amount": 15 }, { "remedy": "refund", "amount": 80 } ]
            }
            """;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Policy policy;

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/decisions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void answers_a_posted_case_with_the_decision_json() throws Exception {
        HttpResponse<String> response = post(LATE_ORDER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode decision = json.readTree(response.body());
        assertThat(decision.get("decisionId").asString()).hasSize(36);
        assertThat(decision.get("policy").asString()).isEqualTo("coffee-shop");
        assertThat(decision.get("revision").asString()).isEqualTo(policy.revision());
        assertThat(decision.get("proposals").get(1).get("outcome").asString()).isEqualTo("ESCALATE");
        assertThat(decision.get("proposals").get(1).get("approver").asString()).isEqualTo("store-manager");
    }

    @Test
    void answers_a_case_with_a_bad_field_with_400_and_its_problems() throws Exception {
        HttpResponse<String> response = post(LATE_ORDER.replace("\"amount\": 80", "\"amount\": \"eighty\"")
                .replace("\"barista\"", "\"barrista\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Invalid case");
        assertThat(problem.get("problems").get(0).get("field").asString()).isEqualTo("proposals[1].amount");
        assertThat(problem.get("problems").get(0).get("message").asString()).contains("eighty");
    }

    @Test
    void answers_a_case_that_does_not_fit_the_policy_with_400_naming_the_field() throws Exception {
        HttpResponse<String> response = post(LATE_ORDER.replace("\"barista\"", "\"barrista\""));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("problems").get(0).get("field").asString()).isEqualTo("employee.role");
        assertThat(problem.get("problems").get(0).get("message").asString()).contains("[barrista]");
        // as docs/spring-boot.md shows it
        assertThat(problem.get("detail").asString())
                .isEqualTo("employee.role: unknown role [barrista] (did you mean [barista]?)");
        assertThat(problem.get("instance").asString()).isEqualTo("/decisions");
    }

    @Test
    void answers_a_body_past_the_limit_with_413_naming_it_not_500() throws Exception {
        // 1.5 MiB: past the default limit of 1 MiB, and small enough for the server to read the rest and answer
        String padded = LATE_ORDER.replace("\"id\": \"CS-102\"", "\"id\": \"CS-102\"" + " ".repeat(1536 * 1024));

        HttpResponse<String> response = post(padded);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Case too large");
        assertThat(problem.get("detail").asString()).contains("1 MiB (1048576 bytes, "
                + "[resolution.policy.request.max-body-size])");
        assertThat(problem.get("maxBodySize").asLong()).isEqualTo(1024 * 1024);
        assertThat(post(LATE_ORDER).statusCode()).isEqualTo(200);
    }

    @Test
    void answers_malformed_json_with_400_not_500() throws Exception {
        HttpResponse<String> response = post("{ \"severity\": \"HIGH\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Invalid case");
        assertThat(problem.get("detail").asString()).startsWith("request body:1:").contains("invalid JSON");
        assertThat(problem.get("problems").size()).isPositive();
    }

    @Test
    void reports_the_serving_revision_on_the_health_and_info_endpoints() throws Exception {
        JsonNode health = get("/actuator/health");

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode component = health.get("components").get("policy");
        assertThat(component.get("status").asString()).isEqualTo("UP");
        assertThat(component.get("details").get("revision").asString()).isEqualTo(policy.revision());
        assertThat(get("/actuator/info").get("policy").get("id").asString()).isEqualTo("coffee-shop");
    }

    @Test
    void counts_decisions_in_a_metric_read_back_from_the_endpoint() throws Exception {
        assertThat(post(LATE_ORDER).statusCode()).isEqualTo(200);

        JsonNode metric = get("/actuator/metrics/resolution.policy.decisions?tag=policy:coffee-shop&tag=outcome:ESCALATE");

        assertThat(metric.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(get("/actuator/metrics/resolution.policy.decision.latency").get("measurements").get(0)
                .get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }
}
