package org.resolutionpolicy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.cli.PolicyCliTests.Run;

/**
 * {@code policy replay} and {@code policy diff} report money in its currency, and refuse to add amounts in different
 * currencies: a history that mixes them under a policy without one, and two policies in different currencies, are
 * bad input (exit 2), never a sum.
 */
class CurrencyCommandTests extends ShopFiles {

    /** The shop policy of {@link ShopFiles} with a currency, in a file of its own. */
    private Path inCurrency(Path policy, String currency) throws IOException {
        Path file = dir.resolve(currency + "-" + policy.getFileName());
        Files.writeString(file, Files.readString(policy).replaceFirst("\nroles:", "\ncurrency: " + currency + "\nroles:"));
        return file;
    }

    @Test
    void a_replay_and_a_diff_print_the_policys_currency_with_their_money() throws IOException {
        Path eur = inCurrency(shop, "EUR");

        Run replay = PolicyCliTests.run("replay", eur.toString(), "--history", history.toString());
        Run diff = PolicyCliTests.run("diff", eur.toString(), "--against", inCurrency(edited, "EUR").toString(),
                "--history", history.toString());

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("money per remedy (EUR):");
        assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
        assertThat(diff.out()).contains("money 100 EUR").contains("money that moves (EUR):");
    }

    @Test
    void a_history_in_two_currencies_under_a_policy_without_one_is_bad_input() throws IOException {
        Files.writeString(history, """
                {"id": "C-1", "severity": "LOW", "currency": "EUR", "employee": {"role": "clerk"}, "proposals": [{"remedy": "refund", "amount": 30}]}
                {"id": "C-2", "severity": "LOW", "currency": "USD", "employee": {"role": "clerk"}, "proposals": [{"remedy": "refund", "amount": 40}]}
                """);

        Run replay = PolicyCliTests.run("replay", shop.toString(), "--history", history.toString());
        Run diff = PolicyCliTests.run("diff", shop.toString(), "--against", edited.toString(), "--history",
                history.toString());

        for (Run r : new Run[] {replay, diff}) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("are in more than one currency and the policy names none: [EUR] in 1 proposal "
                    + "(first line 1, case C-1), [USD] in 1 proposal (first line 2, case C-2); amounts are never "
                    + "converted");
        }
    }

    @Test
    void a_diff_of_two_policies_in_different_currencies_is_bad_input() throws IOException {
        Run r = PolicyCliTests.run("diff", inCurrency(shop, "USD").toString(), "--against",
                inCurrency(edited, "EUR").toString(), "--history", history.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("is in [USD] and the one after it, shop 2, in [EUR]: amounts are never converted");
    }
}
