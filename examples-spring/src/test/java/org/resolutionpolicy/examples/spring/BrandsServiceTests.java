package org.resolutionpolicy.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.spring.PolicyRegistryRuntime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The helpdesk service with two brands' policies, over real HTTP: each brand decides with its own policy, a broken
 * edit of one is refused and shows in health (with DEGRADED in the overall status) and metrics, and every decision is
 * an observation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off", "resolution.policy.watch=true",
        // only reloadNow reloads in this test
        "resolution.policy.debounce=1m", "resolution.policy.poll-interval=1h",
        "management.endpoint.health.status.order=DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN"})
class BrandsServiceTests {

    static final Path POLICIES = Path.of("..", "examples", "policies");
    static Path dir;

    static final String RETAIL_CASE = """
            {"id": "R-1", "severity": "LOW", "category": "late-delivery", "employee": {"role": "agent"},
             "proposals": [{"remedy": "refund", "amount": 30}]}""";

    @DynamicPropertySource
    static void policies(DynamicPropertyRegistry properties) throws IOException {
        dir = Files.createTempDirectory("brands");
        Files.copy(POLICIES.resolve("coffee-shop.yaml"), dir.resolve("coffee-shop.yaml"));
        Files.copy(POLICIES.resolve("online-retailer.yaml"), dir.resolve("online-retailer.yaml"));
        // the single policy of the /decisions controller is watched too, so it must be a file
        properties.add("resolution.policy.locations", () -> dir.resolve("coffee-shop.yaml").toString());
        properties.add("resolution.policy.policies.coffee-shop.locations",
                () -> dir.resolve("coffee-shop.yaml").toString());
        properties.add("resolution.policy.policies.online-retailer.locations",
                () -> dir.resolve("online-retailer.yaml").toString());
    }

    @AfterAll
    static void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** Records the service's observations in memory. */
    @TestConfiguration
    static class Observations {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PolicyRegistryRuntime runtime;

    @Autowired
    TestObservationRegistry observations;

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
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
    void decides_with_each_brands_policy_reports_a_refused_edit_and_observes_every_decision() throws Exception {
        HttpResponse<String> coffee = post("/brands/coffee-shop/decisions", HelpdeskApplicationTests.LATE_ORDER);
        HttpResponse<String> retail = post("/brands/online-retailer/decisions", RETAIL_CASE);

        assertThat(coffee.statusCode()).as(coffee.body()).isEqualTo(200);
        assertThat(json.readTree(coffee.body()).get("policy").asString()).isEqualTo("coffee-shop");
        assertThat(retail.statusCode()).as(retail.body()).isEqualTo(200);
        JsonNode decision = json.readTree(retail.body());
        assertThat(decision.get("policy").asString()).isEqualTo("online-retailer");
        assertThat(decision.get("proposals").get(0).get("outcome").asString()).isEqualTo("ALONE");
        HttpResponse<String> bad = post("/brands/online-retailer/decisions", RETAIL_CASE.replace("agent", "agnet"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("problems").get(0).get("field").asString())
                .isEqualTo("employee.role");
        assertThat(post("/brands/tea-house/decisions", RETAIL_CASE).statusCode()).isEqualTo(404);

        TestObservationRegistryAssert.assertThat(observations)
                .hasAnObservation(o -> o.hasNameEqualTo("resolution.policy.decision")
                        .hasLowCardinalityKeyValue("policy", "online-retailer")
                        .hasLowCardinalityKeyValue("outcome", "ALONE").hasHighCardinalityKeyValue("case.id", "R-1"))
                .hasAnObservation(o -> o.hasNameEqualTo("resolution.policy.decision")
                        .hasLowCardinalityKeyValue("policy", "coffee-shop")
                        .hasLowCardinalityKeyValue("outcome", "ESCALATE"));

        // a broken edit of the coffee shop's policy: refused, the last good revision keeps deciding
        String revision = decision(coffee).get("revision").asString();
        Path file = dir.resolve("coffee-shop.yaml");
        String good = Files.readString(file);
        Files.writeString(file, good.replace("roles: [barista, shift-lead, store-manager,", "roles: [barista, shift-lead,"));
        LivePolicy live = (LivePolicy) runtime.registry().get("coffee-shop");
        assertThat(live.reloadNow().result()).isEqualTo(ReloadEvent.Result.FAILED);

        JsonNode health = get("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
        JsonNode brands = health.get("components").get("policies").get("components");
        assertThat(brands.get("coffee-shop").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(brands.get("coffee-shop").get("details").get("revision").asString()).isEqualTo(revision);
        assertThat(brands.get("coffee-shop").get("details").get("problems").get(0).asString())
                .startsWith("coffee-shop.yaml:");
        assertThat(brands.get("online-retailer").get("status").asString()).isEqualTo("UP");
        assertThat(metric("resolution.policy.degraded?tag=policy:coffee-shop")).isEqualTo(1);
        assertThat(metric("resolution.policy.degraded?tag=policy:online-retailer")).isZero();
        assertThat(metric("resolution.policy.reloads?tag=policy:coffee-shop&tag=result:FAILED")).isEqualTo(1);
        assertThat(metric("resolution.policy.revision?tag=policy:coffee-shop&tag=revision:" + revision)).isEqualTo(1);
        assertThat(decision(post("/brands/coffee-shop/decisions", HelpdeskApplicationTests.LATE_ORDER))
                .get("revision").asString()).isEqualTo(revision);

        // the edit undone: healthy again, nothing reloaded
        Files.writeString(file, good);
        assertThat(live.reloadNow().result()).isEqualTo(ReloadEvent.Result.UNCHANGED);
        assertThat(get("/actuator/health").get("status").asString()).isEqualTo("UP");
        assertThat(metric("resolution.policy.degraded?tag=policy:coffee-shop")).isZero();
    }

    private JsonNode decision(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private double metric(String query) throws IOException, InterruptedException {
        return get("/actuator/metrics/" + query).get("measurements").get(0).get("value").asDouble();
    }
}
