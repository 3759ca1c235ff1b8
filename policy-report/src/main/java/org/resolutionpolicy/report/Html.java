package org.resolutionpolicy.report;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Holds a piece of HTML that is safe to put into a page: text is escaped when it becomes HTML, and elements are
 * built with {@link #tag(String)}, whose attribute values are escaped too. Policy text (a rule's {@code because},
 * a description, a role name) is untrusted: it only ever enters a page through {@link #text(String)} or an
 * attribute value, so it can never open an element or a script.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * Html cell = Html.tag("td").attr("data-role", role).add(because).html();
 * }</pre>
 */
public final class Html {

    private static final Html EMPTY = new Html("");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Returns the empty fragment. */
    public static Html empty() {
        return EMPTY;
    }

    /**
     * Returns text as HTML: {@code & < > " '} become character references.
     *
     * @throws NullPointerException if text is null
     */
    public static Html text(String text) {
        return new Html(escape(Objects.requireNonNull(text, "text must not be null")));
    }

    /**
     * Starts an element.
     *
     * @param name the element name, lower case letters and digits; not {@code script} or {@code style}, which only
     *             {@link HtmlPage} writes
     * @throws IllegalArgumentException if the name is not a plain element name, or names a script or style
     */
    public static Tag tag(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals("script") || name.equals("style")) {
            throw new IllegalArgumentException("not an element this kit writes: [" + name + "]");
        }
        return new Tag(name);
    }

    /** Returns the fragments one after the other. */
    public static Html concat(List<Html> parts) {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.markup));
        return new Html(b.toString());
    }

    /** Returns the fragments one after the other. */
    public static Html concat(Html... parts) {
        return concat(List.of(parts));
    }

    /**
     * Returns text with {@code & < > " '} replaced by character references, for element content and attribute
     * values alike.
     */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Returns markup this package made itself (element syntax around escaped content). */
    static Html trusted(String markup) {
        return new Html(markup);
    }

    /** Returns the markup. */
    public String markup() {
        return markup;
    }

    /** Returns the markup. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Html h && h.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
