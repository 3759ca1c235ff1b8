package org.resolutionpolicy.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resolutionpolicy.model.source.Place;

/**
 * Says where a policy's header declares each of its names: the policy itself, each role of the ladder, each remedy,
 * each attribute, and {@code beyondAuthority}. Rules, authority entries and validities carry their own places; tools
 * that report about the header (the analysis: an unreachable role, a remedy no role may grant) point here rather
 * than reading the files again.
 *
 * @param policy where the policy is declared ({@code policy:}), or the first source when unknown
 * @param roles where each role is written in {@code roles:}
 * @param remedies where each remedy is declared in {@code remedies:}
 * @param attributes where each attribute is declared in {@code attributes:}
 * @param beyondAuthority where {@code beyondAuthority} is written, or null when the policy leaves it at its default
 */
public record Declarations(Place policy, Map<String, Place> roles, Map<String, Place> remedies,
                           Map<String, Place> attributes, Place beyondAuthority) {

    /** Creates the declarations, copying the maps in their order. */
    public Declarations {
        roles = copy(roles);
        remedies = copy(remedies);
        attributes = copy(attributes);
    }

    /** Returns declarations that know only the policy's place, for models built without a header's places. */
    public static Declarations only(Place policy) {
        return new Declarations(policy, Map.of(), Map.of(), Map.of(), null);
    }

    private static Map<String, Place> copy(Map<String, Place> places) {
        return places == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(places));
    }

    /** Returns where a role is declared, or the policy's place when unknown. */
    public Place role(String role) {
        return roles.getOrDefault(role, policy);
    }

    /** Returns where a remedy is declared, or the policy's place when unknown. */
    public Place remedy(String remedy) {
        return remedies.getOrDefault(remedy, policy);
    }
}
