package org.resolutionpolicy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * Every example case decides as worked out by hand from the policy and the decision semantics.
 * The expectations were written before the engine was run on the cases.
 */
class ExampleCasesTests {

    private static final Path CASES = Path.of("cases");

    static Decision decide(Policy policy, String file) {
        return policy.decide(Cases.load(CASES.resolve(policy.id()).resolve(file)));
    }

    static void assertProposal(Decision d, int index, String remedy, Outcome outcome, String... rules) {
        ProposalDecision p = d.proposals().get(index);
        assertThat(p.remedy()).isEqualTo(remedy);
        assertThat(p.outcome()).as("outcome of %s", p.proposal()).isEqualTo(outcome);
        assertThat(p.ruleIds()).as("reasons of %s", p.proposal()).containsExactly(rules);
    }

    static void assertFollowUps(Decision d, String... actions) {
        assertThat(d.followUps()).extracting(FollowUp::action).containsExactly(actions);
    }

    static List<String> caseFiles(String policy) throws IOException {
        try (Stream<Path> files = Files.list(CASES.resolve(policy))) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    static String printedBy(Runnable main) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void both_example_policies_load_warning_only_about_the_disabled_promotion_rule() {
        assertThat(Policies.fromClasspath("policies/online-retailer.yaml").warnings()).isEmpty();
        assertThat(Policies.fromClasspath("policies/coffee-shop.yaml").warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("rule [summer-promo-misfire] is disabled"));
    }

    @Nested
    @DisplayName("coffee shop")
    class CoffeeShop {

        final Policy coffee = Policies.load(Path.of("policies", "coffee-shop.yaml"));

        @Test
        void every_case_file_of_the_coffee_shop_has_a_test_here() throws IOException {
            assertThat(caseFiles("coffee-shop")).containsExactly(
                    "01-spilled-drink.yaml",
                    "02-gold-member-late-order.yaml",
                    "03-gift-card-refund.yaml",
                    "04-viral-complaint.yaml",
                    "05-voucher-window-used-up.yaml",
                    "06-what-may-i-offer.yaml",
                    "07-burn-from-hot-coffee.yaml");
        }

        @Test
        void a_barista_replaces_a_spilled_drink_and_apologises_alone() {
            Decision d = decide(coffee, "01-spilled-drink.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "free-drink", Outcome.alone());
            assertProposal(d, 1, "apology", Outcome.alone());
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_gold_member_gets_the_voucher_but_a_big_refund_at_high_severity_needs_the_store_manager() {
            Decision d = decide(coffee, "02-gold-member-late-order.yaml");
            assertThat(d.proposals()).hasSize(3);
            // 10 earlier + 15 = 25 stays within the barista's 30 per 30 days; gold raises the per-grant 10 to 20
            assertProposal(d, 0, "voucher", Outcome.alone(), "gold-members-get-more-latitude");
            // the store manager is both the authority level (200) and the require rule: the rule is the reason
            assertProposal(d, 1, "refund", Outcome.escalate("store-manager"), "high-severity-refunds-need-a-manager");
            assertProposal(d, 2, "apology", Outcome.alone());
            assertThat(d.followUps()).containsExactly(
                    new FollowUp("senior-management-call", Period.parse("P2D"), null, "out-of-pocket-callback"));
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_gift_card_refund_is_denied_even_for_the_store_manager() {
            Decision d = decide(coffee, "03-gift-card-refund.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "refund", Outcome.denied(), "no-refunds-on-gift-cards");
            assertProposal(d, 1, "voucher", Outcome.alone());
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_viral_complaint_goes_to_the_recovery_team() {
            Decision d = decide(coffee, "04-viral-complaint.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "refund", Outcome.swat("recovery-swat"), "going-viral");
            assertProposal(d, 1, "apology", Outcome.swat("recovery-swat"), "going-viral");
            assertFollowUps(d);
            assertThat(d.swat()).isTrue();
        }

        @Test
        void a_used_up_voucher_window_sends_a_small_voucher_to_the_shift_lead() {
            Decision d = decide(coffee, "05-voucher-window-used-up.yaml");
            assertThat(d.proposals()).hasSize(1);
            // 10 + 10 + 8 earlier in 30 days: 28 + 5 > 30; the shift lead's 25 has no per-customer cap
            assertProposal(d, 0, "voucher", Outcome.escalate("shift-lead"), "authority");
            assertThat(d.proposals().get(0).reasons().get(0).because())
                    .contains("at most 30 per customer in P30D, and the customer already had 28");
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_barista_learns_what_they_may_offer_a_platinum_member_after_a_long_wait() {
            Decision d = decide(coffee, "06-what-may-i-offer.yaml");
            assertThat(d.proposals()).isEmpty();
            assertThat(d.latitude()).containsExactly(
                    new Latitude("apology", Limit.unlimited(), null, null),
                    new Latitude("free-drink", Limit.of(3), "shift-lead", null),  // 2, raised to 3 after a 20-minute wait
                    new Latitude("voucher", Limit.of(20), "shift-lead", null),    // 10, raised to 20 for platinum
                    new Latitude("refund", Limit.zero(), "shift-lead", null),
                    new Latitude("discount", Limit.zero(), "shift-lead", null));
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_burn_goes_to_the_recovery_team_with_an_incident_report_and_a_callback() {
            Decision d = decide(coffee, "07-burn-from-hot-coffee.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "refund", Outcome.swat("recovery-swat"), "safety-first");
            assertProposal(d, 1, "free-drink", Outcome.swat("recovery-swat"), "safety-first");
            assertThat(d.followUps()).containsExactly(
                    new FollowUp("incident-report", Duration.parse("PT24H"), "store-manager", "safety-first"),
                    new FollowUp("senior-management-call", Period.parse("P2D"), null, "out-of-pocket-callback"));
            assertThat(d.swat()).isTrue();
        }
    }

    @Nested
    @DisplayName("online retailer")
    class OnlineRetailer {

        final Policy retailer = Policies.load(Path.of("policies", "online-retailer.yaml"));

        @Test
        void every_case_file_of_the_online_retailer_has_a_test_here() throws IOException {
            assertThat(caseFiles("online-retailer")).containsExactly(
                    "01-damaged-parcel.yaml",
                    "02-platinum-voucher.yaml",
                    "03-voucher-count-used-up.yaml",
                    "04-marketplace-refund.yaml",
                    "05-valued-customer-big-refund.yaml",
                    "06-product-recall.yaml",
                    "07-what-may-a-senior-agent-offer.yaml",
                    "08-legal-threat.yaml");
        }

        @Test
        void an_agent_sends_a_replacement_and_expedites_it_then_confirms_delivery() {
            Decision d = decide(retailer, "01-damaged-parcel.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "replacement", Outcome.alone());
            assertProposal(d, 1, "expedited-shipping", Outcome.alone());
            assertThat(d.followUps()).containsExactly(
                    new FollowUp("delivery-confirmation", Period.parse("P5D"), "agent", "confirm-replacements-arrive"));
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_platinum_customer_gets_a_larger_voucher_from_any_agent() {
            Decision d = decide(retailer, "02-platinum-voucher.yaml");
            assertThat(d.proposals()).hasSize(1);
            assertProposal(d, 0, "voucher", Outcome.alone(), "platinum-goodwill");
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_fourth_voucher_in_ninety_days_goes_to_a_senior_agent() {
            Decision d = decide(retailer, "03-voucher-count-used-up.yaml");
            assertThat(d.proposals()).hasSize(1);
            // 30 + 10 is within the agent's 75, but it would be the fourth voucher where three are allowed
            assertProposal(d, 0, "voucher", Outcome.escalate("senior-agent"), "authority");
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_marketplace_item_is_never_refunded_by_us_but_a_voucher_is_fine() {
            Decision d = decide(retailer, "04-marketplace-refund.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "refund", Outcome.denied(), "marketplace-sellers-refund-their-own");
            assertProposal(d, 1, "voucher", Outcome.alone());
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_senior_agent_may_refund_more_to_a_valued_customer_but_not_a_big_voucher() {
            Decision d = decide(retailer, "05-valued-customer-big-refund.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "refund", Outcome.alone(), "valued-customers-in-trouble");
            assertProposal(d, 1, "voucher", Outcome.escalate("supervisor"), "authority");
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_product_recall_goes_to_incident_response_for_every_reason_that_applies() {
            Decision d = decide(retailer, "06-product-recall.yaml");
            assertThat(d.proposals()).hasSize(1);
            // the critical-severity require rule matches too, but SWAT is stricter than any escalation
            assertProposal(d, 0, "refund", Outcome.swat("incident-response"), "many-customers-affected", "safety-incident");
            assertThat(d.followUps()).containsExactly(
                    new FollowUp("product-safety-review", Duration.parse("PT24H"), "manager", "safety-incident"));
            assertThat(d.swat()).isTrue();
        }

        @Test
        void a_senior_agent_learns_their_latitude() {
            Decision d = decide(retailer, "07-what-may-a-senior-agent-offer.yaml");
            assertThat(d.proposals()).isEmpty();
            assertThat(d.latitude()).containsExactly(
                    new Latitude("refund", Limit.of(150), "supervisor", null),
                    new Latitude("voucher", Limit.of(50), "supervisor", null),
                    new Latitude("replacement", Limit.of(1), "supervisor", null),  // the agent's 1, inherited
                    new Latitude("expedited-shipping", Limit.unlimited(), null, null),
                    new Latitude("discount", Limit.of(15), "supervisor", null));
            // the replacement follow-up is about a proposal, and this case has none
            assertFollowUps(d);
            assertThat(d.swat()).isFalse();
        }

        @Test
        void a_legal_threat_needs_a_manager_and_a_refund_beyond_every_limit_needs_the_director() {
            Decision d = decide(retailer, "08-legal-threat.yaml");
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "refund", Outcome.escalate("manager"), "legal-threats");
            // beyond the manager's 2000 nobody's authority covers it: beyondAuthority names the director
            assertProposal(d, 1, "refund", Outcome.escalate("director"), "authority");
            assertThat(d.followUps()).containsExactly(
                    new FollowUp("legal-review", Period.parse("P1D"), "manager", "legal-threats"),
                    new FollowUp("senior-management-call", Period.parse("P2D"), "manager", "out-of-pocket-callback"));
            assertThat(d.swat()).isFalse();
        }
    }

    @Nested
    @DisplayName("compiled API examples")
    class ApiExamples {

        @Test
        void quick_start_decides_the_late_order() {
            Decision d = QuickStart.decideLateOrder();
            assertThat(d.proposals()).hasSize(2);
            assertProposal(d, 0, "voucher", Outcome.alone(), "gold-members-get-more-latitude");
            assertProposal(d, 1, "refund", Outcome.escalate("store-manager"), "high-severity-refunds-need-a-manager");
            assertFollowUps(d, "senior-management-call");
        }

        @Test
        void quick_start_prints_outcomes_reasons_and_follow_ups() {
            String printed = printedBy(() -> QuickStart.main(new String[0]));

            assertThat(printed.lines()).containsExactly(
                    "voucher 15: ALONE",
                    "  because Gold and Platinum members may get a voucher up to $20 at the counter",
                    "refund 80: ESCALATE to store-manager",
                    "  because High-severity refunds over $50 are reviewed by the store manager",
                    "then senior-management-call within P2D");
        }

        @Test
        void latitude_example_answers_what_a_barista_may_offer() {
            assertThat(LatitudeExample.baristaLatitude().latitude()).containsExactly(
                    new Latitude("apology", Limit.unlimited(), null, null),
                    new Latitude("free-drink", Limit.of(3), "shift-lead", null),
                    new Latitude("voucher", Limit.of(20), "shift-lead", null),
                    new Latitude("refund", Limit.zero(), "shift-lead", null),
                    new Latitude("discount", Limit.zero(), "shift-lead", null));
        }

        @Test
        void latitude_example_prints_one_line_per_remedy() {
            String printed = printedBy(() -> LatitudeExample.main(new String[0]));

            assertThat(printed.lines()).containsExactly(
                    "apology: alone up to unlimited",
                    "free-drink: alone up to 3, beyond that ask shift-lead",
                    "voucher: alone up to 20, beyond that ask shift-lead",
                    "refund: alone up to 0, beyond that ask shift-lead",
                    "discount: alone up to 0, beyond that ask shift-lead");
        }

        @Test
        void decision_log_example_writes_a_line_per_case(@TempDir Path dir) throws IOException {
            List<Path> cases;
            try (Stream<Path> files = Files.list(CASES.resolve("coffee-shop"))) {
                cases = files.sorted().collect(Collectors.toList());
            }
            Path log = dir.resolve("decisions.jsonl");

            long failed = DecisionLogExample.decideAndLog(Path.of("policies", "coffee-shop.yaml"), cases, log);

            assertThat(failed).isZero();
            assertThat(Files.readAllLines(log)).hasSize(cases.size())
                    .allSatisfy(line -> assertThat(line).startsWith("{\"decisionId\":").contains("\"policy\":\"coffee-shop\""));
        }
    }
}
