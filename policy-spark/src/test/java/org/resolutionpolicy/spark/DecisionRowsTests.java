package org.resolutionpolicy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.BusinessDays;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Entitlement;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.replay.DiffCounter;
import org.resolutionpolicy.replay.Granularity;
import org.resolutionpolicy.replay.ReplayCounter;

/**
 * A decision written into its columns reads back with every part a report counts, so that counting the rows of a
 * Spark job is counting the decisions: dual approvals, amounts of any scale, windows of days, hours and business
 * days, and latitude answers with their entitlements.
 */
class DecisionRowsTests {

    static final Policy POLICY = Policies.compile(Fixtures.sources(Fixtures.YAML));

    /** Returns a decision of every part a report reads, and none it does not (sentences, the employee's role). */
    static Decision decision(String caseId, Outcome refundOutcome, List<Latitude> latitude) {
        List<ProposalDecision> proposals = latitude.isEmpty() ? List.of(
                new ProposalDecision(new Proposal("refund", new BigDecimal("120.50")), refundOutcome,
                        List.of(new Reason("high-severity-refunds-need-a-manager", ""), new Reason("authority", ""))),
                new ProposalDecision(new Proposal("voucher", new BigDecimal("1E+2")), Outcome.swat("care"),
                        List.of(new Reason("going-viral", ""))),
                new ProposalDecision(new Proposal("apology", null), Outcome.alone(), List.of()))
                : List.of();
        List<FollowUp> followUps = List.of(
                new FollowUp("acknowledge", new BusinessDays(5, BusinessDays.MONDAY_TO_FRIDAY, Set.of()), null, "r1"),
                new FollowUp("call-back", Duration.ofHours(48), "store-manager", "r2"),
                new FollowUp("check", Period.ofMonths(6), null, "r3"),
                new FollowUp("note", null, "shift-lead", "r4"));
        return new Decision(POLICY.id(), POLICY.version(), caseId, null, !latitude.isEmpty(), proposals, latitude,
                followUps, POLICY.revision());
    }

    static Decision readBack(Decision d) {
        Row row = RowFactory.create(DecisionRows.columns(POLICY, d, "h", 1));
        return DecisionRows.decision(row, 0, d.caseId());
    }

    static final List<Latitude> LATITUDE = List.of(
            new Latitude("refund", Limit.of(new BigDecimal("50.25")), "store-manager", null,
                    List.of("store-manager", "finance"), new Entitlement(new BigDecimal("12.50"), "late", "12.5")),
            new Latitude("voucher", Limit.unlimited(), null, null),
            new Latitude("apology", Limit.zero(), null, "care"));

    @Test
    void a_decision_reads_back_equal() {
        Decision proposals = decision("C-1", Outcome.escalate(List.of("district-manager", "finance")), List.of());
        Decision latitude = decision("C-2", Outcome.alone(), LATITUDE);

        assertThat(readBack(proposals)).isEqualTo(proposals);
        assertThat(readBack(latitude)).isEqualTo(latitude);
        assertThat(readBack(proposals).proposals().get(1).amount()).hasToString("100");
        assertThat(readBack(proposals).followUps()).extracting(f -> String.valueOf(f.within()))
                .containsExactly("P5BD", "PT48H", "P6M", "null");
    }

    @Test
    void the_severity_a_case_was_decided_at_reads_back_as_a_local_count_reads_it() {
        Decision raised = decision("C-1", Outcome.alone(), List.of());
        raised = new Decision(raised.policyId(), raised.policyVersion(), raised.caseId(), null, false,
                raised.proposals(), List.of(), raised.followUps(), raised.revision(), null,
                new org.resolutionpolicy.api.CaseSeverity("CRITICAL", "LOW", "safety-is-critical"));
        Decision plain = decision("C-2", Outcome.alone(), List.of());

        Decision raisedBack = DecisionRows.decision(RowFactory.create(DecisionRows.columns(POLICY, raised, "h", 1,
                "LOW")), 0, "C-1");
        Decision plainBack = DecisionRows.decision(RowFactory.create(DecisionRows.columns(POLICY, plain, "h", 2,
                "HIGH")), 0, "C-2");

        // the severity used is what a count reads: the scale's, or without one the case's own
        assertThat(raisedBack.severity().used()).isEqualTo("CRITICAL");
        assertThat(plainBack.severity().used()).isEqualTo("HIGH");
    }

    @Test
    void a_policy_without_a_decision_is_written_for_every_line() {
        Row row = RowFactory.create(DecisionRows.columns(POLICY, null, "h", 1));

        assertThat(row.getString(0)).isEqualTo(POLICY.id());
        assertThat(row.getString(2)).isEqualTo(POLICY.revision());
        assertThat(row.isNullAt(3)).isTrue();
        assertThat(row.isNullAt(4)).isTrue();
    }

    @Test
    void the_decisions_read_back_count_as_the_decisions() {
        Decision was = decision("C-1", Outcome.escalate("store-manager"), List.of());
        Decision is = decision("C-1", Outcome.escalate(List.of("district-manager", "finance")), List.of());
        Decision latitudeWas = decision("C-2", Outcome.alone(), LATITUDE);
        Decision latitudeIs = decision("C-2", Outcome.alone(), LATITUDE.subList(0, 2));
        ReplayCounter replayed = ReplayCounter.of(POLICY, Granularity.DAY);
        ReplayCounter replayedBack = ReplayCounter.of(POLICY, Granularity.DAY);
        DiffCounter diffed = DiffCounter.of(POLICY, POLICY);
        DiffCounter diffedBack = DiffCounter.of(POLICY, POLICY);
        Instant opened = Instant.parse("2026-03-04T05:06:07Z");

        for (Decision d : List.of(was, is, latitudeWas)) {
            replayed.count(d, opened);
            replayedBack.count(readBack(d), opened);
        }
        assertThat(diffed.count(1, "C-1", was, is)).isTrue();
        assertThat(diffedBack.count(1, "C-1", readBack(was), readBack(is))).isTrue();
        assertThat(diffed.count(2, "C-2", latitudeWas, latitudeIs)).isTrue();
        assertThat(diffedBack.count(2, "C-2", readBack(latitudeWas), readBack(latitudeIs))).isTrue();

        assertThat(replayedBack.snapshot()).isEqualTo(replayed.snapshot());
        assertThat(diffedBack.snapshot()).isEqualTo(diffed.snapshot());
        assertThat(diffedBack.snapshot().report("h").latitude().cases()).isEqualTo(1);
    }
}
