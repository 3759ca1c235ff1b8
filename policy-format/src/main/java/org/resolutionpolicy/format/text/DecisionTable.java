package org.resolutionpolicy.format.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;

/** Prints a decision as a table a person reads: one row per proposal (or remedy), with the reasons. */
public final class DecisionTable {

    private DecisionTable() {
    }

    /** Returns the decision as a table, headed by the policy, case (with its severity and category) and employee. */
    public static String render(CustomerCase c, Decision d) {
        String severity = d.severity() == null ? c.severity() : d.severity().text();
        String about = severity + (c.category() == null ? "" : " " + c.category());
        return render(d, about);
    }

    /** Returns the decision as a table when the case itself is not at hand. */
    public static String render(Decision d) {
        return render(d, null);
    }

    private static String render(Decision d, String about) {
        StringBuilder out = new StringBuilder();
        out.append(d.policyId()).append(' ').append(d.policyVersion())
                .append(" | case ").append(d.caseId() == null ? "(no id)" : d.caseId());
        if (about != null) {
            out.append(" | ").append(about);
        } else if (d.severity() != null) {
            out.append(" | ").append(d.severity().text());
        }
        out.append(" | employee ").append(d.employeeRole()).append('\n');
        List<String[]> rows = new ArrayList<>();
        if (d.isLatitude()) {
            rows.add(new String[] {"REMEDY", "ALONE UP TO", "BEYOND THAT"});
            for (Latitude l : d.latitude()) {
                rows.add(new String[] {l.remedy(), l.aloneUpTo().toString(), beyond(l)});
            }
            table(rows, out, List.of());
            for (Latitude l : d.latitude()) {
                if (l.entitlement() != null) {
                    out.append("  ").append(l.remedy()).append(": ").append(l.entitlement())
                            .append(" (").append(l.entitlement().rule()).append(")\n");
                }
            }
        } else {
            rows.add(new String[] {"REMEDY", "AMOUNT", "OUTCOME", "REASONS"});
            List<List<String>> reasons = new ArrayList<>();
            reasons.add(List.of());
            for (ProposalDecision p : d.proposals()) {
                List<String> lines = new ArrayList<>();
                if (p.entitlement() != null) {
                    lines.add(p.entitlement() + " (" + p.entitlement().rule() + ")");
                }
                for (Reason r : p.reasons()) {
                    lines.add(r.toString());
                }
                rows.add(new String[] {p.remedy(), amount(p.amount()), p.outcome().toString(),
                    lines.isEmpty() ? "" : lines.get(0)});
                reasons.add(lines);
            }
            table(rows, out, reasons);
        }
        for (FollowUp f : d.followUps()) {
            out.append("  follow-up: ").append(f.action());
            if (f.within() != null) {
                out.append(" within ").append(f.within());
            }
            if (f.owner() != null) {
                out.append(", owner ").append(f.owner());
            }
            out.append(" (").append(f.rule()).append(")\n");
        }
        return out.toString();
    }

    /**
     * Returns what lies beyond a latitude: one word for each case, since a single "-" for both an unlimited latitude
     * and "nobody may grant more" read the same and meant the opposite.
     */
    static String beyond(Latitude l) {
        if (l.approverBeyond() != null) {
            return "ESCALATE to " + String.join(" and ", l.approversBeyond());
        }
        if (l.teamBeyond() != null) {
            return "SWAT (" + l.teamBeyond() + ")";
        }
        return l.aloneUpTo().isUnlimited() ? "no limit" : "DENIED";
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** Aligns columns; the last column is free text, and extra reasons go on lines of their own under it. */
    private static void table(List<String[]> rows, StringBuilder out, List<List<String>> extra) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                line.append(i < columns - 1 ? pad(cell, width[i] + 2) : cell);
            }
            out.append(strip(line)).append('\n');
            if (r < extra.size()) {
                List<String> more = extra.get(r);
                for (int k = 1; k < more.size(); k++) {
                    StringBuilder cont = new StringBuilder("  ");
                    for (int i = 0; i < columns - 1; i++) {
                        cont.append(pad("", width[i] + 2));
                    }
                    out.append(cont).append(more.get(k)).append('\n');
                }
            }
        }
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
