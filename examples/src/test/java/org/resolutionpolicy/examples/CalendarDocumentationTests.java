package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.ProposalDecision;

/** What the guide's section on calendar periods, time zones and regional calendars claims holds. */
class CalendarDocumentationTests {

    private static final Path GUIDE = Path.of("..", "docs", "policy-format.md");

    static String guide() throws IOException {
        return Files.readString(GUIDE);
    }

    static String example() throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(policy: calendar-periods-example\\n.*?)```", Pattern.DOTALL)
                .matcher(guide());
        assertThat(m.find()).as("the guide's calendar example").isTrue();
        return m.group(1);
    }

    static CustomerCase.Builder aCase(String openedAt, HistoryEntry... history) {
        return CustomerCase.builder().id("C-1").severity("LOW").employee("agent").openedAt(Instant.parse(openedAt))
                .customer(new Customer("K-1", null, null, List.of(history)));
    }

    static String problemOf(String yaml) {
        try {
            Policies.parse(yaml);
        } catch (PolicyLoadException e) {
            return e.problems().get(0).message() + (e.problems().get(0).hint() == null ? ""
                    : " (" + e.problems().get(0).hint() + ")");
        }
        throw new AssertionError("loaded");
    }

    @Test
    void payments_on_20_march_and_10_april_are_both_alone_and_a_rolling_year_escalates_the_second() throws IOException {
        HistoryEntry march = new HistoryEntry("payment", new BigDecimal("50"), Instant.parse("2026-03-20T02:00:00Z"));
        CustomerCase april = aCase("2026-04-10T02:00:00Z", march).propose("payment", 50).build();

        assertThat(Policies.parse(example()).decide(april).proposal("payment").outcome()).isEqualTo(Outcome.alone());
        assertThat(Policies.parse(example().replace("window: calendar year from 1 April", "window: P1Y"))
                .decide(april).proposal("payment").outcome()).isEqualTo(Outcome.escalate("supervisor"));
    }

    @Test
    void a_fault_reported_monday_0800_in_sydney_and_repaired_tuesday_noon_is_on_time() throws IOException {
        CustomerCase c = aCase("2026-03-03T03:00:00Z").attribute("state", "VIC")
                .attribute("reportedAt", "2026-03-02T08:00:00+11:00").attribute("repairedAt", "2026-03-03T12:00:00+11:00")
                .propose("credit", 10).build();
        String utc = example().replace("""
                timeZone:                                  # or one zone for every case: timeZone: Australia/Sydney
                  by: attributes.state                     # a text fact of the case
                  regions: { NSW: Australia/Sydney, WA: Australia/Perth }
                  default: Australia/Sydney                # when the fact is absent or not listed; UTC when left out
                """, "");

        assertThat(Policies.parse(example()).decide(c).proposal("credit").entitlement()).isNull();
        assertThat(Policies.parse(utc).decide(c).proposal("credit").entitlement().amount()).isEqualByComparingTo("10");
    }

    @Test
    void the_working_the_guide_quotes_is_what_explain_shows() throws IOException {
        CustomerCase c = aCase("2026-03-04T03:00:00Z").attribute("state", "NSW")
                .attribute("reportedAt", "2026-03-02T08:00:00+11:00").attribute("repairedAt", "2026-03-04T12:00:00+11:00")
                .propose("credit", 10).build();
        Explanation e = Policies.parse(example()).explain(c);
        Explanation.Failure failure = e.proposals().get(0).rules().stream().filter(r -> r.rule().equals("late-repair"))
                .findFirst().orElseThrow().failures().get(0);
        Explanation.Failure.Reading reading = failure.values().stream()
                .filter(r -> r.name().startsWith("businessDaysBetween")).findFirst().orElseThrow();

        assertThat(guide()).contains(reading.name() + " = [" + reading.value() + "]");
    }

    @Test
    void the_window_sentence_the_guide_quotes_is_what_a_decision_says() throws IOException {
        HistoryEntry april = new HistoryEntry("payment", new BigDecimal("50"), Instant.parse("2026-04-02T02:00:00Z"));
        ProposalDecision d = Policies.parse(example()).decide(aCase("2026-09-10T02:00:00Z", april)
                .propose("payment", 50).build()).proposal("payment");

        assertThat(d.outcome()).isEqualTo(Outcome.escalate("supervisor"));
        assertThat(d.reasons().get(0).because()).contains("at most 1 per customer in calendar year from 1 April (the "
                + "period from Wed 2026-04-01 in Australia/Sydney), and the customer already had 1");
        assertThat(guide()).contains("at most 1 per customer in calendar year from\n  1 April (the period from Wed "
                + "2026-04-01 in Australia/Sydney), and the customer already had 1");
    }

    @Test
    void the_mistakes_the_guide_quotes_are_what_loading_says() throws IOException {
        String head = "policy: p\nversion: \"1\"\nroles: [agent]\nattributes: { state: string }\n"
                + "remedies: { payment: { unit: money } }\n";
        String zone = problemOf(head + "timeZone: Australia/Sidney\n");
        String calendar = problemOf(head + "calendars: { by: attributes.state, regions: { NSW: {}, ACT: NWS } }\n");
        String start = problemOf(head + "authority: { agent: { payment: { perGrant: 1, perCustomer: { count: 1, "
                + "window: calendar year from 31 February } } } }\n");

        assertThat(zone).isEqualTo("unknown zone id [Australia/Sidney] in timeZone (did you mean [Australia/Sydney]?)");
        assertThat(guide()).contains(zone);
        assertThat(calendar).startsWith("unknown calendar [NWS] for region [ACT] in calendars.regions (did you mean [NSW]?");
        assertThat(guide()).contains("unknown calendar [NWS] for region [ACT] in\n  calendars.regions (did you mean [NSW]?)");
        assertThat(start).contains("[31 February] is not a date: February has 28 days (29 in a leap year)");
    }
}
