package org.resolutionpolicy.spark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Entitlement;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Writes a policy's decision into the columns of {@link Schemas#DECISION}, and reads it back: a report counts the
 * decisions read back with the local replay's own counters ({@code ReplayCounter}, {@code DiffCounter}), so the
 * columns hold every part of a decision those read. The reasons' sentences and the employee's role are not kept
 * (no count reads them), nor the calendar of a window of business days (its text, {@code P7BD}, is kept).
 */
final class DecisionRows {

    private static final String UNLIMITED = Limit.unlimited().toString();

    private DecisionRows() {
    }

    /**
     * Returns the values of the {@link Schemas#DECISION} columns: the policy, and its decision when there is one.
     *
     * @throws IllegalArgumentException if an amount cannot be carried exactly; its message names the line
     */
    static Object[] columns(Policy policy, Decision d, String file, long line) {
        return columns(policy, d, file, line, null);
    }

    /**
     * Returns the values of the {@link Schemas#DECISION} columns, the severity the case was decided at among them:
     * its policy's scale's, or without one the case's own ({@code given}).
     *
     * @throws IllegalArgumentException if an amount cannot be carried exactly; its message names the line
     */
    static Object[] columns(Policy policy, Decision d, String file, long line, String given) {
        if (d == null) {
            return new Object[] {policy.id(), policy.version(), policy.revision(), null, null, null, null, null};
        }
        Row[] proposals = new Row[d.proposals().size()];
        for (int i = 0; i < proposals.length; i++) {
            ProposalDecision p = d.proposals().get(i);
            Outcome o = p.outcome();
            proposals[i] = RowFactory.create(p.remedy(), p.kind().name(), o.approver(), o.team(),
                    o.approvers().toArray(String[]::new), Schemas.carried(p.amount(), file, line),
                    p.amount() == null ? null : p.amount().scale(),
                    p.amount() != null && policy.remedies().get(p.remedy()) == RemedyUnit.MONEY,
                    p.reasons().stream().map(Reason::rule).toArray(String[]::new));
        }
        Row[] followUps = d.followUps().stream().map(f -> RowFactory.create(f.action(), f.owner(),
                f.within() == null ? null : f.within().toString(), f.rule())).toArray(Row[]::new);
        Row[] latitude = d.latitude().stream().map(l -> RowFactory.create(l.remedy(), l.aloneUpTo().toString(),
                l.approversBeyond().toArray(String[]::new), l.teamBeyond(),
                l.entitlement() == null ? null : l.entitlement().amount().toPlainString(),
                l.entitlement() == null ? null : l.entitlement().rule(),
                l.entitlement() == null ? null : l.entitlement().working())).toArray(Row[]::new);
        return new Object[] {policy.id(), policy.version(), policy.revision(), d.swat(), proposals, followUps, latitude,
                d.severity() != null ? d.severity().used() : given};
    }

    /**
     * Reads back a decision whose {@link Schemas#DECISION} columns start at column {@code at} of a row.
     *
     * @param caseId the id of the decided case
     */
    static Decision decision(Row row, int at, String caseId) {
        List<ProposalDecision> proposals = new ArrayList<>();
        for (Row p : DecisionRows.<Row>list(row, at + 4)) {
            List<String> approvers = list(p, 4);
            Outcome outcome = new Outcome(Outcome.Kind.valueOf(p.getString(1)), p.getString(2), p.getString(3),
                    approvers);
            BigDecimal amount = Schemas.amount(p.getDecimal(5), p.isNullAt(6) ? null : p.getInt(6));
            List<Reason> reasons = DecisionRows.<String>list(p, 8).stream().map(r -> new Reason(r, "")).toList();
            proposals.add(new ProposalDecision(new Proposal(p.getString(0), amount), outcome, reasons));
        }
        List<FollowUp> followUps = DecisionRows.<Row>list(row, at + 5).stream()
                .map(f -> new FollowUp(f.getString(0), within(f.getString(2)), f.getString(1), f.getString(3)))
                .toList();
        List<Latitude> latitude = DecisionRows.<Row>list(row, at + 6).stream().map(DecisionRows::latitude).toList();
        // the severity used is all a count reads of it: what raised it stays with the local decision
        String severity = row.getString(at + 7);
        return new Decision(row.getString(at), row.getString(at + 1), caseId, null, row.getBoolean(at + 3), proposals,
                latitude, followUps, row.getString(at + 2), null,
                severity == null ? null : new org.resolutionpolicy.api.CaseSeverity(severity, null, null));
    }

    private static Latitude latitude(Row l) {
        List<String> approvers = list(l, 2);
        Limit aloneUpTo = l.getString(1).equals(UNLIMITED) ? Limit.unlimited() : Limit.of(new BigDecimal(l.getString(1)));
        Entitlement entitlement = l.isNullAt(4) ? null
                : new Entitlement(new BigDecimal(l.getString(4)), l.getString(5), l.getString(6));
        return new Latitude(l.getString(0), aloneUpTo, approvers.isEmpty() ? null : approvers.get(0), l.getString(3),
                approvers, entitlement);
    }

    /** Returns an array column of a row as a list. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Row row, int i) {
        Object value = row.get(i);
        // Spark hands the rows of mapPartitions straight to the next mapPartitions, with the arrays they were made with
        return value instanceof Object[] array ? Arrays.asList((T[]) array) : row.getList(i);
    }

    /** Reads a follow-up's window from its text: a period, a duration, or business days on no calendar. */
    private static TemporalAmount within(String text) {
        if (text == null) {
            return null;
        } else if (text.endsWith("BD")) {
            return new BusinessDays(Integer.parseInt(text.substring(1, text.length() - 2)),
                    BusinessDays.MONDAY_TO_FRIDAY, Set.of());
        }
        return text.contains("T") ? Duration.parse(text) : Period.parse(text);
    }
}
