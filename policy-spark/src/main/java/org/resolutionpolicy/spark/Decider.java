package org.resolutionpolicy.spark;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Decides the history lines of one partition into rows of {@link Schemas#DECISIONS}, with the policy compiled once
 * per executor JVM from the broadcast text.
 */
final class Decider implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<PolicyText> text;

    Decider(Broadcast<PolicyText> text) {
        this.text = text;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) {
        PolicyText policyText = text.value();
        Policy policy = policyText.compiled();
        Map<String, RemedyUnit> units = policy.remedies();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Row next() {
                Row in = lines.next();
                return decide(policy, units, in.getString(0), in.getLong(1), in.getString(2));
            }
        };
    }

    private static Row decide(Policy policy, Map<String, RemedyUnit> units, String file, long line, String value) {
        HistoryLines.Read read = HistoryLines.read(file, line, value);
        if (!read.status().equals(HistoryLines.CASE)) {
            return row(policy, file, line, read.status(), read.problem(), null, null, null);
        }
        CustomerCase c = read.customerCase();
        Decision d;
        try {
            // rule ids, not sentences, reach the report: as a local replay, without the authority sentences
            d = policy.decideWithoutSentences(c);
        } catch (InvalidCaseException e) {
            return row(policy, file, line, HistoryLines.BAD, HistoryLines.message(e), c, null, null);
        }
        List<ProposalDecision> proposals = d.proposals();
        Row[] rows = new Row[proposals.size()];
        for (int i = 0; i < rows.length; i++) {
            ProposalDecision p = proposals.get(i);
            boolean money = p.amount() != null && units.get(p.remedy()) == RemedyUnit.MONEY;
            rows[i] = RowFactory.create(p.remedy(), p.kind().name(), p.outcome().approver(), p.outcome().team(),
                    Schemas.carried(p.amount(), file, line), p.amount() == null ? null : p.amount().scale(),
                    money, p.reasons().stream().map(Reason::rule).toArray(String[]::new));
        }
        return row(policy, file, line, HistoryLines.CASE, null, c, d, rows);
    }

    private static Row row(Policy policy, String file, long line, String status, String problem, CustomerCase c,
                           Decision d, Row[] proposals) {
        String openedDay = c == null || c.openedAt() == null ? null
                : LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC).toString();
        Row[] followUps = d == null ? null : d.followUps().stream().map(Decider::followUp).toArray(Row[]::new);
        return RowFactory.create(file, line, status, problem, c == null ? null : c.id(), openedDay, policy.id(),
                policy.version(), policy.revision(), d == null ? null : d.swat(), proposals, followUps);
    }

    private static Row followUp(FollowUp f) {
        return RowFactory.create(f.action(), f.owner(), f.within() == null ? null : f.within().toString(), f.rule());
    }
}
