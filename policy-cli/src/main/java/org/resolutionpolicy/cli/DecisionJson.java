package org.resolutionpolicy.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;

/** Maps a decision to the JSON of the policy-format guide ({@code decide --format json}), a public contract. */
final class DecisionJson {

    private DecisionJson() {
    }

    static Map<String, Object> tree(Decision d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", d.policyId());
        json.put("version", d.policyVersion());
        json.put("case", d.caseId());
        json.put("employeeRole", d.employeeRole());
        json.put("swat", d.swat());
        if (d.isLatitude()) {
            List<Object> latitude = new ArrayList<>();
            for (Latitude l : d.latitude()) {
                latitude.add(latitude(l));
            }
            json.put("latitude", latitude);
        } else {
            List<Object> proposals = new ArrayList<>();
            for (ProposalDecision p : d.proposals()) {
                proposals.add(proposal(p));
            }
            json.put("proposals", proposals);
        }
        List<Object> followUps = new ArrayList<>();
        for (FollowUp f : d.followUps()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("action", f.action());
            putIfPresent(item, "within", f.within());
            putIfPresent(item, "owner", f.owner());
            item.put("rule", f.rule());
            followUps.add(item);
        }
        json.put("followUps", followUps);
        return json;
    }

    private static Map<String, Object> proposal(ProposalDecision p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("remedy", p.remedy());
        if (p.amount() != null) {
            item.put("amount", p.amount());
        }
        item.put("outcome", p.kind().name());
        putIfPresent(item, "approver", p.outcome().approver());
        putIfPresent(item, "team", p.outcome().team());
        List<Object> reasons = new ArrayList<>();
        for (Reason r : p.reasons()) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("rule", r.rule());
            reason.put("because", r.because());
            reasons.add(reason);
        }
        item.put("reasons", reasons);
        return item;
    }

    private static Map<String, Object> latitude(Latitude l) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("remedy", l.remedy());
        item.put("aloneUpTo", l.aloneUpTo().isUnlimited() ? "unlimited" : l.aloneUpTo().amount().orElseThrow());
        putIfPresent(item, "approverBeyond", l.approverBeyond());
        putIfPresent(item, "team", l.teamBeyond());
        return item;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
