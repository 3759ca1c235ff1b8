package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.DecisionLog.Masking;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.json.JsonText;
import org.yaml.snakeyaml.Yaml;

/** The CLI's decision JSON and the decision log's lines come from one mapping, so they cannot drift apart. */
class DecisionJsonAgreementTests {

    /** The guide's policy, with a ladder that ends in the SWAT team, so latitude has a team beyond it. */
    static final String POLICY = PolicyCliTests.COFFEE.replace("swat: { team: recovery-swat }\n",
            "swat: { team: recovery-swat }\nbeyondAuthority: swat\n");

    /**
     * The guide's case without proposals, a latitude question, and nothing out of pocket: without follow-ups, whose
     * detail the log leaves out, the log's decision part and the CLI's JSON are the same.
     */
    static final String LATITUDE_CASE = PolicyCliTests.CASE.substring(0, PolicyCliTests.CASE.indexOf("proposals:"))
            .replace("outOfPocket: 12.50", "outOfPocket: 0");

    /** The keys only a log line has: what the log adds around the decision. */
    static final List<String> LOG_ONLY = List.of("decisionId", "timestamp", "customer", "employee", "severity");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void agree_on_latitude_with_a_team_beyond_the_ladder() throws IOException {
        // given
        Path policyFile = Files.writeString(dir.resolve("coffee-shop.yaml"), POLICY);
        Path caseFile = Files.writeString(dir.resolve("latitude.yaml"), LATITUDE_CASE);
        Policy policy = Policies.load(policyFile);
        CustomerCase latitudeCase = Cases.load(caseFile);
        StringWriter lines = new StringWriter();
        DecisionLog log = DecisionLog.jsonLines(lines, new DecisionLog.Options(Masking.KEEP, Masking.KEEP, Masking.KEEP, ""));

        // when
        PolicyCliTests.Run cli = PolicyCliTests.run("decide", policyFile.toString(), "--case", caseFile.toString(),
                "--format", "json");
        Decision decision = policy.withListener(log).decide(latitudeCase);
        log.close();

        // then: the CLI prints the full mapping, the log line holds the summary mapping and its own keys around it
        Yaml yaml = new Yaml();
        Map<String, Object> printed = yaml.load(cli.out());
        Map<String, Object> logged = yaml.load(lines.toString());
        assertThat(printed).isEqualTo(yaml.load(JsonText.pretty(DecisionJson.tree(decision))));
        logged.keySet().removeAll(LOG_ONLY);
        assertThat(logged).isEqualTo(yaml.load(JsonText.line(DecisionJson.tree(decision, DecisionJson.Detail.SUMMARY))));
        // and on a latitude case the two agree on everything, the team beyond the ladder included
        assertThat(logged).isEqualTo(printed);
        assertThat((List<Map<String, Object>>) printed.get("latitude"))
                .contains(Map.of("remedy", "free-drink", "aloneUpTo", 2, "team", "recovery-swat"));
    }
}
