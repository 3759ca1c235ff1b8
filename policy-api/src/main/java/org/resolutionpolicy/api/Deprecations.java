package org.resolutionpolicy.api;

/**
 * Converts the one vocabulary types ({@link Beyond}, {@link Window}) to the deprecated nested types that records of
 * this API still hold until those go. Not part of the public API.
 */
@SuppressWarnings({"deprecation", "removal"})
final class Deprecations {

    private Deprecations() {
    }

    /** Returns what {@code beyondAuthority} made of a proposal as an explanation held it, or null for none. */
    static Explanation.Beyond explanationBeyond(Beyond beyond) {
        if (beyond == null) {
            return null;
        }
        return switch (beyond.kind()) {
            case DENY -> new Explanation.Beyond(Explanation.Beyond.Kind.DENY, null);
            case SWAT -> new Explanation.Beyond(Explanation.Beyond.Kind.SWAT, null);
            case ESCALATE -> new Explanation.Beyond(Explanation.Beyond.Kind.ROLE, beyond.role());
            case NOTHING -> throw new IllegalArgumentException("beyondAuthority is deny, swat or a role, never nothing");
        };
    }
}
