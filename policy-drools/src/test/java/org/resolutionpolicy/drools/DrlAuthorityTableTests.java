package org.resolutionpolicy.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.AuthorityTable.Rule.Effect;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/** DRL and mixed policies describe their authority as far as their sources tell without deciding a case. */
class DrlAuthorityTableTests {

    static final Path DRL = Path.of("..", "examples", "policies", "drl");
    static final Policy YAML = Policies.load(Path.of("..", "examples", "policies", "coffee-shop.yaml"));

    @Test
    void a_drl_policy_has_the_same_limits_as_its_yaml_twin() {
        Policy drl = Policies.load(DRL.resolve("coffee-shop"));

        assertThat(drl.authority().remedies()).isEqualTo(YAML.authority().remedies().stream()
                .map(r -> new AuthorityTable.Remedy(r.remedy(), r.unit(), r.roles().stream()
                        .map(role -> new AuthorityTable.Role(role.role(), role.perGrant(), role.limitFrom(),
                                role.perCustomer(), role.beyond(), drl.authority().remedy(r.remedy()).orElseThrow()
                                .role(role.role()).grants()))
                        .toList()))
                .toList());
        assertThat(drl.authority().beyond()).isEqualTo(YAML.authority().beyond());
    }

    @Test
    void reads_the_effects_of_drl_rules_from_their_consequences() {
        Policy drl = Policies.load(DRL.resolve("coffee-shop"));
        AuthorityTable table = drl.authority();

        assertThat(table.rules()).extracting(AuthorityTable.Rule::id).containsExactlyInAnyOrderElementsOf(drl.ruleIds());
        assertThat(table.rules()).extracting(AuthorityTable.Rule::id, AuthorityTable.Rule::effect)
                .containsExactlyElementsOf(YAML.authority().rules().stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.effect())).toList());
        AuthorityTable.Rule gold = table.rules(Effect.GRANT).get(0);
        assertThat(gold.role()).isEqualTo("barista");
        assertThat(gold.upTo()).isEqualTo(Limit.of(20));
        assertThat(gold.remedies()).containsExactly("voucher");
        assertThat(gold.condition()).startsWith("DRL: CaseFact( customerTier in (\"GOLD\", \"PLATINUM\") )");
        assertThat(gold.values()).isEqualTo(java.util.Map.of("customer.tier", List.of("GOLD", "PLATINUM")));
        assertThat(table.rules(Effect.DENY).get(0).values())
                .isEqualTo(java.util.Map.of("category", List.of("gift-card")));
        assertThat(gold.because()).isEqualTo("Gold and Platinum members may get a voucher up to $20 at the counter");
        AuthorityTable.Rule safety = table.rules(Effect.SWAT).stream().filter(r -> r.id().equals("safety-first"))
                .findFirst().orElseThrow();
        assertThat(safety.followUp().action()).isEqualTo("incident-report");
        assertThat(table.rules().get(table.rules().size() - 1).enabled()).isFalse();
    }

    @Test
    void the_barista_voucher_limit_lists_the_drl_grant_that_raises_it() {
        Policy drl = Policies.load(DRL.resolve("coffee-shop"));

        assertThat(drl.authority().remedy("voucher").orElseThrow().role("barista").grants())
                .extracting(AuthorityTable.Grant::rule, AuthorityTable.Grant::upTo)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gold-members-get-more-latitude", Limit.of(20)));
    }

    @Test
    void a_mixed_policy_describes_its_yaml_rules_in_words_and_its_drl_rules_as_written() {
        Policy mixed = Policies.load(DRL.resolve("coffee-shop-mixed"));

        List<AuthorityTable.Rule> rules = mixed.authority().rules();
        assertThat(rules).extracting(AuthorityTable.Rule::id).containsExactlyInAnyOrderElementsOf(mixed.ruleIds());
        assertThat(rules).anyMatch(r -> r.condition().startsWith("DRL: "))
                .anyMatch(r -> !r.condition().startsWith("DRL: "));
    }

    @Test
    void a_consequence_that_computes_its_arguments_is_described_as_unknown() {
        String drl = """
                package t;
                import org.resolutionpolicy.drools.CaseFact;
                global org.resolutionpolicy.drools.Effects effects;
                rule "computed"
                when
                    CaseFact( )
                then
                    String role = "shift-" + "lead";
                    effects.require(kcontext, role, "computed");
                end
                """;
        String yaml = """
                policy: t
                version: "1"
                roles: [barista, shift-lead]
                remedies: { voucher: { unit: money } }
                authority: { barista: { voucher: 10 } }
                """;
        Policy policy = Policies.compile(List.of(PolicySource.of("t.yaml", yaml), PolicySource.of("t.drl", drl)));

        assertThat(policy.authority().rules()).singleElement()
                .satisfies(r -> assertThat(r.effect()).isEqualTo(Effect.UNKNOWN))
                .satisfies(r -> assertThat(r.role()).isNull());
    }
}
