package org.resolutionpolicy.report;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds one element: its attributes, escaped, then its content. Obtained from {@link Html#tag(String)}; not
 * thread-safe (a builder), and {@link #html()} gives the immutable result.
 *
 * <p>Event-handler attributes ({@code onclick}...) are refused: a page's behaviour lives in its one inline script,
 * so that no attribute value can ever become code.
 */
public final class Tag {

    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "meta", "col", "wbr");
    /** Attributes that take a URL: a page is self-contained and links nowhere. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink");

    private final String name;
    private final StringBuilder attributes = new StringBuilder();
    private final StringBuilder content = new StringBuilder();

    Tag(String name) {
        this.name = name;
    }

    /**
     * Adds an attribute; its value is escaped.
     *
     * @throws IllegalArgumentException if the name is not a plain attribute name, is an event handler
     *         ({@code on...}) or takes a URL
     * @throws NullPointerException if the value is null
     */
    public Tag attr(String attribute, String value) {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches() || attribute.startsWith("on")
                || URL_ATTRIBUTES.contains(attribute)) {
            throw new IllegalArgumentException("not an attribute this kit writes: [" + attribute + "]");
        }
        if (value == null) {
            throw new NullPointerException("value of attribute [" + attribute + "] must not be null");
        }
        attributes.append(' ').append(attribute).append("=\"").append(Html.escape(value)).append('"');
        return this;
    }

    /** Adds an attribute without a value, such as {@code hidden}, when {@code on} is true. */
    public Tag flag(String attribute, boolean on) {
        if (on) {
            attr(attribute, "");
        }
        return this;
    }

    /** Sets the {@code class} attribute. */
    public Tag cls(String classes) {
        return attr("class", classes);
    }

    /** Adds content. */
    public Tag add(Html child) {
        content.append(child.markup());
        return this;
    }

    /** Adds text, escaped. */
    public Tag add(String text) {
        return add(Html.text(text));
    }

    /** Adds every fragment. */
    public Tag addAll(Iterable<Html> children) {
        children.forEach(this::add);
        return this;
    }

    /**
     * Returns the element.
     *
     * @throws IllegalStateException if a void element (such as {@code br}) was given content
     */
    public Html html() {
        if (VOID.contains(name)) {
            if (content.length() > 0) {
                throw new IllegalStateException("element [" + name + "] takes no content");
            }
            return Html.trusted("<" + name + attributes + ">");
        }
        return Html.trusted("<" + name + attributes + ">" + content + "</" + name + ">");
    }
}
