package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.AuthorityTable.Beyond;
import org.resolutionpolicy.api.AuthorityTable.Rule.Effect;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Window;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.ModelledPolicy;

/** {@link Policy#authority()} tells who may grant what without one latitude case per role. */
class AuthorityTableTests {

    static final Policy COFFEE = Policies.load(Path.of("..", "examples", "policies", "coffee-shop.yaml"));
    static final Policy RETAILER = Policies.load(Path.of("..", "examples", "policies", "online-retailer.yaml"));

    @Nested
    @DisplayName("per role and remedy")
    class Limits {

        @Test
        void gives_each_role_its_own_limit_or_the_largest_below_it() {
            AuthorityTable.Remedy refund = COFFEE.authority().remedy("refund").orElseThrow();

            assertThat(refund.roles()).extracting(AuthorityTable.Role::role)
                    .containsExactly("barista", "shift-lead", "store-manager", "district-manager");
            assertThat(refund.roles()).extracting(r -> r.perGrant().toString())
                    .containsExactly("0", "25", "200", "unlimited");
            assertThat(refund.role("barista").limitFrom()).isNull();
            assertThat(refund.role("barista").beyond()).isEqualTo(new Beyond(Beyond.Kind.ESCALATE, "shift-lead", null));
            assertThat(refund.role("district-manager").beyond().kind()).isEqualTo(Beyond.Kind.NOTHING);
        }

        @Test
        void inherits_a_limit_from_below_with_the_role_it_comes_from() {
            AuthorityTable.Role apology = COFFEE.authority().remedy("apology").orElseThrow().role("store-manager");

            assertThat(apology.perGrant()).isEqualTo(Limit.unlimited());
            assertThat(apology.limitFrom()).isEqualTo("barista");
        }

        @Test
        void shows_the_per_customer_window_of_the_entry_that_gives_the_limit() {
            AuthorityTable.Remedy voucher = COFFEE.authority().remedy("voucher").orElseThrow();

            assertThat(voucher.role("barista").perCustomer())
                    .isEqualTo(new AuthorityTable.PerCustomer(Limit.of(30), null, Period.ofDays(30)));
            assertThat(voucher.role("barista").perCustomer()).hasToString("at most 30 per customer in P30D");
            assertThat(voucher.role("shift-lead").perCustomer()).isNull();
        }

        @Test
        void reads_the_same_in_the_one_vocabulary_of_limits_windows_and_beyond() {
            AuthorityTable.Role barista = COFFEE.authority().remedy("voucher").orElseThrow().role("barista");

            assertThat(barista.window()).isEqualTo(new Window(Limit.of(30), null, Period.ofDays(30)));
            assertThat(barista.window()).hasToString("at most 30 in total per customer in P30D");
            assertThat(barista.beyondLimit()).isEqualTo(org.resolutionpolicy.api.Beyond.escalate("shift-lead"));
            assertThat(COFFEE.authority().beyondAuthority()).isEqualTo(org.resolutionpolicy.api.Beyond.deny());
        }

        @Test
        void says_denied_where_nobody_may_grant_more_and_names_the_beyond_authority_role_otherwise() {
            AuthorityTable.Remedy coffeeDrink = COFFEE.authority().remedy("free-drink").orElseThrow();
            AuthorityTable.Remedy retailerRefund = RETAILER.authority().remedy("refund").orElseThrow();

            assertThat(coffeeDrink.role("district-manager").perGrant()).isEqualTo(Limit.of(4));
            assertThat(coffeeDrink.role("district-manager").beyond()).hasToString("DENIED");
            assertThat(retailerRefund.role("manager").beyond()).hasToString("ESCALATE to director");
            assertThat(retailerRefund.role("director").perGrant()).isEqualTo(Limit.unlimited());
            assertThat(RETAILER.authority().remedy("discount").orElseThrow().role("director").perGrant())
                    .isEqualTo(Limit.of(100));
            assertThat(RETAILER.authority().beyond()).isEqualTo(new Beyond(Beyond.Kind.ESCALATE, "director", null));
        }

        @Test
        void lists_the_grants_that_raise_a_limit_with_their_conditions_in_words() {
            AuthorityTable.Remedy voucher = COFFEE.authority().remedy("voucher").orElseThrow();

            assertThat(voucher.role("barista").grants()).containsExactly(new AuthorityTable.Grant(
                    "gold-members-get-more-latitude", "barista", Limit.of(20), "customer.tier one of [GOLD, PLATINUM]",
                    "Gold and Platinum members may get a voucher up to $20 at the counter"));
            // 25 of its own is more than the barista's grant of 20
            assertThat(voucher.role("shift-lead").grants()).isEmpty();
        }

