package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** A run that decided nothing is an error, never a report of nothing changed. */
class NothingDecidedTests {

    /** The shop with its roles renamed: it refuses every case of the shop's history, whose employees it lacks. */
    static final Policy RENAMED = Policies.parse(ReplayTests.resource("shop.yaml").replace("clerk", "agent")
            .replace("manager", "supervisor").replace("director", "head"));

    @Test
    void a_diff_whose_edit_refuses_every_line_is_an_error_even_with_bad_lines_skipped() {
        assertThatThrownBy(() -> Diff.of(ReplayTests.SHOP, RENAMED).onBadLine(BadLines.SKIP)
                .run(ReplayTests.history(ReplayTests.HISTORY)))
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith("no line of history [history.jsonl] could be decided: all ")
                .hasMessageContaining("were refused; the first, line 1");
    }

    @Test
    void a_replay_that_refuses_every_line_is_an_error_and_one_that_decides_some_is_a_report() {
        assertThatThrownBy(() -> Replay.of(RENAMED).onBadLine(BadLines.SKIP)
                .run(ReplayTests.history(ReplayTests.HISTORY)))
                .isInstanceOf(HistoryException.class).hasMessageContaining("could be decided");

        ReplayReport some = Replay.of(ReplayTests.SHOP).onBadLine(BadLines.SKIP)
                .run(ReplayTests.history(ReplayTests.HISTORY + "{not json}\n"));
        assertThat(some.cases()).isPositive();
        assertThat(some.skippedLines()).isEqualTo(1);
    }
}
