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
                .contains("data-tier=\"&quot;&gt;&lt;script&gt;");
        // one script only: the page's own
        assertThat(html.split("<script>", -1)).hasSize(2);
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
