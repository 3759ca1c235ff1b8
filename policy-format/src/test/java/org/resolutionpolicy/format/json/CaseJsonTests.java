package org.resolutionpolicy.format.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Proposal;

/** A case's JSON: one history line, in the format's order and bytes, that reads back into an equal case. */
class CaseJsonTests {

    static final CustomerCase FULL = CustomerCase.builder().id("C-1").severity("HIGH").category("late-order")
            .channel("phone").openedAt(Instant.parse("2026-11-20T09:30:00Z")).employee("E-17", "barista")
            .customer(Customer.builder().id("K-7").tier("GOLD").lifetimeValue(new BigDecimal("5400.50"))
                    .history(new HistoryEntry("voucher", new BigDecimal("10.00"), Instant.parse("2026-11-02T10:00:00Z")))
                    .build())
            .impact(new Impact(new BigDecimal("12.50"), 1L, 0L, false, true, null))
            .attribute("delayHours", new BigDecimal("1.5")).attribute("store", "Main \"St\"").attribute("vip", true)
            .currency("EUR").propose("voucher", new BigDecimal("15.00")).propose(new Proposal("apology", null, null))
            .build();

    @Test
    void writes_a_history_line_in_the_format_order_with_amounts_plain_and_dates_in_utc() {
        CustomerCase c = FULL.toBuilder().attribute("deliveredAt", Instant.parse("2026-11-19T00:00:00Z")).build();

        assertThat(CaseJson.line(c)).isEqualTo("{\"id\":\"C-1\",\"severity\":\"HIGH\",\"category\":\"late-order\","
                + "\"channel\":\"phone\",\"openedAt\":\"2026-11-20T09:30:00Z\","
                + "\"employee\":{\"id\":\"E-17\",\"role\":\"barista\"},"
                + "\"customer\":{\"id\":\"K-7\",\"tier\":\"GOLD\",\"lifetimeValue\":5400.5,"
                + "\"history\":[{\"remedy\":\"voucher\",\"amount\":10,\"at\":\"2026-11-02T10:00:00Z\"}]},"
                + "\"impact\":{\"outOfPocket\":12.5,\"affectedCustomers\":1,\"socialReach\":0,\"legalThreat\":false,"
                + "\"safetyIssue\":true},"
                + "\"attributes\":{\"delayHours\":1.5,\"store\":\"Main \\\"St\\\"\",\"vip\":true,"
                + "\"deliveredAt\":\"2026-11-19T00:00:00Z\"},"
                + "\"currency\":\"EUR\","
                + "\"proposals\":[{\"remedy\":\"voucher\",\"amount\":15},{\"remedy\":\"apology\"}]}");
    }

    @Test
    void leaves_out_absent_values_and_the_maps_they_would_leave_empty() {
        assertThat(CaseJson.line(CustomerCase.builder().build())).isEqualTo("{}");
        assertThat(CaseJson.line(CustomerCase.builder().severity("LOW").employee("agent").build()))
                .isEqualTo("{\"severity\":\"LOW\",\"employee\":{\"role\":\"agent\"}}");
    }

    @Test
    void writes_masked_ids_and_leaves_out_the_ones_a_mask_drops() {
        String line = JsonText.lineOf(g -> CaseJson.write(g, FULL, id -> "#" + id, id -> null, id -> null));

        assertThat(line).startsWith("{\"id\":\"#C-1\",").contains("\"employee\":{\"role\":\"barista\"}")
                .contains("\"customer\":{\"tier\":\"GOLD\",");
    }

    /** A date among the attributes reads back as its text: JSON has no dates, and the policy reads the text as one. */
    @Test
    void reads_back_into_an_equal_case() {
        assertThat(CaseJsonReader.read(PolicySource.of("history.jsonl", CaseJson.line(FULL)))).isEqualTo(FULL);
    }
}