        @Test
        void rejects_an_unknown_role_by_name() {
            AuthorityTable.Remedy voucher = COFFEE.authority().remedy("voucher").orElseThrow();

            assertThatThrownBy(() -> voucher.role("barista-in-chief")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown role [barista-in-chief] for remedy [voucher]");
            assertThat(COFFEE.authority().remedy("hug")).isEmpty();
        }

        @Test
        void agrees_with_the_latitude_of_a_plain_case_for_every_role_and_remedy() {
            for (Policy policy : List.of(COFFEE, RETAILER)) {
                for (String role : policy.roles()) {
                    CustomerCase plain = CustomerCase.builder().severity(policy.severities().get(0)).employee(role)
                            .build();
                    for (Latitude l : policy.decide(plain).latitude()) {
                        AuthorityTable.Role table = policy.authority().remedy(l.remedy()).orElseThrow().role(role);
                        assertThat(table.perGrant()).as("%s %s %s", policy.id(), role, l.remedy())
                                .isEqualTo(l.aloneUpTo());
                        assertThat(table.beyond().role()).as("%s %s %s", policy.id(), role, l.remedy())
                                .isEqualTo(l.approverBeyond());
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("rules")
    class Rules {

        @Test
        void describes_every_rule_with_its_effect_condition_and_follow_up() {
            AuthorityTable table = COFFEE.authority();

            assertThat(table.rules()).extracting(AuthorityTable.Rule::id).containsExactlyElementsOf(COFFEE.ruleIds());
            AuthorityTable.Rule safety = table.rules().stream().filter(r -> r.id().equals("safety-first")).findFirst()
                    .orElseThrow();
            assertThat(safety.effect()).isEqualTo(Effect.SWAT);
            assertThat(safety.condition()).isEqualTo("impact.safetyIssue is [true]");
            assertThat(safety.followUp().action()).isEqualTo("incident-report");
            assertThat(safety.followUp().owner()).isEqualTo("store-manager");
            assertThat(table.rules(Effect.DENY)).extracting(AuthorityTable.Rule::id)
                    .containsExactly("no-refunds-on-gift-cards");
            assertThat(table.rules(Effect.REQUIRE)).extracting(AuthorityTable.Rule::id)
                    .containsExactly("high-severity-refunds-need-a-manager", "frequent-voucher-takers");
        }

        @Test
        void shows_expressions_as_written_and_the_values_matchers_compare_with() {
            AuthorityTable table = COFFEE.authority();

            assertThat(table.rules(Effect.SWAT).get(0).condition())
                    .isEqualTo("impact.socialReach >= 10000 || impact.legalThreat");
            assertThat(table.rules(Effect.GRANT).get(0).values())
                    .isEqualTo(Map.of("customer.tier", List.of("GOLD", "PLATINUM")));
            assertThat(table.rules(Effect.DENY).get(0).values()).isEqualTo(Map.of("category", List.of("gift-card")));
            assertThat(table.rules().get(table.rules().size() - 1).enabled()).isFalse();
        }

        @Test
        void returns_the_same_table_from_a_policy_with_a_listener() {
            assertThat(COFFEE.withListener((c, d) -> { }).authority()).isSameAs(COFFEE.authority());
        }
    }

    @Nested
    @DisplayName("computed limits")
    class Computed {

        final Policy policy = EntitlementTests.withRules("""
                - id: per-day-late
                  when: { attributes.daysLate: { above: 2 } }
                  remedies: [compensation]
                  entitled: "12 * attributes.daysLate"
                  because: The scheme pays 12 for each day late
                - id: agent-refunds-what-was-paid
                  remedies: [refund]
                  grant: { role: agent, upTo: "attributes.paid" }
                  because: An agent may refund what the customer paid
                """);

        @Test
        void describes_a_computed_authority_limit_by_its_expression_beside_its_constant_bound() {
            AuthorityTable.Remedy refund = policy.authority().remedy("refund").orElseThrow();

            assertThat(refund.role("agent").computed()).isNull();
            assertThat(refund.role("supervisor").computed()).isEqualTo("attributes.paid");
            assertThat(refund.role("supervisor").perGrant()).isEqualTo(Limit.zero());
            assertThat(refund.role("supervisor").perGrantText()).isEqualTo("attributes.paid");
        }

        @Test
        void gives_a_computed_limit_as_a_limit_of_its_own_kind_never_as_a_zero_that_stands_for_it() {
            AuthorityTable.Role supervisor = policy.authority().remedy("refund").orElseThrow().role("supervisor");
            AuthorityEntry entry = ModelledPolicy.of(policy).model().authority().get("refund")[1];

            assertThat(supervisor.computedLimit()).isEqualTo(Limit.computed("attributes.paid"));
            assertThat(entry.perGrant().isComputed()).isTrue();
            assertThat(entry.perGrant()).hasToString("attributes.paid");
            assertThatThrownBy(() -> entry.perGrant().compareTo(Limit.zero()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("[attributes.paid]");
        }

        @Test
        void lists_computed_grants_and_entitlements_by_their_expressions() {
            AuthorityTable table = policy.authority();

            assertThat(table.remedy("compensation").orElseThrow().role("agent").grants()).containsExactly(
                    new AuthorityTable.Grant("per-day-late", "agent", null, "attributes.daysLate above [2]",
                            "The scheme pays 12 for each day late", "entitled to 12 * attributes.daysLate"));
            assertThat(table.remedy("refund").orElseThrow().role("supervisor").grants())
                    .extracting(AuthorityTable.Grant::upToText).containsExactly("attributes.paid");
            assertThat(table.rules(Effect.GRANT)).extracting(AuthorityTable.Rule::id, AuthorityTable.Rule::upToText,
                            AuthorityTable.Rule::entitlement)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("per-day-late", "12 * attributes.daysLate", true),
                            org.assertj.core.groups.Tuple.tuple("agent-refunds-what-was-paid", "attributes.paid", false));
        }

        @Test
        void describes_the_eu261_example_with_its_table_driven_entitlements() {
            Policy eu261 = Policies.load(Path.of("..", "examples", "policies", "eu261.yaml"));

            AuthorityTable.Remedy compensation = eu261.authority().remedy("compensation").orElseThrow();
            assertThat(compensation.role("agent").grants()).extracting(AuthorityTable.Grant::upToText)
                    .containsExactly("entitled to tables.band", "entitled to tables.band * 0.5");
        }
    }
}
