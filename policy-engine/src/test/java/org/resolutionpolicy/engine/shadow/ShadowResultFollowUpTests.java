package org.resolutionpolicy.engine.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowResult;

/**
 * Two decisions' follow-ups compare as {@code policy diff} counts them (action, owner, window; not the rule that asked,
 * not their order), also on the path that compares lists owing the same in order without counting.
 */
class ShadowResultFollowUpTests {

    private static final Policy POLICY = Policies.parse("""
            policy: shop
            version: "1"
            roles: [clerk]
            remedies:
              refund: { unit: money }
            authority:
              clerk: { refund: 50 }
            """);
    private static final CustomerCase CASE = Cases.parse("""
            {"id": "C-1", "severity": "LOW", "employee": {"role": "clerk"}}""");
    private static final FollowUp CALL = new FollowUp("call", Duration.ofDays(2), "manager", "rule-a");
    private static final FollowUp MAIL = new FollowUp("mail", null, null, "rule-b");

    private static ShadowResult.Kind compare(List<FollowUp> served, List<FollowUp> candidate) {
        return ShadowResult.decided(1, CASE, POLICY, decision(served), POLICY, decision(candidate)).kind();
    }

    private static Decision decision(List<FollowUp> followUps) {
        return new Decision("shop", "1", "C-1", "clerk", false, List.of(), List.of(), followUps);
    }

    @Test
    void the_same_follow_ups_agree_in_any_order_and_whichever_rule_asked() {
        assertThat(compare(List.of(CALL, MAIL), List.of(CALL, MAIL))).isEqualTo(ShadowResult.Kind.AGREED);
        assertThat(compare(List.of(CALL, MAIL), List.of(MAIL, CALL))).isEqualTo(ShadowResult.Kind.AGREED);
        assertThat(compare(List.of(CALL), List.of(new FollowUp("call", Duration.ofDays(2), "manager", "rule-z"))))
                .isEqualTo(ShadowResult.Kind.AGREED);
        assertThat(compare(List.of(), List.of())).isEqualTo(ShadowResult.Kind.AGREED);
    }

    @Test
    void other_follow_ups_disagree() {
        assertThat(compare(List.of(CALL), List.of(new FollowUp("call", Duration.ofDays(3), "manager", "rule-a"))))
                .as("another window").isEqualTo(ShadowResult.Kind.DISAGREED);
        assertThat(compare(List.of(CALL), List.of(new FollowUp("call", Period.ofDays(2), "manager", "rule-a"))))
                .as("a calendar period is not a length of time (P2D against PT48H)")
                .isEqualTo(ShadowResult.Kind.DISAGREED);
        assertThat(compare(List.of(CALL), List.of(new FollowUp("call", Duration.ofDays(2), "clerk", "rule-a"))))
                .as("another owner").isEqualTo(ShadowResult.Kind.DISAGREED);
        assertThat(compare(List.of(CALL, MAIL), List.of(CALL))).as("one fewer").isEqualTo(ShadowResult.Kind.DISAGREED);
        assertThat(compare(List.of(CALL, CALL), List.of(CALL, MAIL))).as("twice the call, no mail")
                .isEqualTo(ShadowResult.Kind.DISAGREED);
    }
}
