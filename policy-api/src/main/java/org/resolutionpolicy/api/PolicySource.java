package org.resolutionpolicy.api;

import java.util.Locale;
import java.util.Objects;

/**
 * Holds the text of one policy file and the name used for it in messages.
 *
 * @param name the file name or other label shown in problems, e.g. {@code policies/coffee.yaml}
 * @param text the content
 */
public record PolicySource(String name, String text) {

    /** The kinds of policy source, told apart by the name's extension. */
    public enum Kind {
        /** A YAML policy (anything not ending in {@code .drl}). */
        YAML,
        /** A Drools DRL file. */
        DRL
    }

    /**
     * Creates a source.
     *
     * @throws NullPointerException if name or text is null
     */
    public PolicySource {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }

    /** Returns a source. */
    public static PolicySource of(String name, String text) {
        return new PolicySource(name, text);
    }

    /** Returns {@link Kind#DRL} for names ending in {@code .drl}, else {@link Kind#YAML}. */
    public Kind kind() {
        return name.toLowerCase(Locale.ROOT).endsWith(".drl") ? Kind.DRL : Kind.YAML;
    }
}
