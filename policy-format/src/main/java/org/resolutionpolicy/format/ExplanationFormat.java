package org.resolutionpolicy.format;

import org.resolutionpolicy.format.text.ReasonColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Explanation.AuthorityTrace;
import org.resolutionpolicy.api.Explanation.Beyond;
import org.resolutionpolicy.api.Explanation.Effect;
import org.resolutionpolicy.api.Explanation.Failure;
import org.resolutionpolicy.api.Explanation.ProposalExplanation;
import org.resolutionpolicy.api.Explanation.RoleLimit;
import org.resolutionpolicy.api.Explanation.RuleCheck;
import org.resolutionpolicy.api.SeverityScaleCheck;
import org.resolutionpolicy.api.Explanation.Window;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.format.text.DecisionTable;

/**
 * Renders an explanation in text (what {@code policy explain} prints: the decision table, then every rule with
 * whether it matched each proposal and why not, and how the authority role was found) and as the JSON of the
 * policy-format guide ({@code explain --format json}): the one rendering of an explanation, for the CLI and any tool.
 */
@SuppressWarnings("removal") // the JSON names beyondAuthority's kind as it always has (DENY, SWAT, ROLE)
public final class ExplanationFormat {

    private ExplanationFormat() {
    }

    /**
     * Returns the explanation in text, as {@code policy explain} prints it.
     *
     * @param c the case explained
     * @param e its explanation
     * @return the text, lines ending in a line break
     */
    public static String text(CustomerCase c, Explanation e) {
        StringBuilder out = new StringBuilder(ReasonColumn.wrap(DecisionTable.render(c, e.decision()), ReasonColumn.WIDTH));
        if (!e.severityScale().isEmpty()) {
            out.append("\nseverity scale (").append(e.decision().severity()).append("):\n");
            for (SeverityScaleCheck s : e.severityScale()) {
                out.append("    ").append(pad(label(s.status()), 15)).append(s.entry()).append(" (")
                        .append(s.severity()).append(")\n");
                for (Failure f : s.failures()) {
                    out.append("                   ").append(f.text()).append('\n');
                }
            }
        }
        if (e.proposals().isEmpty()) {
            out.append("\nrules checked against the case (no proposals):\n");
            rules(e.caseRules(), out);
        }
        for (ProposalExplanation p : e.proposals()) {
            out.append('\n').append(p.proposal()).append(": ").append(p.outcome()).append('\n');
            out.append("  rules:\n");
            rules(p.rules(), out);
            if (p.authority() == null) {
                out.append("  authority: not consulted, a rule decided first\n");
                continue;
            }
            out.append("  authority:\n");
            if (p.authority().siblings() != null) {
                out.append("    ").append(p.authority().siblings().text()).append('\n');
            }
            if (p.authority().roles().isEmpty()) {
                out.append("    no role has authority for ").append(p.proposal().remedy()).append('\n');
            }
            for (RoleLimit r : p.authority().roles()) {
                out.append("    ").append(r.covers() ? "covers       " : "does not     ").append(r.role())
                        .append(": up to ").append(r.perGrant()).append(" per grant");
                if (!r.grants().isEmpty()) {
                    out.append(" (raised by ").append(String.join(", ", r.grants())).append(')');
                }
                if (r.window() != null) {
                    out.append("; ").append(r.window().text());
                }
                out.append('\n');
            }
            if (p.authority().coveringRole() != null) {
                out.append("    lowest role that covers it: ").append(p.authority().coveringRole()).append('\n');
            } else {
                out.append("    no role covers it; beyondAuthority: ").append(p.authority().beyond().text()).append('\n');
            }
        }
        return out.toString();
    }

    private static void rules(List<RuleCheck> rules, StringBuilder out) {
        for (RuleCheck r : rules) {
            out.append("    ").append(pad(label(r.status()), 15)).append(r.rule());
            if (!r.effect().text().isEmpty()) {
                out.append(" (").append(r.effect().text()).append(')');
            }
            out.append('\n');
            for (Failure f : r.failures()) {
                out.append("                   ").append(f.text()).append('\n');
            }
        }
    }

