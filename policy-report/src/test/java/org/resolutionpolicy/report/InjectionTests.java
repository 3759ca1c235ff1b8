package org.resolutionpolicy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.resolutionpolicy.api.Policies;

/** Policy text is untrusted: whatever it says reaches a page as text, never as markup or code. */
class InjectionTests {

    /** A tier value that would close an attribute and open a script if it were not escaped. */
    static final String TIER = "\"><script>document.body.setAttribute('data-pwned','tier')</script>";

    static final String HOSTILE = """
            policy: hostile
            version: "1</title><script>document.body.setAttribute('data-pwned','version')</script>"
            description: "<img src=x onerror=\\"document.body.setAttribute('data-pwned','img')\\">"
            roles: [agent]
            remedies: { voucher: { unit: money } }
            authority: { agent: { voucher: 10 } }
            rules:
              - id: hostile-grant
                when: { customer.tier: ["%s"] }
                remedies: [voucher]
                grant: { role: agent, upTo: 50 }
                because: "</td></tr></table><script>document.body.setAttribute('data-pwned','because')</script>"
              - id: hostile-expression
                when: "attributes.note == '</li><iframe></iframe>'"
                deny: true
                because: "' onmouseover='document.body.setAttribute(1)"
            attributes: { note: string }
            """.formatted(TIER.replace("\"", "\\\""));

    @Test
    void the_page_holds_no_markup_from_the_policy() {
        String html = MatrixPage.of(Policies.parse(HOSTILE)).html();

        assertThat(html).doesNotContain("<script>document").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("' onmouseover='")
                .contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;")
                .contains("<option value=\"&quot;&gt;&lt;script&gt;");
        // one script only: the page's own
        assertThat(html.split("<script>", -1)).hasSize(2);
    }

    @Test
    void pages_without_a_script_allow_none_and_the_matrix_allows_its_own_by_hash_never_unsafe_inline()
            throws Exception {
        String replay = ReplayPage.of(ReportFixtures.replay()).html();
        String diff = DiffPage.of(ReportFixtures.diff()).html();
        String matrix = MatrixPage.of(Policies.parse(HOSTILE)).html();

        for (String page : java.util.List.of(replay, diff)) {
            assertThat(csp(page)).contains("default-src 'none'").contains("script-src 'none'")
                    .doesNotContain("unsafe-inline'; script").doesNotContain("script-src 'unsafe-inline'");
            assertThat(page).doesNotContain("<script");
        }
        String script = matrix.substring(matrix.indexOf("<script>") + "<script>".length(), matrix.indexOf("</script>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(csp(matrix)).contains("script-src 'sha256-" + hash + "'").doesNotContain("script-src 'unsafe-inline'")
                .contains("base-uri 'none'");
    }

    @Test
    void the_matrix_diff_page_holds_no_markup_from_either_policy_no_script_and_nothing_from_elsewhere() {
        String html = MatrixDiffPage.of(Policies.parse(HOSTILE),
                Policies.parse(HOSTILE.replace("upTo: 50", "upTo: 60"))).html();

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("' onmouseover='").doesNotContainPattern("(src|href)=\"")
                .doesNotContain("<link").contains("class=\"cell changed-cell\"");
        assertThat(csp(html)).contains("default-src 'none'").contains("script-src 'none'")
                .doesNotContain("unsafe-inline'; script");
    }

    /** Returns the page's Content-Security-Policy. */
    static String csp(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(page);
        assertThat(m.find()).as("a Content-Security-Policy").isTrue();
        return m.group(1);
    }

    @Test
    void the_element_builder_refuses_scripts_event_handlers_and_urls() {
        assertThatThrownBy(() -> Html.tag("script")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an element this kit writes: [script]");
        assertThatThrownBy(() -> Html.tag("td").attr("onclick", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an attribute this kit writes: [onclick]");
        assertThatThrownBy(() -> Html.tag("a").attr("href", "javascript:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HtmlPage.builder("t").script("x = '</script>'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void text_and_attribute_values_are_escaped() {
        Html html = Html.tag("td").attr("data-x", "a\"b'<c>&").add("<b>&amp;</b>").html();

        assertThat(html.markup()).isEqualTo("<td data-x=\"a&quot;b&#39;&lt;c&gt;&amp;\">&lt;b&gt;&amp;amp;&lt;/b&gt;</td>");
    }
}
