package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * Renders matrix pages in headless Chromium and reads what a person would see from the DOM after the filter
 * script ran; each page also leaves a screenshot under {@code target/matrix/}. Skipped without Chromium, except on
 * CI (see {@link Chromium}).
 */
@DisplayName("matrix pages in a real browser")
class MatrixBrowserTests {

    static final Path EXAMPLES = Path.of("..", "examples", "policies");
    static final Path OUT = Path.of("target", "matrix");

    Chromium chromium;

    /** Each test asks, so that each is reported as skipped without Chromium rather than the class vanishing. */
    @BeforeEach
    void browser() {
        chromium = Chromium.require();
    }

    static Path page(Policy policy, String name) {
        Path file = OUT.resolve(name + ".html");
        MatrixPage.of(policy).write(file);
        return file;
    }

    /** Returns what a grid cell shows once the script ran: its {@code data-shown}. */
    static String shown(String dom, String remedy, String role, String severity) {
        Matcher m = Pattern.compile("<td[^>]*data-cell=\"" + Pattern.quote(remedy + "|" + role + "|" + severity)
                + "\"[^>]*data-shown=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("cell %s|%s|%s with data-shown in the DOM", remedy, role, severity).isTrue();
        return m.group(1);
    }

    @Test
    void the_coffee_shop_matrix_shows_the_barista_voucher_limit_and_the_gold_grant_when_filtered()
            throws IOException, InterruptedException {
        Path page = page(Policies.load(EXAMPLES.resolve("coffee-shop.yaml")), "coffee-shop");

        String plain = chromium.dumpDom(page, null);
        String gold = chromium.dumpDom(page, "tier=GOLD");
        String giftCard = chromium.dumpDom(page, "category=gift-card");

        assertThat(shown(plain, "voucher", "barista", "LOW")).isEqualTo("10; beyond: ESCALATE to shift-lead");
        assertThat(shown(gold, "voucher", "barista", "LOW")).isEqualTo("20; beyond: ESCALATE to shift-lead");
        assertThat(shown(plain, "refund", "store-manager", "LOW")).isEqualTo("200; beyond: ESCALATE to district-manager");
        assertThat(shown(giftCard, "refund", "district-manager", "CRITICAL")).isEqualTo("0; beyond: DENIED");
        assertThat(shown(plain, "apology", "barista", "LOW")).isEqualTo("unlimited");
        assertThat(shown(plain, "free-drink", "district-manager", "LOW")).isEqualTo("4; beyond: DENIED");
        assertThat(plain).contains("Gift-card balances are never refunded in cash")
                .contains("senior-management-call").contains("at most 30 in total per customer in P30D")
                .contains("<svg class=\"chart heat-map\"").contains("<svg class=\"chart stacked-bars\"");
        assertThat(chromium.screenshot(page, null, OUT.resolve("coffee-shop.png"), 1200, 1400)).isNotEmptyFile();
        // the README's picture (docs/images/matrix-coffee-shop.png is a copy of it)
        assertThat(chromium.screenshot(page, "tier=GOLD", OUT.resolve("matrix-coffee-shop.png"), 1260, 1600, 0.75))
                .isNotEmptyFile();
    }

    @Test
    void the_online_retailer_matrix_sends_what_no_manager_covers_to_the_director_and_filters_no_category()
            throws IOException, InterruptedException {
        Path page = page(Policies.load(EXAMPLES.resolve("online-retailer.yaml")), "online-retailer");

        String dom = chromium.dumpDom(page, null);
        String platinum = chromium.dumpDom(page, "tier=PLATINUM");

        assertThat(shown(dom, "refund", "manager", "LOW")).isEqualTo("2000; beyond: ESCALATE to director");
        assertThat(shown(dom, "refund", "agent", "CRITICAL")).isEqualTo("0; beyond: ESCALATE to manager");
        assertThat(shown(platinum, "voucher", "agent", "LOW")).isEqualTo("50; beyond: ESCALATE to supervisor");
        assertThat(dom).contains("id=\"filter-tier\"").doesNotContain("id=\"filter-category\"");
        assertThat(chromium.screenshot(page, null, OUT.resolve("online-retailer.png"), 1200, 1400)).isNotEmptyFile();
    }

    @Test
    void a_number_fact_filters_by_its_bands_and_two_facts_combine() throws IOException, InterruptedException {
        Path page = page(MatrixFiltersTests.POLICY, "bands");

        String plain = chromium.dumpDom(page, null);
        String middle = chromium.dumpDom(page, "attributes.itemPrice=" + encode("above 100 and below 500"));
        String top = chromium.dumpDom(page, "attributes.itemPrice=" + encode("at least 500"));
        String web = chromium.dumpDom(page, "channel=web&attributes.fragile=true");

        assertThat(shown(plain, "refund", "agent", "LOW")).isEqualTo("50; beyond: ESCALATE to supervisor");
        assertThat(shown(middle, "refund", "agent", "LOW")).isEqualTo("80; beyond: ESCALATE to supervisor");
        assertThat(shown(top, "refund", "agent", "LOW")).isEqualTo("200; beyond: ESCALATE to supervisor");
        assertThat(shown(web, "refund", "agent", "LOW")).isEqualTo("60; beyond: ESCALATE to supervisor");
        // the supervisor's cell is the same in every band
        assertThat(shown(top, "refund", "supervisor", "LOW")).isEqualTo("1000; beyond: DENIED");
        assertThat(chromium.screenshot(page, "attributes.itemPrice=" + encode("at least 500"),
                OUT.resolve("matrix-bands.png"), 1260, 900, 0.75)).isNotEmptyFile();
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void a_drl_policy_gets_the_same_cells_as_its_yaml_twin() throws IOException, InterruptedException {
        Path page = page(Policies.load(EXAMPLES.resolve("drl").resolve("coffee-shop")), "coffee-shop-drl");

        String dom = chromium.dumpDom(page, null);
        String gold = chromium.dumpDom(page, "tier=GOLD");

        assertThat(shown(dom, "voucher", "barista", "LOW")).isEqualTo("10; beyond: ESCALATE to shift-lead");
        assertThat(shown(gold, "voucher", "barista", "LOW")).isEqualTo("20; beyond: ESCALATE to shift-lead");
        assertThat(shown(dom, "refund", "barista", "HIGH")).isEqualTo("0; beyond: ESCALATE to shift-lead");
        assertThat(dom).contains("DRL: CaseFact( category == \"gift-card\" )");
    }

    @Test
    void policy_text_that_tries_to_inject_markup_stays_text() throws IOException, InterruptedException {
        Path page = page(Policies.parse(InjectionTests.HOSTILE), "hostile");

        String dom = chromium.dumpDom(page, null);
        String filtered = chromium.dumpDom(page, "tier=" + java.net.URLEncoder.encode(InjectionTests.TIER,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));

        // the text is there, escaped; no element of it is, and none of its scripts ran
        assertThat(dom).doesNotContainPattern("<body[^>]*data-pwned").doesNotContain("<img").doesNotContain("<iframe");
        assertThat(filtered).doesNotContainPattern("<body[^>]*data-pwned");
        assertThat(shown(filtered, "voucher", "agent", "LOW")).isEqualTo("50; beyond: DENIED");
        assertThat(dom).contains("&lt;script&gt;document.body.setAttribute('data-pwned'");
        assertThat(Files.readString(page)).doesNotContain("<script>document");
    }
}
