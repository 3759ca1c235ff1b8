package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/** The worked example of POLICY-FORMAT.md decides exactly as its JSON shows. */
class SpecExampleTests {

    private final Policy policy = Policies.fromClasspath("spec/coffee-shop.yaml");
    private final CustomerCase example = Cases.parse(TestFiles.classpath("spec/case-C-1042.yaml"));

    @Test
    void loads_the_format_guide_policy_warning_only_about_its_disabled_rule() {
        assertThat(policy.id()).isEqualTo("coffee-shop");
        assertThat(policy.version()).isEqualTo("2026.11");
        assertThat(policy.roles()).containsExactly("barista", "shift-lead", "store-manager", "district-manager");
        assertThat(policy.warnings()).singleElement()
                .hasToString("classpath:spec/coffee-shop.yaml:68:14: warning: rule [summer-promo-misfire] is disabled "
                        + "and never applies (delete it when it is no longer needed)");
    }

    @Test
    void decides_the_format_guide_case_as_its_json_shows() {
        Decision d = policy.decide(example);

        assertThat(d.policyId()).isEqualTo("coffee-shop");
        assertThat(d.policyVersion()).isEqualTo("2026.11");
        assertThat(d.caseId()).isEqualTo("C-1042");
        assertThat(d.employeeRole()).isEqualTo("barista");
        assertThat(d.swat()).isFalse();
        assertThat(d.proposals()).extracting(ProposalDecision::remedy).containsExactly("voucher", "refund", "apology");

        ProposalDecision voucher = d.proposal("voucher");
        assertThat(voucher.outcome()).isEqualTo(Outcome.alone());
        assertThat(voucher.ruleIds()).containsExactly("gold-members-get-more-latitude");

        ProposalDecision refund = d.proposal("refund");
        assertThat(refund.outcome()).isEqualTo(Outcome.escalate("store-manager"));
        assertThat(refund.ruleIds()).containsExactly("high-severity-refunds-need-a-manager");
        assertThat(refund.reasons().get(0).because())
                .isEqualTo("High-severity refunds over $50 are reviewed by the store manager");

        ProposalDecision apology = d.proposal("apology");
        assertThat(apology.outcome()).isEqualTo(Outcome.alone());
        assertThat(apology.reasons()).isEmpty();

        assertThat(d.followUps()).containsExactly(
                new FollowUp("senior-management-call", Period.parse("P2D"), null, "out-of-pocket-callback"));
    }
}
