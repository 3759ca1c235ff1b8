package org.resolutionpolicy.engine.internal.model;

import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.engine.internal.support.WorkCalendar;

/**
 * Everything a compiled policy knows, checked and resolved: names to ranks, conditions to code.
 *
 * @param id the policy id
 * @param version the version
 * @param description the description, or empty
 * @param currency the currency of money remedies, or null
 * @param severities the severity scale, lowest first
 * @param roles the ladder, lowest first
 * @param swatTeam the SWAT team, or null
 * @param beyond what happens beyond every role's authority
 * @param attributes the declared attributes and their types
 * @param remedies the remedies and their units, in declaration order
 * @param authority per remedy, the entry of each role by rank (null where a role has none of its own)
 * @param rules every YAML rule, disabled ones included, in file order
 * @param external rules from other sources (DRL), or null
 * @param calendar the business calendar of {@code P7BD} periods and {@code businessDaysBetween}
 * @param validity when this version of the policy is in force ({@code validFrom}, {@code validUntil}), or null
 *                 when it does not say
 */
public record PolicyModel(String id, String version, String description, String currency, List<String> severities,
                          List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                          Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                          ExternalRules external, WorkCalendar calendar, Validity validity) {

    /** Creates a model on the default calendar (Monday to Friday, no holidays). */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, WorkCalendar.DEFAULT, null);
    }

    /** Returns the same model with rules from another source. */
    public PolicyModel withExternal(ExternalRules rules) {
        return new PolicyModel(id, version, description, currency, severities, roles, swatTeam, beyond, attributes,
                remedies, authority, this.rules, rules, calendar, validity);
    }

    /** Returns the rank of a role, or -1. */
    public int roleRank(String role) {
        return roles.indexOf(role);
    }

    /** Returns the rank of a severity, or -1. */
    public int severityRank(String severity) {
        return severities.indexOf(severity);
    }
}
