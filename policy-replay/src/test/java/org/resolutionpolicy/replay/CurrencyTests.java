package org.resolutionpolicy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;

/**
 * A report says the currency of its money: the policy's, or the one the cases state when the policy names none.
 * Amounts in two currencies are never added into one sum: a history that mixes them under a policy that names no
 * currency has no report, and two policies in different currencies cannot be compared.
 */
class CurrencyTests {

    private static Policy shop(String currency, String version) {
        return Policies.compile(List.of(PolicySource.of("shop-" + version + ".yaml", "policy: shop\n"
                + "version: \"" + version + "\"\n"
                + (currency == null ? "" : "currency: " + currency + "\n")
                + "roles: [clerk, manager]\n"
                + "remedies:\n  refund: { unit: money }\n  apology: { unit: none }\n"
                + "authority:\n  clerk: { refund: " + ("1".equals(version) ? 50 : 100) + ", apology: unlimited }\n"
                + "  manager: { refund: 500 }\n")));
    }

    /** A line of a case with one refund, stating the case's currency and the proposal's when not null. */
    private static String line(String id, int amount, String caseCurrency, String proposalCurrency) {
        return "{\"id\": \"" + id + "\", \"severity\": \"LOW\", \"employee\": {\"role\": \"clerk\"}"
                + (caseCurrency == null ? "" : ", \"currency\": \"" + caseCurrency + "\"")
                + ", \"proposals\": [{\"remedy\": \"refund\", \"amount\": " + amount
                + (proposalCurrency == null ? "" : ", \"currency\": \"" + proposalCurrency + "\"") + "}"
                + (id.equals("C-2") ? ", {\"remedy\": \"apology\"}" : "") + "]}\n";
    }

    private static ReplayReport replay(Policy policy, int threads, String... lines) {
        return Replay.of(policy).threads(threads).run(ReplayTests.history(String.join("", lines)));
    }

    @Test
    void a_replay_reports_its_money_in_the_policys_currency() {
        ReplayReport r = replay(shop("EUR", "1"), 1, line("C-1", 30, null, null), line("C-2", 80, "EUR", null));

        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.remedies().get(0).money().get(Outcome.Kind.ALONE)).isEqualByComparingTo("30");
    }

    @Test
    void under_a_policy_without_currency_the_report_is_in_the_one_the_cases_state() {
        ReplayReport stated = replay(shop(null, "1"), 2, line("C-1", 30, "EUR", null), line("C-2", 80, null, "EUR"),
                line("C-3", 10, "EUR", "EUR"));
        ReplayReport unstated = replay(shop(null, "1"), 2, line("C-1", 30, null, null), line("C-2", 80, null, null));

        assertThat(stated.currency()).isEqualTo("EUR");
        assertThat(unstated.currency()).isNull();
    }

    @Test
    void a_history_in_two_currencies_under_a_policy_without_one_is_refused_never_summed() {
        for (int threads : new int[] {1, 3}) {
            assertThatThrownBy(() -> replay(shop(null, "1"), threads, line("C-1", 30, "EUR", null),
                    line("C-2", 80, "USD", null), line("C-3", 20, "EUR", null), line("C-4", 5, null, "USD")))
                    .isInstanceOf(HistoryException.class)
                    .satisfies(e -> assertThat(((HistoryException) e).mixedCurrencies()).isTrue())
                    .hasMessage("the money amounts of history [history.jsonl] are in more than one currency and the "
                            + "policy names none: [EUR] in 2 proposals (first line 1, case C-1), [USD] in 2 proposals "
                            + "(first line 2, case C-2); amounts are never converted, so they cannot be added up: "
                            + "give the policy a currency, or replay the cases of each currency apart");
        }
    }

    @Test
    void amounts_with_a_currency_and_amounts_without_one_are_not_added_up_either() {
        assertThatThrownBy(() -> replay(shop(null, "1"), 2, line("C-1", 30, null, null), line("C-2", 80, "USD", null)))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("no currency stated in 1 proposal (first line 1, case C-1), [USD] in 1 proposal");
    }

    @Test
    void a_case_in_another_currency_than_the_policys_is_a_bad_line_and_the_rest_is_reported_in_the_policys() {
        ReplayReport r = Replay.of(shop("EUR", "1")).onBadLine(BadLines.SKIP).run(ReplayTests.history(
                line("C-1", 30, "EUR", null) + line("C-2", 80, "USD", null)));

        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.skippedLines()).isEqualTo(1);
        assertThat(r.remedies().get(0).money().get(Outcome.Kind.ALONE)).isEqualByComparingTo("30");
    }

    @Test
    void a_diff_reports_its_money_in_the_currency_either_policy_names() {
        DiffReport d = Diff.of(shop(null, "1"), shop("EUR", "2")).run(ReplayTests.history(line("C-1", 80, null, null)));

        assertThat(d.currency()).isEqualTo("EUR");
        assertThat(d.money().get(0).newlyAlone()).isEqualByComparingTo(BigDecimal.valueOf(80));
    }

    @Test
    void two_policies_in_different_currencies_cannot_be_compared() {
        assertThatThrownBy(() -> Diff.of(shop("USD", "1"), shop("EUR", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the policy before the edit, shop 1, is in [USD] and the one after it, shop 2, in [EUR]: "
                        + "amounts are never converted, so their money cannot be compared; give both the same currency");
        assertThatThrownBy(() -> DiffCounter.of(shop("USD", "1"), shop("EUR", "2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_diff_over_a_history_in_two_currencies_is_refused_when_neither_policy_names_one() {
        assertThatThrownBy(() -> Diff.of(shop(null, "1"), shop(null, "2")).threads(2).run(ReplayTests.history(
                line("C-1", 30, "EUR", null) + line("C-2", 80, "USD", null))))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining("[EUR] in 1 proposal (first line 1, case C-1), [USD] in 1 proposal (first line 2, "
                        + "case C-2)");
    }

    @Test
    void counts_of_two_parts_in_different_currencies_add_up_but_report_an_error() {
        Policy policy = shop(null, "1");
        ReplayCounter eur = ReplayCounter.of(policy, Granularity.WEEK);
        eur.decide(1, org.resolutionpolicy.api.CustomerCase.builder().id("C-1").severity("LOW").employee("E", "clerk")
                .currency("EUR").propose("refund", 10).build());
        ReplayCounter usd = ReplayCounter.of(policy, Granularity.WEEK);
        usd.decide(2, org.resolutionpolicy.api.CustomerCase.builder().id("C-2").severity("LOW").employee("E", "clerk")
                .currency("USD").propose("refund", 10).build());

        assertThat(eur.snapshot().report("part").currency()).isEqualTo("EUR");
        assertThatThrownBy(() -> eur.snapshot().plus(usd.snapshot()).report("both"))
                .isInstanceOf(HistoryException.class).hasMessageContaining("[EUR] in 1 proposal")
                .hasMessageContaining("[USD] in 1 proposal");
    }
}
