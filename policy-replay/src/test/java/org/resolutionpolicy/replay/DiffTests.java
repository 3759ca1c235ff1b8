package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.DiffReport.ActionChange;
import org.resolutionpolicy.replay.DiffReport.MoneyMove;
import org.resolutionpolicy.replay.DiffReport.Transition;
import org.resolutionpolicy.replay.DiffReport.WorkloadChange;

/**
 * A diff of a known edit gives exactly its transitions. The edit: a clerk may refund 100 instead of 50, and the
 * call-back is owed above 50 out of pocket instead of above 0. Of the history, C-6 (a refund of 100, 10 out of
 * pocket) is decided differently, and C-8, a latitude question, gets a larger latitude for refunds.
 */
class DiffTests {

    static final Policy EDITED = Policies.fromClasspath("shop-edited.yaml");

    private static DiffReport diff(Policy before, Policy after) {
        return Diff.of(before, after).run(ReplayTests.history(ReplayTests.HISTORY));
    }

    @Test
    void the_same_policy_on_both_sides_gives_an_empty_diff() {
        DiffReport d = diff(ReplayTests.SHOP, ReplayTests.SHOP);

        assertThat(d.isEmpty()).isTrue();
        assertThat(d.changes()).isEmpty();
        assertThat(d.money()).isEmpty();
        assertThat(d.workload()).isEmpty();
        assertThat(d.followUps().cases()).isZero();
        assertThat(d.latitude().cases()).isZero();
        assertThat(d.cases()).isEqualTo(8);
        assertThat(d.transitions()).allSatisfy(t -> assertThat(t.changed()).isFalse())
                .extracting(Transition::count).containsExactly(1L, 3L, 1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void a_known_edit_gives_exactly_its_transitions() {
        DiffReport d = diff(ReplayTests.SHOP, EDITED);

        assertThat(d.isEmpty()).isFalse();
        assertThat(d.changedCases()).isEqualTo(2);
        assertThat(d.changedProposals()).isEqualTo(1);
        assertThat(d.latitude().cases()).isEqualTo(1);
        assertThat(d.latitude().samples()).containsExactly(new CaseRef(8, "C-8"));
        assertThat(d.changes()).containsExactly(new Transition("refund", Outcome.escalate("manager"), Outcome.alone(), 1,
                BigDecimal.valueOf(100), java.util.List.of(new CaseRef(6, "C-6")), java.util.Map.of("authority", 1L)));
        assertThat(d.before().version()).isEqualTo("1");
        assertThat(d.after().version()).isEqualTo("2");
    }

    @Test
    void the_matrix_keeps_the_unchanged_cells_in_lattice_order() {
        DiffReport d = diff(ReplayTests.SHOP, EDITED);

        assertThat(d.transitions()).filteredOn(t -> t.remedy().equals("refund"))
                .extracting(t -> t.from() + " -> " + t.to() + ": " + t.count())
                .containsExactly("ALONE -> ALONE: 1", "ESCALATE to manager -> ALONE: 1",
                        "ESCALATE to manager -> ESCALATE to manager: 2", "ESCALATE to director -> ESCALATE to director: 1",
                        "SWAT (swat-team) -> SWAT (swat-team): 1", "DENIED -> DENIED: 1");
    }

    @Test
    void reports_the_money_that_moves_and_each_roles_workload() {
        DiffReport d = diff(ReplayTests.SHOP, EDITED);

        assertThat(d.money()).containsExactly(new MoneyMove("refund", BigDecimal.valueOf(100), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(d.workload()).containsExactly(new WorkloadChange("manager", 3, 2));
        assertThat(d.workload().get(0).delta()).isEqualTo(-1);
    }

    @Test
    void reports_the_cases_whose_follow_ups_change() {
        DiffReport d = diff(ReplayTests.SHOP, EDITED);

        assertThat(d.followUps().cases()).isEqualTo(1);
        assertThat(d.followUps().samples()).containsExactly(new CaseRef(6, "C-6"));
        assertThat(d.followUps().actions()).containsExactly(new ActionChange("call-back", 0, 1));
    }

    @Test
    void the_reverse_edit_gives_the_reverse_transition() {
        DiffReport d = diff(EDITED, ReplayTests.SHOP);

        assertThat(d.changes()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(Outcome.alone());
            assertThat(t.to()).isEqualTo(Outcome.escalate("manager"));
            assertThat(t.rules()).containsExactly(entry("authority", 1L));
        });
        assertThat(d.money()).containsExactly(new MoneyMove("refund", BigDecimal.ZERO, BigDecimal.valueOf(100),
                BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(d.followUps().actions()).containsExactly(new ActionChange("call-back", 1, 0));
        assertThat(d.followUps().owners()).singleElement().satisfies(o -> {
            assertThat(o.action()).isEqualTo("call-back");
            assertThat(o.added()).isEqualTo(1);
            assertThat(o.removed()).isZero();
        });
    }

    @Test
    void a_case_whose_two_proposals_make_one_transition_is_one_sample() {
        Samples samples = new Samples(DiffReport.SAMPLES);

        samples.add(3, "C-3");
        samples.add(3, "C-3");
        samples.add(2, "C-2");
        Samples other = new Samples(DiffReport.SAMPLES);
        other.add(3, "C-3");
        samples.addAll(other);

        assertThat(samples.list()).containsExactly(new CaseRef(2, "C-2"), new CaseRef(3, "C-3"));
    }

    @Test
    void gives_the_same_report_on_one_thread_and_on_many() {
        String many = ReplayTests.HISTORY.repeat(300);

        DiffReport one = Diff.of(ReplayTests.SHOP, EDITED).threads(1).run(ReplayTests.history(many));
        DiffReport four = Diff.of(ReplayTests.SHOP, EDITED).threads(4).run(ReplayTests.history(many));

        assertThat(four).isEqualTo(one);
        assertThat(one.changedCases()).isEqualTo(600);
        assertThat(one.changes().get(0).samples()).extracting(CaseRef::line).containsExactly(6L, 15L, 24L, 33L, 42L);
    }
}
