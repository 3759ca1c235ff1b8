package org.resolutionpolicy.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resolutionpolicy.test.PolicyAssertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

class PolicyAssertionsTests {

    static final Policy CAFE = Policies.load(Kit.dir("policies").resolve("cafe.yaml"));

    static Decision decide(CustomerCase.Builder c) {
        return CAFE.decide(c.build());
    }

    final Decision highSeverity = decide(CustomerCase.builder().id("C-1").severity("HIGH").employee("barista")
            .impact(Impact.builder().outOfPocket(3).build()).propose("refund", 8).propose("apology"));

    @Nested
    @DisplayName("passing")
    class Passing {
        @Test
        void read_like_the_policy() {
            assertThat(highSeverity).proposal("refund").isEscalatedTo("manager").isEscalated()
                    .because("big-refunds-at-high-severity").becauseOnly("big-refunds-at-high-severity");
            assertThat(highSeverity).proposal("apology").isGrantedAlone().hasNoRuleReasons();
            assertThat(highSeverity).hasFollowUp("manager-call");
            assertThat(decide(CustomerCase.builder().severity("LOW").category("gift-card").employee("manager")
                    .propose("refund", 1))).proposal("refund").isDenied().because("gift-cards");
            assertThat(decide(CustomerCase.builder().severity("LOW").employee("barista")
                    .impact(Impact.builder().socialReach(20_000).build()).propose("apology")))
                    .goesToSwat().proposal("apology").isRoutedToSwat().isRoutedToSwat("recovery").because("viral");
        }

        @Test
        void cover_latitude() {
            Decision latitude = decide(CustomerCase.builder().severity("LOW").employee("barista"));
            assertThat(latitude).latitude("refund").allowsAloneUpTo(10).escalatesBeyondTo("manager");
            assertThat(latitude).latitude("apology").allowsAnyAmountAlone();
            assertThat(latitude).hasNoFollowUps();
        }
    }

    @Nested
    @DisplayName("failing")
    class Failing {
        @Test
        void a_wrong_outcome_shows_the_whole_decision_and_its_reasons() {
            assertThatThrownBy(() -> assertThat(highSeverity).proposal("refund").isGrantedAlone())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected refund 8 to be ALONE, but it was ESCALATE to manager because of "
                            + "[big-refunds-at-high-severity].")
                    .hasMessageContaining("The decision was:\ncafe 1 | case C-1 | employee barista")
                    .hasMessageContaining("refund   8       ESCALATE to manager  big-refunds-at-high-severity: "
                            + "Refunds over 5 at high severity need the manager")
                    .hasMessageContaining("follow-up: manager-call within P2D (callback)");
        }

        @Test
        void a_wrong_approver_a_missing_reason_and_a_missing_proposal_say_what_was_there() {
            assertThatThrownBy(() -> assertThat(highSeverity).proposal("refund").isEscalatedTo("director"))
                    .hasMessageContaining("Expected refund 8 to be ESCALATE to director, but it was ESCALATE to manager");
            assertThatThrownBy(() -> assertThat(highSeverity).proposal("refund").because("viral"))
                    .hasMessageContaining("Expected refund 8 to be decided because of [viral], but the reasons were "
                            + "[big-refunds-at-high-severity].");
            assertThatThrownBy(() -> assertThat(highSeverity).proposal("voucher"))
                    .hasMessageContaining("Expected a proposal of [voucher] in the decision, but there was none.");
        }

        @Test
        void follow_ups_and_latitude_name_what_they_found() {
            assertThatThrownBy(() -> assertThat(highSeverity).hasFollowUp("apology-letter"))
                    .hasMessageContaining("Expected a follow-up [apology-letter], but the follow-ups were [manager-call].");
            Decision latitude = decide(CustomerCase.builder().severity("LOW").employee("barista"));
            assertThatThrownBy(() -> assertThat(latitude).latitude("refund").allowsAloneUpTo(20))
                    .hasMessageContaining("Expected [refund] to be allowed alone up to 20, but it was up to 10.");
            assertThatThrownBy(() -> assertThat(latitude).latitude("refund").escalatesBeyondTo("director"))
                    .hasMessageContaining("Expected [refund] beyond 10 to go to [director], but it goes to [manager].");
            assertThatThrownBy(() -> assertThat(highSeverity).latitude("refund"))
                    .hasMessageContaining("but the decision has none (it decided proposals)");
        }
    }
}
