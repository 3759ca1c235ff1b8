package org.resolutionpolicy.drools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.ReloadEvent;
import org.resolutionpolicy.model.ModelledPolicy;

/** A YAML+DRL policy reloads as one unit, and the revision it replaces releases its Drools sessions. */
class DrlReloadTests {

    private static final String HEADER = """
            policy: mixed
            version: "%s"
            roles: [agent, manager]
            remedies: { refund: { unit: money } }
            authority: { agent: { refund: 50 }, manager: { refund: 1000 } }
            """;

    private static final String RULES = """
            package test.rules;
            import org.resolutionpolicy.drools.ProposalFact;
            global org.resolutionpolicy.drools.Effects effects;
            rule "big-refunds"
            when
                ProposalFact( remedy == "refund", amount > %d )
            then
                effects.require(kcontext, "manager", "Big refunds need a manager");
            end
            """;

    @TempDir
    Path dir;

    private static Outcome.Kind refund(Policy policy, double amount) {
        CustomerCase c = CustomerCase.builder().id("C-1").severity("LOW").employee("agent").propose("refund", amount)
                .build();
        return policy.decide(c).proposals().get(0).outcome().kind();
    }

    @Test
    void yaml_and_drl_reload_as_one_unit_and_a_broken_drl_keeps_the_last_good() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), HEADER.formatted("1"));
        Files.writeString(dir.resolve("rules.drl"), RULES.formatted(30));
        // only reloadNow reloads here: a watcher could read rules.drl between its truncation and its write, and what
        // it served then (rules-free DRL, valid) would be "the last good" the assertions below speak of
        try (LivePolicy live = Policies.watch(dir).allowDrl().debounce(Duration.ofMinutes(1))
                .pollInterval(Duration.ofDays(1)).start()) {
            assertThat(refund(live, 40)).isEqualTo(Outcome.Kind.ESCALATE);

            Files.writeString(dir.resolve("rules.drl"), RULES.formatted(45));
            ReloadEvent drlOnly = live.reloadNow();
            assertThat(drlOnly.result()).isNotEqualTo(ReloadEvent.Result.FAILED);
            assertThat(refund(live, 40)).isEqualTo(Outcome.Kind.ALONE);
            assertThat(live.version()).isEqualTo("1");

            Files.writeString(dir.resolve("rules.drl"), RULES.formatted(45).replace("ProposalFact(", "ProposalFact( x"));
            ReloadEvent broken = live.reloadNow();
            assertThat(broken.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(broken.problems()).anySatisfy(p -> assertThat(p.source()).endsWith("rules.drl"));
            assertThat(refund(live, 40)).isEqualTo(Outcome.Kind.ALONE);

            Files.writeString(dir.resolve("policy.yaml"), HEADER.formatted("2"));
            Files.writeString(dir.resolve("rules.drl"), RULES.formatted(10));
            live.reloadNow();
            assertThat(live.version()).isEqualTo("2");
            assertThat(refund(live, 20)).isEqualTo(Outcome.Kind.ESCALATE);
        }
    }

    @Test
    void the_replaced_revision_releases_its_sessions_and_still_decides() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), HEADER.formatted("1"));
        Files.writeString(dir.resolve("rules.drl"), RULES.formatted(30));
        try (LivePolicy live = Policies.watch(dir).allowDrl().start()) {
            Policy old = live.current();
            refund(old, 40);
            DrlRules rules = (DrlRules) ModelledPolicy.of(old).model().external();
            assertThat(rules.idleSessions()).isEqualTo(1);

            Files.writeString(dir.resolve("rules.drl"), RULES.formatted(45));
            live.reloadNow();

            assertThat(rules.idleSessions()).isZero();
            // a decision that still holds the old snapshot finishes with a fresh session, disposed afterwards
            assertThat(refund(old, 40)).isEqualTo(Outcome.Kind.ESCALATE);
            assertThat(rules.idleSessions()).isZero();
        }
    }

    @Test
    void a_watched_policy_with_drl_does_not_start_without_the_opt_in() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), HEADER.formatted("1"));
        Files.writeString(dir.resolve("rules.drl"), RULES.formatted(30));

        assertThatThrownBy(() -> Policies.watch(dir).start().close())
                .isExactlyInstanceOf(PolicyException.class)
                .hasMessageContaining("rules.drl")
                .hasMessageContaining("PolicyWatch.allowDrl()");
    }

    @Test
    void a_reload_that_brings_drl_is_refused_without_the_opt_in_and_the_yaml_keeps_serving() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), HEADER.formatted("1"));
        try (LivePolicy live = Policies.watch(dir).debounce(Duration.ofMinutes(1)).pollInterval(Duration.ofDays(1)).start()) {
            String serving = live.revision();

            Files.writeString(dir.resolve("rules.drl"), RULES.formatted(30));
            ReloadEvent refused = live.reloadNow();

            assertThat(refused.result()).isEqualTo(ReloadEvent.Result.FAILED);
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).endsWith("rules.drl");
                assertThat(p.message()).contains("DRL source refused").contains("allowDrl()");
            });
            assertThat(live.revision()).isEqualTo(serving);
            assertThat(refund(live, 40)).isEqualTo(Outcome.Kind.ALONE);
        }
    }
}
