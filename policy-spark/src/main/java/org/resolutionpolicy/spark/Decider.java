package org.resolutionpolicy.spark;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLine;

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
        Policy policy = text.value().compiled();
        return HistoryLines.eachLine(lines, (file, line, value) -> decide(policy, file, line, value));
    }

    private static Row decide(Policy policy, String file, long line, String value) {
        HistoryLines.Read read = HistoryLines.read(file, line, value);
        if (!read.status().equals(HistoryLines.CASE)) {
            return row(policy, file, line, read.status(), read.problem(), null, null);
        }
        CustomerCase c = read.customerCase();
        try {
            // rule ids, not sentences, reach the report: as a local replay, without the authority sentences
            return row(policy, file, line, HistoryLines.CASE, null, c, policy.decideWithoutSentences(c));
        } catch (InvalidCaseException e) {
            return row(policy, file, line, HistoryLines.BAD, BadLine.of(line, e).message(), c, null);
        }
    }

    private static Row row(Policy policy, String file, long line, String status, String problem, CustomerCase c,
                           Decision d) {
        String openedDay = c == null || c.openedAt() == null ? null
                : LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC).toString();
        // a replay counts the severity of a scale's decisions only, as a local one does
        Object[] decision = DecisionRows.columns(policy, d, file, line);
        Object[] values = new Object[6 + decision.length + 3];
        values[0] = file;
        values[1] = line;
        values[2] = status;
        values[3] = problem;
        values[4] = c == null ? null : c.id();
        values[5] = openedDay;
        System.arraycopy(decision, 0, values, 6, decision.length);
        // what the breakdowns of escalations read beside the decision: the requesting role, category and channel
        values[6 + decision.length] = c == null ? null : c.employee().role();
        values[6 + decision.length + 1] = c == null ? null : c.category();
        values[6 + decision.length + 2] = c == null ? null : c.channel();
        return RowFactory.create(values);
    }
}
