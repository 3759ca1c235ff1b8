package org.resolutionpolicy.format.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Proposal;

/**
 * Maps a case to the JSON tree of the case format, which {@link CaseJsonReader} reads back into an equal case: one
 * line of a history, and the {@code input} of a decision-log line.
 *
 * <p>Absent values are left out; a case without proposals has no {@code proposals} (so it still asks for latitude);
 * dates are ISO-8601 text in UTC; amounts are {@link java.math.BigDecimal}s, which {@link Json} prints plainly.
 */
public final class CaseJson {

    private CaseJson() {
    }

    /** Returns the tree of a case with its ids as they are. */
    public static Map<String, Object> tree(CustomerCase c) {
        return tree(c, UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * Returns the tree of a case with its ids masked: each function gives the id to write, or null to leave it out.
     *
     * @param c the case
     * @param caseId masks the case id
     * @param customerId masks the customer id
     * @param employeeId masks the employee id
     * @return the tree, in the field order of the case format
     */
    public static Map<String, Object> tree(CustomerCase c, UnaryOperator<String> caseId, UnaryOperator<String> customerId,
                                           UnaryOperator<String> employeeId) {
        Map<String, Object> json = new LinkedHashMap<>();
        DecisionJson.putIfPresent(json, "id", c.id() == null ? null : caseId.apply(c.id()));
        DecisionJson.putIfPresent(json, "severity", c.severity());
        DecisionJson.putIfPresent(json, "category", c.category());
        DecisionJson.putIfPresent(json, "channel", c.channel());
        DecisionJson.putIfPresent(json, "openedAt", text(c.openedAt()));
        Map<String, Object> employee = new LinkedHashMap<>();
        DecisionJson.putIfPresent(employee, "id", c.employee().id() == null ? null : employeeId.apply(c.employee().id()));
        DecisionJson.putIfPresent(employee, "role", c.employee().role());
        putIfNotEmpty(json, "employee", employee);
        putIfNotEmpty(json, "customer", customer(c.customer(), customerId));
        putIfNotEmpty(json, "impact", impact(c.impact()));
        Map<String, Object> attributes = new LinkedHashMap<>();
        c.attributes().forEach((name, value) -> attributes.put(name, value instanceof Instant i ? text(i) : value));
        putIfNotEmpty(json, "attributes", attributes);
        DecisionJson.putIfPresent(json, "currency", c.currency());
        if (!c.proposals().isEmpty()) {
            json.put("proposals", c.proposals().stream().map(CaseJson::proposal).toList());
        }
        return json;
    }

    private static Map<String, Object> customer(Customer customer, UnaryOperator<String> customerId) {
        Map<String, Object> json = new LinkedHashMap<>();
        DecisionJson.putIfPresent(json, "id", customer.id() == null ? null : customerId.apply(customer.id()));
        DecisionJson.putIfPresent(json, "tier", customer.tier());
        DecisionJson.putIfPresent(json, "lifetimeValue", customer.lifetimeValue());
        if (!customer.history().isEmpty()) {
            json.put("history", customer.history().stream().map(CaseJson::history).toList());
        }
        return json;
    }

    private static Map<String, Object> history(HistoryEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        DecisionJson.putIfPresent(json, "remedy", entry.remedy());
        DecisionJson.putIfPresent(json, "amount", entry.amount());
        DecisionJson.putIfPresent(json, "at", text(entry.at()));
        return json;
    }

    private static Map<String, Object> impact(Impact impact) {
        Map<String, Object> json = new LinkedHashMap<>();
        DecisionJson.putIfPresent(json, "outOfPocket", impact.outOfPocket());
        DecisionJson.putIfPresent(json, "affectedCustomers", impact.affectedCustomers());
        DecisionJson.putIfPresent(json, "socialReach", impact.socialReach());
        DecisionJson.putIfPresent(json, "legalThreat", impact.legalThreat());
        DecisionJson.putIfPresent(json, "safetyIssue", impact.safetyIssue());
        DecisionJson.putIfPresent(json, "regulatorInvolved", impact.regulatorInvolved());
        return json;
    }

    private static Map<String, Object> proposal(Proposal p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("remedy", p.remedy());
        DecisionJson.putIfPresent(json, "amount", p.amount());
        DecisionJson.putIfPresent(json, "currency", p.currency());
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void putIfNotEmpty(Map<String, Object> json, String key, Map<String, Object> value) {
        if (!value.isEmpty()) {
            json.put(key, value);
        }
    }

    /** Returns the JSON line of a case, without its line break: one line of a history. */
    public static String line(CustomerCase c) {
        return Json.line(tree(c));
    }
}
