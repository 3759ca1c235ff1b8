package org.resolutionpolicy.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Knows every fact path of a policy: the fixed case model plus the policy's declared attributes.
 *
 * <p>The same names serve matchers and expressions; an unknown path is a load error, never a silent false.
 */
public final class FactCatalog {

    private final Map<String, FactPath> paths = new LinkedHashMap<>();

    /**
     * Creates the catalog for a policy.
     *
     * @param attributes the declared attributes and their types
     */
    public FactCatalog(Map<String, FactType> attributes) {
        builtIn("severity", FactType.SEVERITY, FactPath.BuiltIn.SEVERITY);
        builtIn("category", FactType.STRING, FactPath.BuiltIn.CATEGORY);
        builtIn("channel", FactType.STRING, FactPath.BuiltIn.CHANNEL);
        builtIn("openedAt", FactType.DATETIME, FactPath.BuiltIn.OPENED_AT);
        builtIn("customer.id", FactType.STRING, FactPath.BuiltIn.CUSTOMER_ID);
        builtIn("customer.tier", FactType.STRING, FactPath.BuiltIn.TIER);
        builtIn("customer.lifetimeValue", FactType.NUMBER, FactPath.BuiltIn.LIFETIME_VALUE);
        builtIn("customer.history", FactType.HISTORY, FactPath.BuiltIn.HISTORY);
        builtIn("impact.outOfPocket", FactType.NUMBER, FactPath.BuiltIn.OUT_OF_POCKET);
        builtIn("impact.affectedCustomers", FactType.NUMBER, FactPath.BuiltIn.AFFECTED_CUSTOMERS);
        builtIn("impact.socialReach", FactType.NUMBER, FactPath.BuiltIn.SOCIAL_REACH);
        builtIn("impact.legalThreat", FactType.BOOLEAN, FactPath.BuiltIn.LEGAL_THREAT);
        builtIn("impact.safetyIssue", FactType.BOOLEAN, FactPath.BuiltIn.SAFETY_ISSUE);
        builtIn("impact.regulatorInvolved", FactType.BOOLEAN, FactPath.BuiltIn.REGULATOR_INVOLVED);
        builtIn("employee.role", FactType.ROLE, FactPath.BuiltIn.ROLE);
        builtIn("employee.id", FactType.STRING, FactPath.BuiltIn.EMPLOYEE_ID);
        attributes.forEach((name, type) -> paths.put("attributes." + name, FactPath.attribute("attributes." + name,
                type, name)));
        paths.put("remedy", FactPath.builtIn("remedy", FactType.REMEDY, FactPath.BuiltIn.REMEDY, true));
        paths.put("amount", FactPath.builtIn("amount", FactType.NUMBER, FactPath.BuiltIn.AMOUNT, true));
        // the case's running total and count of the proposal's remedy, as its authority counts them (issue 33)
        paths.put("total", FactPath.builtIn("total", FactType.NUMBER, FactPath.BuiltIn.TOTAL, true));
        paths.put("count", FactPath.builtIn("count", FactType.NUMBER, FactPath.BuiltIn.COUNT, true));
    }

    private void builtIn(String name, FactType type, FactPath.BuiltIn fact) {
        paths.put(name, FactPath.builtIn(name, type, fact, false));
    }

    /**
     * Adds a fact the policy defines from other facts (a named condition or value, a decision table); called while
     * loading, before any condition that reads it is compiled.
     *
     * @param name the path, e.g. {@code tables.band}
     * @param perProposal true if computing it reads {@code remedy} or {@code amount}
     * @return the new path
     */
    public FactPath define(String name, FactType type, Derivation derivation, boolean perProposal) {
        FactPath path = new FactPath(name, type, derivation, perProposal);
        paths.put(name, path);
        return path;
    }

    /**
     * Adds a fact another policy defines, with its definition as that policy compiled it: for conditions written
     * about that policy (guarantees), which read its {@code named.*} and {@code tables.*} facts as its rules do.
     */
    public void adopt(FactPath defined) {
        paths.put(defined.name(), defined);
    }

    /** Returns the facts the policy defines from other facts (definitions and tables), by name, in order. */
    public Map<String, FactPath> defined() {
        Map<String, FactPath> out = new LinkedHashMap<>();
        paths.forEach((name, path) -> {
            if (path.derivation() != null) {
                out.put(name, path);
            }
        });
        return out;
    }

    /** Returns the path, or null if the policy does not know it. */
    public FactPath find(String name) {
        return paths.get(name);
    }

    /** Returns every known path name, for hints. */
    public List<String> names() {
        return new ArrayList<>(paths.keySet());
    }
}
