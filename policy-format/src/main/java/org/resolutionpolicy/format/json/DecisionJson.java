package org.resolutionpolicy.format.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CaseSeverity;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;

/**
 * Maps a decision to the JSON tree of the policy-format guide ({@code decide --format json}), a public contract,
 * for every writer of decisions: the CLI, the decision log and replay.
 *
 * <p>The tree has, in this order, {@code policy}, {@code version}, {@code revision}, {@code case}, {@code employeeRole},
 * {@code swat}, {@code severity} (only for a policy with a severity scale), then {@code proposals} (or {@code latitude} for a case without proposals) and {@code followUps}.
 * Absent optional values ({@code revision} of a decision made by hand, {@code amount}, {@code approver}, {@code team}, {@code approverBeyond}, {@code within},
 * {@code owner}, and {@code approvers} unless a dual approval names several, {@code countedWith} when no earlier proposal of the remedy counted) are left out; {@code countedWith} is
 * {@link #countedWith(List, BigDecimal) the first places and the count}, so the JSON grows with
 * the proposals, not their square; {@code case} is always there, null for a case without an id. Amounts are
 * {@link java.math.BigDecimal}s, which {@link JsonText} prints plainly; an unlimited limit is {@code "unlimited"}.
 *
 * <p>The tree, not a stream, is the mapping's one form: the CLI nests it in an explanation and the decision log puts
 * the case's masked ids and severity between its keys; {@link JsonText} writes it.
 */
public final class DecisionJson {

    /** How much of each proposal and follow-up the tree carries; everything else is the same in both. */
    public enum Detail {
        /** Each proposal's reasons with rule and because, each follow-up with action, within, owner and rule. */
        FULL,
        /** Each proposal's rule ids ({@code rules}) and each follow-up's action: a decision log line. */
        SUMMARY
    }

    /** How many places of earlier proposals {@code countedWith} lists at most, as the sentences name them. */
    public static final int COUNTED_WITH_PLACES = 10;

    private DecisionJson() {
    }

    /** Returns the tree of a decision in full detail, as {@code decide --format json} prints it. */
    public static Map<String, Object> tree(Decision d) {
        return tree(d, Detail.FULL);
    }

    /** Returns the tree of a decision in the given detail. */
    public static Map<String, Object> tree(Decision d, Detail detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", d.policyId());
        json.put("version", d.policyVersion());
        putIfPresent(json, "revision", d.revision());
        json.put("case", d.caseId());
        json.put("employeeRole", d.employeeRole());
        json.put("swat", d.swat());
        putIfPresent(json, "severity", severity(d.severity()));
        if (d.isLatitude()) {
            json.put("latitude", d.latitude().stream().map(DecisionJson::latitude).toList());
        } else {
            json.put("proposals", d.proposals().stream().map(p -> proposal(p, detail)).toList());
        }
        json.put("followUps", d.followUps().stream().map(f -> detail == Detail.FULL ? followUp(f) : f.action()).toList());
        return json;
    }

    /**
     * Returns the tree of a decision in full detail with its id first ({@code "decisionId"}, the key of the decision
     * log), for {@link Decision#toJson()}; a decision without an id has the tree of {@link #tree(Decision)}.
     */
    public static Map<String, Object> withId(Decision d) {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfPresent(json, "decisionId", d.id());
        json.putAll(tree(d, Detail.FULL));
        return json;
    }

    /**
     * Returns the JSON of a decision as {@code decide --format json} prints it, on one line, with its
     * {@code "decisionId"} first when it has one: for a service that answers with decisions.
     *
     * @param d the decision
     * @return the JSON text
     * @throws NullPointerException if the decision is null
     */
    public static String write(Decision d) {
        return JsonText.line(withId(java.util.Objects.requireNonNull(d, "decision must not be null")));
    }

