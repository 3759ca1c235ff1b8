package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/** A case may make at most a bounded number of proposals: more is refused, naming the field, never decided. */
class ProposalBoundTests {

    static final Path COFFEE = Path.of("..", "examples", "policies", "coffee-shop.yaml");

    static CustomerCase withProposals(int n) {
        CustomerCase.Builder b = CustomerCase.builder().id("C-1").severity("LOW").employee("barista");
        for (int i = 0; i < n; i++) {
            b.propose("voucher", 1);
        }
        return b.build();
    }

    @Test
    void a_case_beyond_the_default_bound_is_refused_before_it_is_decided() {
        Policy policy = Policies.load(COFFEE);

        assertThat(policy.decide(withProposals(LoadOptions.DEFAULT_MAX_PROPOSALS)).proposals())
                .hasSize(LoadOptions.DEFAULT_MAX_PROPOSALS);
        assertThatThrownBy(() -> policy.decide(withProposals(LoadOptions.DEFAULT_MAX_PROPOSALS + 1)))
                .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(e.problems())
                        .containsExactly(new CaseProblem("proposals", "[1001] proposals, more than the [1000] one "
                                + "case may make; split the case")));
    }

    @Test
    void the_bound_is_set_with_the_load_options() {
        Policy policy = Policies.loader(LoadOptions.builder().maxProposals(3).build()).load(List.of(COFFEE));

        assertThat(policy.decide(withProposals(3)).proposals()).hasSize(3);
        assertThatThrownBy(() -> policy.decide(withProposals(4))).isInstanceOf(InvalidCaseException.class)
                .hasMessageContaining("[4] proposals, more than the [3]");
        assertThatThrownBy(() -> LoadOptions.builder().maxProposals(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxProposals must be at least 1, was [0]");
    }

    @Test
    void a_case_read_from_text_is_refused_while_read_past_the_bound_with_the_field_named() {
        String json = "{\"severity\": \"LOW\", \"employee\": {\"role\": \"barista\"}, \"proposals\": ["
                + String.join(",", java.util.Collections.nCopies(5_000, "{\"remedy\": \"voucher\", \"amount\": 1}"))
                + "]}";

        assertThatThrownBy(() -> Cases.parse(json)).isInstanceOfSatisfying(InvalidCaseException.class,
                e -> assertThat(e.problems()).containsExactly(new CaseProblem("proposals",
                        "more than [1000] proposals in one case; split the case")));
        assertThatThrownBy(() -> Cases.parse(json.replace("{\"severity\"", "{\"id\": \"C-2\", \"severity\"")
                .replace("{\"remedy\": \"voucher\", \"amount\": 1}", "{remedy: voucher, amount: 1}")
                .replace("\"", "")))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("more than [1000] proposals");
    }
}
