package org.resolutionpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model additions of issue 16: several approvers, the siblings a proposal counted with. */
class DualApprovalModelTests {

    @Test
    void an_ordinary_escalation_lists_its_one_approver() {
        assertThat(Outcome.escalate("manager").approvers()).containsExactly("manager");
        assertThat(new Outcome(Outcome.Kind.ESCALATE, "manager", null)).isEqualTo(Outcome.escalate("manager"));
        assertThat(Outcome.escalate("manager").isDualApproval()).isFalse();
        assertThat(Outcome.alone().approvers()).isEmpty();
        assertThat(Outcome.swat("team").approvers()).isEmpty();
    }

    @Test
    void a_dual_approval_keeps_the_first_as_the_approver_and_prints_them_all() {
        Outcome dual = Outcome.escalate(List.of("director", "finance"));

        assertThat(dual.approver()).isEqualTo("director");
        assertThat(dual.isDualApproval()).isTrue();
        assertThat(dual).hasToString("ESCALATE to director and finance").isNotEqualTo(Outcome.escalate("director"));
    }

    @Test
    void approvers_must_fit_the_kind_and_the_approver() {
        assertThatThrownBy(() -> Outcome.escalate(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outcome(Outcome.Kind.ESCALATE, "finance", null, List.of("director", "finance")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with the approver [finance]");
        assertThatThrownBy(() -> Outcome.escalate(List.of("director", "director")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name a role twice");
        assertThatThrownBy(() -> new Outcome(Outcome.Kind.ALONE, null, null, List.of("director")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("only an escalation has approvers, not ALONE");
    }

    @Test
    void a_proposal_decision_names_its_siblings_by_place() {
        ProposalDecision d = new ProposalDecision(Proposal.of("refund", 40), Outcome.alone(), List.of(), List.of(0));

        assertThat(d.countedWith()).containsExactly(0);
        assertThat(new ProposalDecision(Proposal.of("refund", 40), Outcome.alone(), List.of()).countedWith()).isEmpty();
        assertThatThrownBy(() -> new ProposalDecision(Proposal.of("refund", 40), Outcome.alone(), List.of(), List.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Explanation.Siblings(List.of(0, 2), 2, new BigDecimal("80.00")).text())
                .isEqualTo("counted with this case's earlier proposals [0, 2]: 2 grants totalling 80");
    }
}