    private static String label(Explanation.Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /**
     * Returns the explanation as the JSON tree of {@code explain --format json}: the decision, then per proposal
     * every rule checked and the authority trace, then the case-level rules; {@code JsonText} writes it.
     *
     * @param e the explanation
     * @return the tree, in the order of the format
     */
    public static Map<String, Object> json(Explanation e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("decision", DecisionJson.tree(e.decision()));
        if (!e.severityScale().isEmpty()) {
            json.put("severityScale", scale(e.severityScale()));
        }
        if (e.proposals().isEmpty()) {
            json.put("caseRules", rules(e.caseRules()));
        } else {
            List<Object> proposals = new ArrayList<>();
            for (ProposalExplanation p : e.proposals()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("remedy", p.proposal().remedy());
                if (p.proposal().amount() != null) {
                    item.put("amount", p.proposal().amount());
                }
                item.put("outcome", p.outcome().kind().name());
                item.put("rules", rules(p.rules()));
                if (p.authority() != null) {
                    item.put("authority", authority(p.authority()));
                }
                proposals.add(item);
            }
            json.put("proposals", proposals);
        }
        return json;
    }

    private static Map<String, Object> authority(AuthorityTrace trace) {
        Map<String, Object> authority = new LinkedHashMap<>();
        List<Object> roles = new ArrayList<>();
        for (RoleLimit r : trace.roles()) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("role", r.role());
            role.put("perGrant", DecisionJson.limit(r.perGrant()));
            role.put("grants", new ArrayList<Object>(r.grants()));
            if (r.window() != null) {
                role.put("window", window(r.window()));
            }
            role.put("covers", r.covers());
            roles.add(role);
        }
        authority.put("roles", roles);
        if (trace.siblings() != null) {
            authority.put("countedWith", DecisionJson.countedWith(trace.siblings().proposals(),
                    trace.siblings().total()));
        }
        if (trace.coveringRole() != null) {
            authority.put("coveringRole", trace.coveringRole());
        } else {
            authority.put("beyondAuthority", beyond(trace.beyond()));
        }
        return authority;
    }

    private static List<Object> scale(List<SeverityScaleCheck> entries) {
        List<Object> out = new ArrayList<>();
        for (SeverityScaleCheck s : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("entry", s.entry());
            item.put("severity", s.severity());
            item.put("status", s.status().name());
            if (!s.failures().isEmpty()) {
                List<Object> failures = new ArrayList<>();
                s.failures().forEach(f -> failures.add(failure(f)));
                item.put("failures", failures);
            }
            out.add(item);
        }
        return out;
    }

    private static List<Object> rules(List<RuleCheck> rules) {
        List<Object> out = new ArrayList<>();
        for (RuleCheck r : rules) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rule", r.rule());
            item.put("effect", effect(r.effect()));
            item.put("status", r.status().name());
            if (!r.failures().isEmpty()) {
                List<Object> failures = new ArrayList<>();
                r.failures().forEach(f -> failures.add(failure(f)));
                item.put("failures", failures);
            }
            out.add(item);
        }
        return out;
    }

    /** Returns an effect as data, with its words under {@code text}; absent parts are left out. */
    private static Map<String, Object> effect(Effect e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", e.kind().name());
        DecisionJson.putIfPresent(json, "role", e.role());
        if (e.approvers().size() > 1) {
            json.put("approvers", e.approvers());
        }
        if (e.upTo() != null) {
            json.put("upTo", DecisionJson.limit(e.upTo()));
        }
        DecisionJson.putIfPresent(json, "computed", e.computed());
        if (e.entitlement()) {
            json.put("entitlement", true);
        }
        DecisionJson.putIfPresent(json, "followUp", e.followUp());
        if (!e.followUpWhen().isEmpty()) {
            json.put("followUpWhen", e.followUpWhen());
        }
        json.put("text", e.text());
        return json;
    }

    /** Returns a window as data, with its words under {@code text}; an uncapped total or count is left out. */
    private static Map<String, Object> window(Window w) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (w.maxTotal() != null) {
            json.put("maxTotal", DecisionJson.limit(w.maxTotal()));
        }
        DecisionJson.putIfPresent(json, "maxCount", w.maxCount());
        json.put("period", w.period().toString());
        json.put("usedCount", w.usedCount());
        json.put("usedTotal", w.usedTotal());
        json.put("text", w.text());
        return json;
    }

    /** Returns what beyondAuthority made of a proposal as data, with its words under {@code text}. */
    private static Map<String, Object> beyond(Beyond b) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", b.kind().name());
        DecisionJson.putIfPresent(json, "role", b.role());
        json.put("text", b.text());
        return json;
    }

    /**
     * Maps a failure to its fields: kind and subject always; seen only when the fact was present (absent facts
     * leave it out), wanted and the expression's readings when there are some; and the prose as {@code text}.
     */
    private static Map<String, Object> failure(Failure f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", f.kind().name());
        json.put("subject", f.subject());
        if (f.seen() != null) {
            json.put("seen", f.seen());
        }
        if (f.wanted() != null) {
            json.put("wanted", f.wanted());
        }
        if (!f.values().isEmpty()) {
            List<Object> values = new ArrayList<>();
            for (Failure.Reading v : f.values()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("name", v.name());
                if (v.value() != null) {
                    value.put("value", v.value());
                }
                values.add(value);
            }
            json.put("values", values);
        }
        json.put("text", f.text());
        return json;
    }
}
