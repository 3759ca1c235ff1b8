package org.resolutionpolicy.engine.internal.mvel;

import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.expr.HelperKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactType;

class SandboxedExpressionTests {

    static final ExpressionContext CONTEXT = new ExpressionContext(new FactCatalog(Map.of("code", FactType.STRING)),
            List.of("LOW", "MEDIUM", "HIGH"), List.of("agent", "boss"), Set.of("refund", "voucher"), Set.of("voucher"));

    static Expr tree(String text) throws ExpressionException {
        return SandboxedExpression.compile(text, CONTEXT).tree();
    }

    @Nested
    @DisplayName("helpers say what they compute")
    class Helpers {

        @Test
        void history_count_names_its_remedy_and_window() throws ExpressionException {
            Expr.Binary b = (Expr.Binary) tree("history.count('refund', 'P30D') >= 3");

            Expr.Helper h = (Expr.Helper) b.left();
            assertThat(h.kind()).isEqualTo(new HelperKind.HistoryCount("refund", Period.ofDays(30)));
            assertThat(h.text()).isEqualTo("history.count('refund', 'P30D')");
            assertThat(h.type()).isEqualTo(FactType.NUMBER);
        }

        @Test
        void history_total_knows_what_an_amountless_grant_adds() throws ExpressionException {
            Expr.Binary units = (Expr.Binary) tree("history.total('voucher') > 2");
            Expr.Binary money = (Expr.Binary) tree("history.total('refund', 'PT48H') > 2");

            assertThat(((Expr.Helper) units.left()).kind())
                    .isEqualTo(new HelperKind.HistoryTotal("voucher", null, BigDecimal.ONE));
            assertThat(((Expr.Helper) money.left()).kind())
                    .isEqualTo(new HelperKind.HistoryTotal("refund", Duration.ofHours(48), BigDecimal.ZERO));
        }

        @Test
        void ranks_are_helpers_of_their_own_kind() throws ExpressionException {
            Expr.Binary b = (Expr.Binary) tree("severity.rank < employee.role.rank");

            assertThat(((Expr.Helper) b.left()).kind()).isInstanceOf(HelperKind.SeverityRank.class);
            assertThat(((Expr.Helper) b.right()).kind()).isInstanceOf(HelperKind.RoleRank.class);
        }

        @Test
        void text_tests_name_the_fact_and_the_needle() throws ExpressionException {
            FactCatalog facts = CONTEXT.facts();

            assertThat(((Expr.Helper) tree("category.startsWith('la')")).kind())
                    .isEqualTo(new HelperKind.StartsWith(facts.find("category"), "la"));
            assertThat(((Expr.Helper) tree("customer.tier.endsWith('LD')")).kind())
                    .isEqualTo(new HelperKind.EndsWith(facts.find("customer.tier"), "LD"));
            assertThat(((Expr.Helper) tree("attributes.code.contains('7')")).kind())
                    .isEqualTo(new HelperKind.Contains(facts.find("attributes.code"), "7"));
            assertThat(tree("attributes.code.contains('7')").type()).isEqualTo(FactType.BOOLEAN);
        }

        @Test
        void severity_at_least_is_a_comparison_with_a_rank_not_a_helper() throws ExpressionException {
            Expr.Binary b = (Expr.Binary) tree("severity.atLeast('MEDIUM')");

            assertThat(b.op()).isEqualTo(">=");
            assertThat(((Expr.FactRef) b.left()).path().name()).isEqualTo("severity");
            assertThat(((Expr.Literal) b.right()).value()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("per-proposal and amount thresholds come from the tree")
    class TreeFacts {

        @Test
        void a_condition_on_the_case_alone_serves_every_proposal() throws ExpressionException {
            SandboxedExpression e = SandboxedExpression.compile(
                    "severity.atLeast('HIGH') && history.total('refund') > 40 && category.contains('x')", CONTEXT);

            assertThat(e.perProposal()).isFalse();
            assertThat(e.amountThresholds()).isEmpty();
        }

        @Test
        void reading_the_remedy_or_testing_the_amount_for_presence_is_per_proposal() throws ExpressionException {
            assertThat(SandboxedExpression.compile("remedy == 'voucher'", CONTEXT).perProposal()).isTrue();
            assertThat(SandboxedExpression.compile("!(amount == null)", CONTEXT).perProposal()).isTrue();
        }

        @Test
        void thresholds_are_every_number_of_an_expression_that_reads_the_amount() throws ExpressionException {
            SandboxedExpression e = SandboxedExpression.compile(
                    "amount > 50 || -amount < -20.0 && impact.outOfPocket * 1.5 < amount && severity.rank >= 2.0",
                    CONTEXT);

            assertThat(e.perProposal()).isTrue();
            assertThat(e.amountThresholds()).extracting(BigDecimal::toPlainString)
                    .containsExactly("1.5", "2.0", "20.0", "50");
        }

        @Test
        void numbers_of_an_expression_without_the_amount_are_no_thresholds() throws ExpressionException {
            assertThat(SandboxedExpression.compile("impact.outOfPocket > 50", CONTEXT).amountThresholds()).isEmpty();
        }
    }

    @Nested
    @DisplayName("MVEL is the reference, not the runtime")
    class NoMvelAtRuntime {

        static final byte[] MVEL_PACKAGE = "org/mvel2".getBytes(StandardCharsets.UTF_8);

        @Test
        void no_main_class_of_the_engine_refers_to_mvel() throws IOException, URISyntaxException {
            Path classes = Path.of(SandboxedExpression.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> scanned = new ArrayList<>();
            List<String> referring = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    scanned.add(file.toString());
                    if (contains(Files.readAllBytes(file), MVEL_PACKAGE)) {
                        referring.add(classes.relativize(file).toString());
                    }
                }
            }

            assertThat(classes).isDirectory();
            assertThat(scanned).as("classes scanned in [" + classes + "]").hasSizeGreaterThan(30);
            assertThat(referring).as("main classes referring to org.mvel2").isEmpty();
        }

        @Test
        void the_scan_finds_a_reference_where_there_is_one() throws IOException {
            try (InputStream in = MvelOracle.class.getResourceAsStream("MvelOracle.class")) {
                assertThat(in).isNotNull();
                assertThat(contains(in.readAllBytes(), MVEL_PACKAGE)).isTrue();
            }
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
