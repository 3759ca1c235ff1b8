package org.resolutionpolicy.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.value.WorkCalendar;

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
 * @param beyond what happens beyond every role's authority ({@code beyondAuthority}): a denial, the SWAT team or a
 *               role that approves
 * @param attributes the declared attributes and their types
 * @param remedies the remedies and their units, in declaration order
 * @param authority per remedy, the entry of each role by rank (null where a role has none of its own)
 * @param rules every YAML rule, disabled ones included, in file order
 * @param external rules from other sources (DRL), or null
 * @param calendar the business calendar of {@code P7BD} periods and {@code businessDaysBetween}
 * @param validity when this version of the policy is in force ({@code validFrom}, {@code validUntil}), or null
 *                 when it does not say
 * @param defined the facts the policy defines from other facts ({@code named.*}, {@code tables.*}), by name: what a
 *                condition written about the policy elsewhere (a guarantee) may read too
 * @param declarations where the header declares each name
 * @param rounding how the policy rounds money: quotients and computed amounts ({@code rounding:}, by default the
 *                 currency's minor unit, half to even)
 * @param time the zone and calendars cases are counted in ({@code timeZone:}, {@code calendars:}); by default UTC
 *             and {@code calendar}
 * @param severityScale the facts that put a case at a severity ({@code severityScale:}); {@link SeverityScale#NONE}
 *                      for a policy without one
 */
public record PolicyModel(String id, String version, String description, String currency, List<String> severities,
                          List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                          Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                          ExternalRules external, WorkCalendar calendar, Validity validity,
                          Map<String, FactPath> defined, Declarations declarations, Rounding rounding,
                          PolicyTime time, SeverityScale severityScale) {

    /**
     * Creates a model, copying the defined facts; a null rounding is the currency's, a null time UTC on calendar, a
     * null scale none.
     */
    public PolicyModel {
        if (time == null) {
            time = PolicyTime.of(calendar == null ? WorkCalendar.DEFAULT : calendar);
        }
        if (severityScale == null) {
            severityScale = SeverityScale.NONE;
        }
        defined = defined == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(defined));
        if (declarations == null) {
            declarations = Declarations.only(Place.of(id));
        }
        if (rounding == null) {
            rounding = Rounding.of(currency);
        }
    }

    /** Creates a model without a severity scale. */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external, WorkCalendar calendar, Validity validity,
                       Map<String, FactPath> defined, Declarations declarations, Rounding rounding, PolicyTime time) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, calendar, validity, defined, declarations, rounding, time, null);
    }

    /** Creates a model counted in UTC on its one calendar. */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external, WorkCalendar calendar, Validity validity,
                       Map<String, FactPath> defined, Declarations declarations, Rounding rounding,
                       SeverityScale severityScale) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, calendar, validity, defined, declarations, rounding, null, severityScale);
    }

    /** Creates a model counted in UTC on its one calendar, without a severity scale. */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external, WorkCalendar calendar, Validity validity,
                       Map<String, FactPath> defined, Declarations declarations, Rounding rounding) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, calendar, validity, defined, declarations, rounding, (PolicyTime) null, null);
    }

    /** Creates a model that rounds money as its currency does. */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external, WorkCalendar calendar, Validity validity,
                       Map<String, FactPath> defined, Declarations declarations) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, calendar, validity, defined, declarations, null, (PolicyTime) null, null);
    }

    /** Creates a model without the places of its header's declarations. */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external, WorkCalendar calendar, Validity validity,
                       Map<String, FactPath> defined) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, calendar, validity, defined, null, null, (PolicyTime) null, null);
    }

    /** Creates a model on the default calendar (Monday to Friday, no holidays). */
    public PolicyModel(String id, String version, String description, String currency, List<String> severities,
                       List<String> roles, String swatTeam, Beyond beyond, Map<String, FactType> attributes,
                       Map<String, RemedyUnit> remedies, Map<String, AuthorityEntry[]> authority, List<Rule> rules,
                       ExternalRules external) {
        this(id, version, description, currency, severities, roles, swatTeam, beyond, attributes, remedies, authority,
                rules, external, WorkCalendar.DEFAULT, null, Map.of(), null, null, (PolicyTime) null, null);
    }

    /** Returns the same model with rules from another source. */
    public PolicyModel withExternal(ExternalRules rules) {
        return new PolicyModel(id, version, description, currency, severities, roles, swatTeam, beyond, attributes,
                remedies, authority, this.rules, rules, calendar, validity, defined, declarations, rounding, time,
                severityScale);
    }

    /** Returns the rank of the role {@code beyondAuthority} escalates to, or -1 when it denies or goes to SWAT. */
    public int beyondRank() {
        return beyond.kind() == Beyond.Kind.ESCALATE ? roles.indexOf(beyond.role()) : -1;
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
