package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.Impact;

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
        add("openedAt", FactType.DATETIME, f -> f.customerCase().openedAt());
        add("customer.id", FactType.STRING, f -> customer(f).id());
        builtIn("customer.tier", FactType.STRING, FactPath.BuiltIn.TIER);
        add("customer.lifetimeValue", FactType.NUMBER, f -> customer(f).lifetimeValue());
        add("customer.history", FactType.HISTORY, f -> customer(f).history().isEmpty() ? null : customer(f).history());
        add("impact.outOfPocket", FactType.NUMBER, f -> impact(f).outOfPocket());
        add("impact.affectedCustomers", FactType.NUMBER, f -> number(impact(f).affectedCustomers()));
        add("impact.socialReach", FactType.NUMBER, f -> number(impact(f).socialReach()));
        add("impact.legalThreat", FactType.BOOLEAN, f -> impact(f).legalThreat());
        add("impact.safetyIssue", FactType.BOOLEAN, f -> impact(f).safetyIssue());
        add("impact.regulatorInvolved", FactType.BOOLEAN, f -> impact(f).regulatorInvolved());
        builtIn("employee.role", FactType.ROLE, FactPath.BuiltIn.ROLE);
        add("employee.id", FactType.STRING, f -> f.customerCase().employee().id());
        attributes.forEach((name, type) -> add("attributes." + name, type, f -> f.attribute(name)));
        paths.put("remedy", FactPath.builtIn("remedy", FactType.REMEDY, FactPath.BuiltIn.REMEDY, true));
        paths.put("amount", FactPath.builtIn("amount", FactType.NUMBER, FactPath.BuiltIn.AMOUNT, true));
    }

    private void builtIn(String name, FactType type, FactPath.BuiltIn fact) {
        paths.put(name, FactPath.builtIn(name, type, fact, false));
    }

    private void add(String name, FactType type, java.util.function.Function<Facts, Object> accessor) {
        paths.put(name, new FactPath(name, type, accessor, false));
    }

    private static Customer customer(Facts f) {
        return f.customerCase().customer();
    }

    private static Impact impact(Facts f) {
        return f.customerCase().impact();
    }

    private static BigDecimal number(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
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
