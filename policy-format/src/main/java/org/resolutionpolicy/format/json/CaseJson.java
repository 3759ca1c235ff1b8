package org.resolutionpolicy.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Proposal;

/**
 * Writes a case in the JSON of the case format, which {@link CaseJsonReader} reads back into an equal case: one line
 * of a history, and the {@code input} of a decision-log line. It streams to the generator: a history of millions of
 * cases is written without a tree per case.
 *
 * <p>The keys, in this order: {@code id}, {@code severity}, {@code category}, {@code channel}, {@code openedAt},
 * {@code employee}, {@code customer}, {@code impact}, {@code attributes}, {@code currency}, {@code proposals}. Absent
 * values are left out, and so are maps that would be empty; a case without proposals has no {@code proposals} (so it
 * still asks for latitude); dates are ISO-8601 text in UTC; amounts are printed plainly, as {@link JsonText} prints
 * them.
 */
public final class CaseJson {

    private CaseJson() {
    }

    /**
     * Returns the JSON line of a case, without its line break: one line of a history.
     *
     * @param c the case
     * @return the line
     */
    public static String line(CustomerCase c) {
        return JsonText.lineOf(g -> write(g, c));
    }

    /**
     * Writes a case with its ids as they are.
     *
     * @param g the generator
     * @param c the case
     * @throws IOException when the generator's writer fails
     */
    public static void write(JsonGenerator g, CustomerCase c) throws IOException {
        write(g, c, UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * Writes a case with its ids masked: each function gives the id to write, or null to leave it out.
     *
     * @param g the generator
     * @param c the case
     * @param caseId masks the case id
     * @param customerId masks the customer id
     * @param employeeId masks the employee id
     * @throws IOException when the generator's writer fails
     */
    public static void write(JsonGenerator g, CustomerCase c, UnaryOperator<String> caseId,
                             UnaryOperator<String> customerId, UnaryOperator<String> employeeId) throws IOException {
        g.writeStartObject();
        put(g, "id", c.id() == null ? null : caseId.apply(c.id()));
        put(g, "severity", c.severity());
        put(g, "category", c.category());
        put(g, "channel", c.channel());
        put(g, "openedAt", text(c.openedAt()));
        String employee = c.employee().id() == null ? null : employeeId.apply(c.employee().id());
        if (employee != null || c.employee().role() != null) {
            g.writeObjectFieldStart("employee");
            put(g, "id", employee);
            put(g, "role", c.employee().role());
            g.writeEndObject();
        }
        customer(g, c.customer(), customerId);
        impact(g, c.impact());
        if (!c.attributes().isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, Object> e : c.attributes().entrySet()) {
                g.writeFieldName(e.getKey());
                JsonText.write(g, e.getValue() instanceof Instant i ? i.toString() : e.getValue());
            }
            g.writeEndObject();
        }
        put(g, "currency", c.currency());
        if (!c.proposals().isEmpty()) {
            g.writeArrayFieldStart("proposals");
            for (Proposal p : c.proposals()) {
                g.writeStartObject();
                g.writeStringField("remedy", p.remedy());
                put(g, "amount", p.amount());
                put(g, "currency", p.currency());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void customer(JsonGenerator g, Customer customer, UnaryOperator<String> customerId)
            throws IOException {
        String id = customer.id() == null ? null : customerId.apply(customer.id());
        if (id == null && customer.tier() == null && customer.lifetimeValue() == null && customer.history().isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("customer");
        put(g, "id", id);
        put(g, "tier", customer.tier());
        put(g, "lifetimeValue", customer.lifetimeValue());
        if (!customer.history().isEmpty()) {
            g.writeArrayFieldStart("history");
            for (HistoryEntry entry : customer.history()) {
                g.writeStartObject();
                put(g, "remedy", entry.remedy());
                put(g, "amount", entry.amount());
                put(g, "at", text(entry.at()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void impact(JsonGenerator g, Impact impact) throws IOException {
        if (impact.outOfPocket() == null && impact.affectedCustomers() == null && impact.socialReach() == null
                && impact.legalThreat() == null && impact.safetyIssue() == null && impact.regulatorInvolved() == null) {
            return;
        }
        g.writeObjectFieldStart("impact");
        put(g, "outOfPocket", impact.outOfPocket());
        put(g, "affectedCustomers", impact.affectedCustomers());
        put(g, "socialReach", impact.socialReach());
        put(g, "legalThreat", impact.legalThreat());
        put(g, "safetyIssue", impact.safetyIssue());
        put(g, "regulatorInvolved", impact.regulatorInvolved());
        g.writeEndObject();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Writes a key and its value unless the value is null: the format leaves absent values out. */
    private static void put(JsonGenerator g, String key, Object value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            JsonText.write(g, value);
        }
    }
}