    /**
     * Returns the earlier proposals of a remedy that counted with a proposal as the contract writes them, in a
     * decision and in an explanation: {@code {"proposals": [0, 1, ...], "count": 1999}}, the places of the first
     * {@value #COUNTED_WITH_PLACES} at most and how many there are, then their {@code total} when one is given (an
     * explanation's). Every earlier proposal of the remedy counts, so the case itself says which the rest are; listing
     * them all made a case of n proposals of one remedy n squared long (2,000 proposals, 27 MB).
     *
     * @param places the places, 0 for the first proposal of the case
     * @param total their amounts added up, or null to leave it out
     * @return the tree
     */
    public static Map<String, Object> countedWith(List<Integer> places, BigDecimal total) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("proposals", List.copyOf(places.subList(0, Math.min(places.size(), COUNTED_WITH_PLACES))));
        item.put("count", places.size());
        putIfPresent(item, "total", total);
        return item;
    }

    /**
     * Returns the severity a case was decided at as the contract writes it, {@code {"used": "CRITICAL", "given":
     * "LOW", "raisedBy": "safety-is-critical"}} ({@code given} and {@code raisedBy} left out when absent), or null
     * for a decision of a policy without a severity scale.
     */
    public static Map<String, Object> severity(CaseSeverity severity) {
        if (severity == null) {
            return null;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("used", severity.used());
        putIfPresent(item, "given", severity.given());
        putIfPresent(item, "raisedBy", severity.raisedBy());
        return item;
    }

    /** Returns a limit as the contract writes it: a number, or {@code "unlimited"}. */
    public static Object limit(Limit limit) {
        return limit.isUnlimited() ? "unlimited" : limit.amount().orElseThrow();
    }

    private static Map<String, Object> proposal(ProposalDecision p, Detail detail) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("remedy", p.remedy());
        putIfPresent(item, "amount", p.amount());
        putIfPresent(item, "currency", p.proposal().currency());
        item.put("outcome", p.kind().name());
        putIfPresent(item, "approver", p.outcome().approver());
        if (p.outcome().isDualApproval()) {
            item.put("approvers", p.outcome().approvers());
        }
        putIfPresent(item, "team", p.outcome().team());
        putIfPresent(item, "entitlement", entitlement(p.entitlement()));
        if (!p.countedWith().isEmpty()) {
            item.put("countedWith", countedWith(p.countedWith(), null));
        }
        if (detail == Detail.FULL) {
            item.put("reasons", p.reasons().stream().map(DecisionJson::reason).toList());
        } else {
            item.put("rules", p.reasons().stream().map(Reason::rule).toList());
        }
        return item;
    }

    private static Map<String, Object> reason(Reason r) {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("rule", r.rule());
        reason.put("because", r.because());
        return reason;
    }

    private static Map<String, Object> latitude(Latitude l) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("remedy", l.remedy());
        item.put("aloneUpTo", limit(l.aloneUpTo()));
        putIfPresent(item, "approverBeyond", l.approverBeyond());
        if (l.approversBeyond().size() > 1) {
            item.put("approversBeyond", l.approversBeyond());
        }
        putIfPresent(item, "team", l.teamBeyond());
        putIfPresent(item, "entitlement", entitlement(l.entitlement()));
        return item;
    }

    /** Returns an entitlement as {@code {amount, rule, working}}, or null without one. */
    private static Map<String, Object> entitlement(org.resolutionpolicy.api.Entitlement e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("amount", e.amount());
        item.put("rule", e.rule());
        item.put("working", e.working());
        return item;
    }

    private static Map<String, Object> followUp(FollowUp f) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("action", f.action());
        // a Period or Duration prints as the ISO-8601 text of the policy (P2D, PT48H), normalised by java.time
        putIfPresent(item, "within", f.within() == null ? null : f.within().toString());
        putIfPresent(item, "owner", f.owner());
        item.put("rule", f.rule());
        return item;
    }

    /** Puts a value under a key unless it is null: the contract leaves absent optional values out. */
    public static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
