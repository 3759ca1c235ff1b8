package org.resolutionpolicy.model;

import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.api.Outcome;

/**
 * Holds a rule's follow-up as declared.
 *
 * @param action what must happen
 * @param within the time it must happen within, parsed at load: a {@link java.time.Period} or a
 *               {@link java.time.Duration}; or null
 * @param owner the owning role, or null
 * @param when the outcomes it applies to, as written ({@code granted}, {@code alone}, {@code escalated},
 *             {@code swat}, {@code denied}); empty when it applies whatever the outcome
 */
public record FollowUpSpec(String action, TemporalAmount within, String owner, List<String> when) {

    /**
     * The outcome names a follow-up's {@code when} may use, and the outcomes each stands for: {@code granted} is
     * given now or once approved ({@code ALONE} or {@code ESCALATE}).
     */
    public static final Map<String, Set<Outcome.Kind>> OUTCOMES = outcomeNames();

    private static Map<String, Set<Outcome.Kind>> outcomeNames() {
        Map<String, Set<Outcome.Kind>> names = new LinkedHashMap<>();
        names.put("granted", EnumSet.of(Outcome.Kind.ALONE, Outcome.Kind.ESCALATE));
        names.put("alone", EnumSet.of(Outcome.Kind.ALONE));
        names.put("escalated", EnumSet.of(Outcome.Kind.ESCALATE));
        names.put("swat", EnumSet.of(Outcome.Kind.SWAT));
        names.put("denied", EnumSet.of(Outcome.Kind.DENIED));
        names.replaceAll((name, kinds) -> Set.copyOf(kinds));
        return java.util.Collections.unmodifiableMap(names);
    }

    /** Creates a follow-up, copying its outcomes. */
    public FollowUpSpec {
        when = when == null ? List.of() : List.copyOf(when);
    }

    /** Creates a follow-up that applies whatever the outcome. */
    public FollowUpSpec(String action, TemporalAmount within, String owner) {
        this(action, within, owner, List.of());
    }

    /** Returns true if the follow-up depends on the outcome of the proposals it is about. */
    public boolean onOutcome() {
        return !when.isEmpty();
    }

    /** Returns the outcomes the follow-up applies to: every kind when it says no {@code when}. */
    public Set<Outcome.Kind> outcomes() {
        return kinds(when);
    }

    /** Returns the outcomes some names stand for; every kind for none; unknown names add nothing. */
    public static Set<Outcome.Kind> kinds(Collection<String> names) {
        if (names.isEmpty()) {
            return EnumSet.allOf(Outcome.Kind.class);
        }
        Set<Outcome.Kind> kinds = EnumSet.noneOf(Outcome.Kind.class);
        names.forEach(n -> kinds.addAll(OUTCOMES.getOrDefault(n, Set.of())));
        return kinds;
    }
}
