package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.Reason;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.ModelledPolicy;

/**
 * Whatever a tool needs of a policy (a decision without the authority's sentences, the model, the versions) is
 * reached from any {@link Policy}: compiled, live, of dated versions, from a registry, with listeners or wrapped.
 */
class PolicyViewsTests {

    static final Path COFFEE = Path.of("..", "examples", "policies", "coffee-shop.yaml");
    static final CustomerCase CASE = CustomerCase.builder().id("C-1").severity("HIGH").employee("barista")
            .propose("voucher", 15).propose("refund", 80).build();

    @Test
    void a_live_policy_decides_without_sentences_and_publishes_the_model_it_serves(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("coffee-shop.yaml");
        Files.copy(COFFEE, file);
        try (LivePolicy live = Policies.watch(file).start()) {
            assertSameOutcomes(live.decideWithoutSentences(CASE), live.decide(CASE));
            assertThat(ModelledPolicy.of(live)).isSameAs(live.current());
            assertThat(ModelledPolicy.of(live.withListener((c, d) -> { })).model().id()).isEqualTo("coffee-shop");
        }
    }

    @Test
    void a_registry_policy_and_a_policy_with_listeners_publish_their_model(@TempDir Path dir) throws Exception {
        Files.copy(COFFEE, dir.resolve("coffee-shop.yaml"));
        Policy fromRegistry = Policies.registry(dir).get("coffee-shop");

        assertThat(ModelledPolicy.of(fromRegistry).model().roles()).contains("barista", "shift-lead");
        assertThat(ModelledPolicy.of(fromRegistry.withListener((c, d) -> { })).model().id()).isEqualTo("coffee-shop");
        assertSameOutcomes(fromRegistry.decideWithoutSentences(CASE), fromRegistry.decide(CASE));
    }

    @Test
    void dated_versions_are_each_a_modelled_policy_and_decide_without_sentences_by_their_own_version() {
        Policy versions = PolicyVersionTests.versions(
                PolicyVersionTests.version("2025", "validFrom: 2025-04-01\nvalidUntil: 2026-04-01", 40),
                PolicyVersionTests.version("2026", "validFrom: 2026-04-01", 60));

        assertThat(ModelledPolicy.of(versions).versions()).extracting(Policy::version).containsExactly("2025", "2026");
        CustomerCase old = PolicyVersionTests.opened("2025-06-01T10:00:00Z", 50);
        assertSameOutcomes(versions.decideWithoutSentences(old), versions.decide(old));
        assertThat(versions.decideWithoutSentences(old).proposals().get(0).outcome().approver()).isEqualTo("supervisor");
    }

    @Test
    void a_wrapper_reaches_the_model_through_current_and_a_policy_of_another_engine_is_refused() {
        Policy compiled = Policies.load(COFFEE);
        Policy wrapper = new Wrapper(compiled);

        assertThat(ModelledPolicy.of(wrapper)).isSameAs(compiled);
        assertThat(wrapper.decideWithoutSentences(CASE)).isEqualTo(compiled.decide(CASE));
        assertThatThrownBy(() -> ModelledPolicy.of(new Wrapper(null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not publish its model");
    }

    /** Outcomes, approvers, rule ids and follow-ups are those of decide; only authority sentences may be empty. */
    private static void assertSameOutcomes(Decision brief, Decision full) {
        assertThat(brief.followUps()).isEqualTo(full.followUps());
        assertThat(brief.proposals()).hasSameSizeAs(full.proposals());
        for (int i = 0; i < full.proposals().size(); i++) {
            ProposalDecision b = brief.proposals().get(i);
            ProposalDecision f = full.proposals().get(i);
            assertThat(b.outcome()).isEqualTo(f.outcome());
            assertThat(b.reasons()).extracting(Reason::rule).isEqualTo(f.reasons().stream().map(Reason::rule).toList());
        }
    }

    /** A policy that wraps another, as an application's decorator would, and says so through current(). */
    private record Wrapper(Policy inner) implements Policy {
        @Override
        public Policy current() {
            return inner == null ? this : inner.current();
        }

        @Override
        public Decision decide(CustomerCase c) {
            return inner.decide(c);
        }

        @Override
        public Explanation explain(CustomerCase c) {
            return inner.explain(c);
        }

        @Override
        public Policy withListener(DecisionListener listener) {
            return new Wrapper(inner.withListener(listener));
        }

        @Override
        public String id() {
            return inner == null ? "foreign" : inner.id();
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<String> severities() {
            return List.of();
        }

        @Override
        public List<String> roles() {
            return List.of();
        }

        @Override
        public Map<String, RemedyUnit> remedies() {
            return Map.of();
        }

        @Override
        public Map<String, AttributeType> attributes() {
            return Map.of();
        }

        @Override
        public List<String> ruleIds() {
            return List.of();
        }

        @Override
        public List<Problem> warnings() {
            return List.of();
        }
    }
}
