package org.resolutionpolicy.analysis.internal;

import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.source.Place;

/**
 * Says where a policy's header entries are written (a role in {@code roles:}, a remedy, an authority entry), as the
 * model keeps them from the policy's sources: the findings about the header point there.
 */
public final class Places {

    private final PolicyModel model;
    private final String fallback;

    private Places(PolicyModel model, String fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    /**
     * Returns the places of a model's header.
     *
     * @param fallback what to say for an entry whose place the model does not know (a policy built by hand)
     */
    public static Places of(PolicyModel model, String fallback) {
        return new Places(model, fallback);
    }

    /** Returns where a role of the ladder is written. */
    public String role(String role) {
        return shown(model.declarations().roles().get(role));
    }

    /** Returns where a remedy is declared. */
    public String remedy(String remedy) {
        return shown(model.declarations().remedies().get(remedy));
    }

    /** Returns where a role's authority entry for a remedy is written. */
    public String authority(String role, String remedy) {
        AuthorityEntry[] entries = model.authority().get(remedy);
        int rank = model.roleRank(role);
        AuthorityEntry entry = entries == null || rank < 0 ? null : entries[rank];
        return shown(entry == null ? null : entry.place());
    }

    private String shown(Place place) {
        return place == null ? fallback : place.toString();
    }
}
