package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.engine.internal.support.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.engine.internal.support.Hints;
import org.resolutionpolicy.engine.internal.support.Place;
import org.resolutionpolicy.engine.internal.support.Problems;
import org.resolutionpolicy.engine.internal.model.AuthorityEntry;
import org.resolutionpolicy.engine.internal.model.Beyond;
import org.resolutionpolicy.engine.internal.model.Condition;
import org.resolutionpolicy.engine.internal.model.Effect;
import org.resolutionpolicy.engine.internal.model.FactMatcher;
import org.resolutionpolicy.engine.internal.model.FactCatalog;
import org.resolutionpolicy.engine.internal.model.FactPath;
import org.resolutionpolicy.engine.internal.model.FactType;
import org.resolutionpolicy.engine.internal.model.FollowUpSpec;
import org.resolutionpolicy.engine.internal.model.PolicyModel;
import org.resolutionpolicy.engine.internal.model.Rule;
import org.resolutionpolicy.engine.internal.mvel.ExpressionContext;
import org.resolutionpolicy.engine.internal.mvel.ExpressionException;
import org.resolutionpolicy.engine.internal.mvel.SandboxedExpression;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML policy sources into a checked {@link PolicyModel}, recording every problem with its place.
 *
 * <p>One source holds the policy (it has a {@code policy:} key); further YAML sources may add {@code rules:}.
 * Reading never stops at the first problem: each section is read as far as it can be, so that one run shows
 * a policy owner everything to fix. The caller throws if any error was recorded; nothing half-read escapes.
 */
public final class PolicyReader {

    static final List<String> TOP_KEYS = List.of("policy", "version", "description", "currency", "severities",
            "roles", "swat", "beyondAuthority", "attributes", "remedies", "authority", "rules");
    static final List<String> RULE_PACK_KEYS = List.of("rules");
    static final List<String> RULE_KEYS = List.of("id", "when", "remedies", "deny", "route", "require", "grant",
            "followUp", "because", "enabled");
    static final List<String> EFFECT_KEYS = List.of("deny", "route", "require", "grant");
    static final List<String> MATCHER_KEYS = List.of("atLeast", "atMost", "above", "below", "not", "exists");
    static final List<String> SWAT_KEYS = List.of("team");
    static final List<String> REMEDY_KEYS = List.of("unit");
    static final List<String> AUTHORITY_ENTRY_KEYS = List.of("perGrant", "perCustomer");
    static final List<String> PER_CUSTOMER_KEYS = List.of("max", "count", "window");
    static final List<String> GRANT_KEYS = List.of("role", "upTo");
    static final List<String> FOLLOW_UP_KEYS = List.of("action", "within", "owner");
    static final List<String> DEFAULT_SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final List<String> ATTRIBUTE_TYPES = List.of("number", "string", "boolean", "date");
    static final List<String> UNITS = List.of("money", "percent", "count", "none");

    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Problems problems;

    private String id;
    private String version;
    private String description = "";
    private String currency;
    private List<String> severities = DEFAULT_SEVERITIES;
    private List<String> roles = List.of();
    private String swatTeam;
    private Beyond beyond = Beyond.DENY;
    private Node beyondNode;
    private final Map<String, FactType> attributes = new LinkedHashMap<>();
    private final Map<String, RemedyUnit> remedies = new LinkedHashMap<>();
    private final Map<String, AuthorityEntry[]> authority = new LinkedHashMap<>();
    private final Map<String, Place[]> authorityPlaces = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Place> ruleIds = new HashMap<>();
    /** When the ladder or the remedies could not be read, every name checked against them would be noise. */
    private boolean rolesBroken;
    private boolean remediesBroken;
    private FactCatalog catalog;
    private ExpressionContext expressions;

    private PolicyReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * Reads YAML sources into a model.
     *
     * @param sources the YAML sources of one policy
     * @param problems where every problem goes
     * @return the model, or null if any error was recorded
     */
    public static PolicyModel read(List<PolicySource> sources, Problems problems) {
        return read(sources, problems, LoadOptions.defaults());
    }

    /**
     * Reads YAML sources into a model, each source held to the limits of the options.
     *
     * @param sources the YAML sources of one policy
     * @param problems where every problem goes
     * @param limits the size, nesting and alias limits of a source
     * @return the model, or null if any error was recorded
     */
    public static PolicyModel read(List<PolicySource> sources, Problems problems, LoadOptions limits) {
        return new PolicyReader(problems).readAll(sources, limits);
    }

    private PolicyModel readAll(List<PolicySource> sources, LoadOptions limits) {
        Map<PolicySource, Map<String, NodeReader.Entry>> documents = new LinkedHashMap<>();
        Map<PolicySource, NodeReader> readers = new HashMap<>();
        for (PolicySource source : sources) {
            NodeReader reader = new NodeReader(source.name(), problems);
            Node root = YamlTree.compose(source.name(), source.text(), problems, limits);
            if (root == null) {
                continue;
            }
            Map<String, NodeReader.Entry> top = reader.mapping(root, "a policy file");
            if (top != null) {
                documents.put(source, top);
                readers.put(source, reader);
            }
        }
        PolicySource main = null;
        for (Map.Entry<PolicySource, Map<String, NodeReader.Entry>> doc : documents.entrySet()) {
            if (doc.getValue().containsKey("policy")) {
                if (main != null) {
                    problems.error(readers.get(doc.getKey()).place(doc.getValue().get("policy").key()),
                            "a second policy header: [" + main.name() + "] already declares the policy",
                            "load one policy at a time; further files may only add rules:");
                    continue;
                }
                main = doc.getKey();
            }
        }
        if (main == null) {
            if (!documents.isEmpty() || sources.size() == 1 && !problems.hasErrors()) {
                PolicySource first = documents.isEmpty() ? sources.get(0) : documents.keySet().iterator().next();
                problems.error(Place.of(first.name()), "missing key [policy]: no source declares the policy",
                        "start the policy file with policy: <id>, version, roles and remedies");
            }
            return null;
        }
        NodeReader mainReader = readers.get(main);
        Map<String, NodeReader.Entry> top = documents.get(main);
        header(mainReader, top);
        catalog = new FactCatalog(attributes);
        Set<String> counted = new HashSet<>();
        remedies.forEach((id, unit) -> {
            if (unit == RemedyUnit.COUNT) {
                counted.add(id);
            }
        });
        expressions = new ExpressionContext(catalog, severities, roles, remedies.keySet(), counted);
        if (present(top, "authority")) {
            authority(mainReader, top.get("authority").value());
        }
        if (present(top, "rules")) {
            rules(mainReader, top.get("rules").value());
        }
        for (Map.Entry<PolicySource, Map<String, NodeReader.Entry>> doc : documents.entrySet()) {
            if (doc.getKey() == main) {
                continue;
            }
            NodeReader reader = readers.get(doc.getKey());
            reader.onlyKeys(doc.getValue(), RULE_PACK_KEYS, "a rules file (only the policy file declares "
                    + "roles, remedies and authority)");
            if (present(doc.getValue(), "rules")) {
                rules(reader, doc.getValue().get("rules").value());
            }
        }
        checkSwatTeam(mainReader);
        checkLadderOfAuthority();
        if (problems.hasErrors()) {
            return null;
        }
        return new PolicyModel(id, version, description, currency, List.copyOf(severities), List.copyOf(roles),
                swatTeam, beyond, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                Collections.unmodifiableMap(new LinkedHashMap<>(remedies)), Collections.unmodifiableMap(authority),
                List.copyOf(rules), null);
    }

    // ---------------------------------------------------------------- header

    private void header(NodeReader r, Map<String, NodeReader.Entry> top) {
        r.onlyKeys(top, TOP_KEYS, "the policy");
        Node policyNode = top.get("policy").value();
        id = r.name(policyNode, "policy");
        if (id != null && !POLICY_ID.matcher(id).matches()) {
            r.error(policyNode, "policy id [" + id + "] may only use lower-case letters, digits, '-', '_' and '.'",
                    "try [" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + "]");
        }
        Node mapNode = top.get("policy").key();
        if (r.require(top, mapNode, "version", "the policy")) {
            version = r.name(top.get("version").value(), "version");
        }
        if (top.containsKey("description")) {
            String d = r.text(top.get("description").value(), "description");
            description = d == null ? "" : d;
        }
        if (top.containsKey("currency")) {
            currency = r.name(top.get("currency").value(), "currency");
        }
        if (top.containsKey("severities")) {
            List<String> s = ladder(r, top.get("severities").value(), "severities");
            if (s != null && !s.isEmpty()) {
                severities = s;
            }
        }
        rolesBroken = true;
        if (r.require(top, mapNode, "roles", "the policy")) {
            List<String> l = ladder(r, top.get("roles").value(), "roles");
            roles = l == null ? List.of() : l;
            rolesBroken = roles.isEmpty();
        }
        if (top.containsKey("swat")) {
            swat(r, top.get("swat").value());
        }
        if (present(top, "attributes")) {
            attributes(r, top.get("attributes").value());
        }
        remediesBroken = true;
        if (r.require(top, mapNode, "remedies", "the policy")) {
            remediesBroken = !remedies(r, top.get("remedies").value());
        }
        if (top.containsKey("beyondAuthority")) {
            beyondNode = top.get("beyondAuthority").value();
            String b = r.name(beyondNode, "beyondAuthority");
            if (b != null) {
                if (b.equals("deny")) {
                    beyond = Beyond.DENY;
                } else if (b.equals("swat")) {
                    beyond = new Beyond(Beyond.Kind.SWAT, -1);
                } else if (roles.contains(b)) {
                    beyond = new Beyond(Beyond.Kind.ROLE, roles.indexOf(b));
                } else if (!rolesBroken) {
                    List<String> allowed = new ArrayList<>(List.of("deny", "swat"));
                    allowed.addAll(roles);
                    r.error(beyondNode, "beyondAuthority must be deny, swat or a role, not [" + b + "]",
                            Hints.didYouMean(b, allowed));
                }
            }
        }
    }

    /** An optional section written but left empty ({@code rules:} with nothing under it) counts as absent. */
    private static boolean present(Map<String, NodeReader.Entry> map, String key) {
        return map.containsKey(key) && !NodeReader.isNull(map.get(key).value());
    }

    private static List<String> ladder(NodeReader r, Node node, String what) {
        List<String> names = r.names(node, what, null, "name");
        if (names == null) {
            return null;
        }
        List<Node> items = node instanceof SequenceNode ? ((SequenceNode) node).getValue() : List.of(node);
        for (int i = 0; i < items.size() && i < names.size(); i++) {
            if (!NAME.matcher(names.get(i)).matches()) {
                r.error(items.get(i), "[" + names.get(i) + "] in " + what + " may only use letters, digits, '-', '_' and '.'");
            }
        }
        if (names.isEmpty()) {
            r.error(node, what + " must not be empty");
        }
        return names;
    }

    private void swat(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> swat = r.mapping(node, "swat");
        if (swat == null) {
            return;
        }
        r.onlyKeys(swat, SWAT_KEYS, "swat");
        if (r.require(swat, node, "team", "swat")) {
            swatTeam = r.name(swat.get("team").value(), "swat.team");
        }
    }

    private void attributes(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> entries = r.mapping(node, "attributes");
        if (entries == null) {
            return;
        }
        for (NodeReader.Entry e : entries.values()) {
            if (!ATTRIBUTE_NAME.matcher(e.name()).matches()) {
                r.error(e.key(), "attribute name [" + e.name() + "] must be a plain identifier (letters, digits, '_')");
                continue;
            }
            String type = r.name(e.value(), "the type of attribute [" + e.name() + "]");
            if (type == null) {
                continue;
            }
            switch (type) {
                case "number":
                    attributes.put(e.name(), FactType.NUMBER);
                    break;
                case "string":
                    attributes.put(e.name(), FactType.STRING);
                    break;
                case "boolean":
                    attributes.put(e.name(), FactType.BOOLEAN);
                    break;
                case "date":
                    attributes.put(e.name(), FactType.DATETIME);
                    break;
                default:
                    r.error(e.value(), "unknown attribute type [" + type + "] for [" + e.name() + "]",
                            Hints.didYouMean(type, ATTRIBUTE_TYPES));
            }
        }
    }

    /** Reads the remedies; returns false when the section is unusable as a whole. */
    private boolean remedies(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> entries = r.mapping(node, "remedies");
        if (entries == null) {
            return false;
        }
        if (entries.isEmpty()) {
            r.error(node, "remedies must not be empty");
        }
        for (NodeReader.Entry e : entries.values()) {
            if (!NAME.matcher(e.name()).matches()) {
                r.error(e.key(), "remedy id [" + e.name() + "] may only use letters, digits, '-', '_' and '.'");
                continue;
            }
            Map<String, NodeReader.Entry> spec = r.mapping(e.value(), "remedy [" + e.name() + "]");
            if (spec == null) {
                continue;
            }
            r.onlyKeys(spec, REMEDY_KEYS, "remedy [" + e.name() + "]");
            if (!r.require(spec, e.value(), "unit", "remedy [" + e.name() + "]")) {
                continue;
            }
            Node unitNode = spec.get("unit").value();
            String unit = r.name(unitNode, "unit");
            if (unit == null) {
                continue;
            }
            if (!UNITS.contains(unit)) {
                r.error(unitNode, "unknown unit [" + unit + "] for remedy [" + e.name() + "]", Hints.didYouMean(unit, UNITS));
                continue;
            }
            remedies.put(e.name(), RemedyUnit.valueOf(unit.toUpperCase(Locale.ROOT)));
        }
        return !entries.isEmpty();
    }

    // ---------------------------------------------------------------- authority

    private void authority(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> byRole = r.mapping(node, "authority");
        if (byRole == null) {
            return;
        }
        for (NodeReader.Entry roleEntry : byRole.values()) {
            int rank = roles.indexOf(roleEntry.name());
            if (rank < 0) {
                if (!rolesBroken) {
                    r.error(roleEntry.key(), "unknown role [" + roleEntry.name() + "] in authority",
                            Hints.didYouMean(roleEntry.name(), roles));
                }
                continue;
            }
            Map<String, NodeReader.Entry> byRemedy = r.mapping(roleEntry.value(), "the authority of [" + roleEntry.name() + "]");
            if (byRemedy == null) {
                continue;
            }
            for (NodeReader.Entry remedyEntry : byRemedy.values()) {
                String remedy = remedyEntry.name();
                if (!remedies.containsKey(remedy)) {
                    if (!remediesBroken) {
                        r.error(remedyEntry.key(), "unknown remedy [" + remedy + "] in the authority of ["
                                + roleEntry.name() + "]", Hints.didYouMean(remedy, remedies.keySet()));
                    }
                    continue;
                }
                AuthorityEntry entry = authorityEntry(r, remedyEntry.value(), roleEntry.name() + "." + remedy);
                if (entry != null) {
                    authority.computeIfAbsent(remedy, k -> new AuthorityEntry[roles.size()])[rank] = entry;
                    authorityPlaces.computeIfAbsent(remedy, k -> new Place[roles.size()])[rank] = r.place(remedyEntry.key());
                }
            }
        }
    }

    private AuthorityEntry authorityEntry(NodeReader r, Node node, String what) {
        if (node instanceof ScalarNode) {
            Limit limit = limit(r, node, "the limit of [" + what + "]");
            return limit == null ? null : new AuthorityEntry(limit, null, null, null, null);
        }
        Map<String, NodeReader.Entry> spec = r.mapping(node, "the authority entry [" + what + "]");
        if (spec == null) {
            return null;
        }
        r.onlyKeys(spec, AUTHORITY_ENTRY_KEYS, "the authority entry [" + what + "]");
        Limit perGrant = Limit.unlimited();
        if (spec.containsKey("perGrant")) {
            perGrant = limit(r, spec.get("perGrant").value(), "perGrant of [" + what + "]");
        } else if (!spec.containsKey("perCustomer")) {
            r.error(node, "the authority entry [" + what + "] needs perGrant or perCustomer");
            return null;
        }
        if (!spec.containsKey("perCustomer")) {
            return perGrant == null ? null : new AuthorityEntry(perGrant, null, null, null, null);
        }
        Node pcNode = spec.get("perCustomer").value();
        Map<String, NodeReader.Entry> pc = r.mapping(pcNode, "perCustomer of [" + what + "]");
        if (pc == null) {
            return null;
        }
        r.onlyKeys(pc, PER_CUSTOMER_KEYS, "perCustomer of [" + what + "]");
        Limit max = null;
        Integer count = null;
        if (pc.containsKey("max")) {
            max = limit(r, pc.get("max").value(), "perCustomer.max of [" + what + "]");
        }
        if (pc.containsKey("count")) {
            BigDecimal c = r.number(pc.get("count").value(), "perCustomer.count of [" + what + "]");
            if (c != null) {
                if (c.signum() <= 0 || Values.hasFraction(c) || c.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    r.error(pc.get("count").value(), "perCustomer.count of [" + what + "] must be a whole number of at least 1");
                } else {
                    count = c.intValue();
                }
            }
        }
        if (!pc.containsKey("max") && !pc.containsKey("count")) {
            r.error(pcNode, "perCustomer of [" + what + "] needs max, count or both");
        }
        TemporalAmount window = null;
        String windowText = null;
        if (r.require(pc, pcNode, "window", "perCustomer of [" + what + "]")) {
            window = r.period(pc.get("window").value(), "window of [" + what + "]");
            windowText = window == null ? null : ((ScalarNode) pc.get("window").value()).getValue().trim();
        }
        if (perGrant == null || window == null || (pc.containsKey("max") && max == null)
                || (pc.containsKey("count") && count == null)) {
            return null;
        }
        return new AuthorityEntry(perGrant, max, count, window, windowText);
    }

    private static Limit limit(NodeReader r, Node node, String what) {
        if (node instanceof ScalarNode && "unlimited".equals(((ScalarNode) node).getValue())) {
            return Limit.unlimited();
        }
        BigDecimal n = NodeReader.numberOrNull(node);
        if (n == null) {
            r.error(node, what + " must be a number or unlimited, not " + NodeReader.describe(node));
            return null;
        }
        if (n.signum() < 0) {
            r.error(node, what + " must not be negative, was [" + n.toPlainString() + "]");
            return null;
        }
        return Limit.of(n);
    }

    // ---------------------------------------------------------------- rules

    private void rules(NodeReader r, Node node) {
        List<Node> items = r.list(node, "rules", false);
        if (items == null) {
            return;
        }
        for (Node item : items) {
            Rule rule = rule(r, item);
            if (rule != null) {
                rules.add(rule);
            }
        }
    }

    private Rule rule(NodeReader r, Node node) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, "a rule");
        if (spec == null) {
            return null;
        }
        String ruleId = null;
        if (r.require(spec, node, "id", "a rule")) {
            Node idNode = spec.get("id").value();
            ruleId = r.name(idNode, "rule id");
            if (ruleId != null) {
                if (ruleId.equals(org.resolutionpolicy.api.Reason.AUTHORITY)) {
                    r.error(idNode, "rule id [authority] is reserved for reasons that come from the authority table");
                    ruleId = null;
                } else if (ruleIds.containsKey(ruleId)) {
                    Place first = ruleIds.get(ruleId);
                    r.error(idNode, "duplicate rule id [" + ruleId + "]", "first defined at " + first);
                    ruleId = null;
                } else {
                    ruleIds.put(ruleId, r.place(idNode));
                }
            }
        }
        String name = ruleId == null ? "a rule" : "rule [" + ruleId + "]";
        r.onlyKeys(spec, RULE_KEYS, name);

        Set<String> ruleRemedies = null;
        if (spec.containsKey("remedies")) {
            List<String> named = r.names(spec.get("remedies").value(), "remedies of " + name,
                    remediesBroken ? null : remedies.keySet(), "remedy");
            ruleRemedies = named == null ? null : Set.copyOf(named);
        }

        Matching when = new Matching();
        if (spec.containsKey("when")) {
            when = condition(r, spec.get("when").value(), name);
        }

        List<NodeReader.Entry> effects = new ArrayList<>();
        for (String key : EFFECT_KEYS) {
            if (spec.containsKey(key)) {
                effects.add(spec.get(key));
            }
        }
        Effect effect = Effect.NONE;
        if (effects.size() > 1) {
            r.error(effects.get(1).key(), name + " has more than one effect: " + effectNames(effects),
                    "a rule has exactly one of deny, route, require, grant; write two rules");
        } else if (effects.size() == 1) {
            effect = effect(r, effects.get(0), name);
        }
        FollowUpSpec followUp = null;
        if (spec.containsKey("followUp")) {
            followUp = followUp(r, spec.get("followUp").value(), name);
        }
        if (effects.isEmpty() && !spec.containsKey("followUp")) {
            r.error(node, name + " has no effect", "give it one of deny: true, route: swat, require: <role>, "
                    + "grant: {role, upTo}, or a followUp");
        }
        String because = "";
        if (spec.containsKey("because")) {
            String b = r.text(spec.get("because").value(), "because of " + name);
            because = b == null ? "" : b.trim();
        } else {
            r.warning(node, name + " has no because", "add the sentence the employee can tell the customer");
        }
        boolean enabled = true;
        if (spec.containsKey("enabled")) {
            Boolean e = r.bool(spec.get("enabled").value(), "enabled of " + name);
            enabled = e == null || e;
            if (!enabled) {
                r.warning(spec.get("enabled").value(), name + " is disabled and never applies",
                        "delete it when it is no longer needed");
            }
        }
        if (effect != null && effect.kind() == Effect.Kind.REQUIRE && effect.role() == 0) {
            r.warning(spec.get("require").value(), name + " requires the lowest role [" + roles.get(0)
                    + "], which every employee has: it never changes an outcome", "require a higher role, or remove it");
        }
        if (ruleId == null || effect == null || when.condition == null) {
            return null;
        }
        boolean perProposal = ruleRemedies != null || when.perProposal;
        return new Rule(ruleId, r.place(node), when.condition, ruleRemedies, effect, followUp, because, enabled,
                perProposal, List.copyOf(when.amountThresholds));
    }

    private static String effectNames(List<NodeReader.Entry> effects) {
        List<String> names = new ArrayList<>();
        effects.forEach(e -> names.add(e.name()));
        return Hints.bracketed(names);
    }

    private Effect effect(NodeReader r, NodeReader.Entry e, String name) {
        Node v = e.value();
        switch (e.name()) {
            case "deny": {
                Boolean b = r.bool(v, "deny of " + name);
                if (b != null && !b) {
                    r.error(v, "deny of " + name + " can only be true", "remove the rule or set enabled: false");
                    return null;
                }
                return b == null ? null : Effect.DENY;
            }
            case "route": {
                String route = r.name(v, "route of " + name);
                if (route != null && !route.equals("swat")) {
                    r.error(v, "route of " + name + " can only be swat, not [" + route + "]", null);
                    return null;
                }
                return route == null ? null : Effect.SWAT;
            }
            case "require": {
                int role = role(r, v, "require of " + name);
                return role < 0 ? null : Effect.require(role);
            }
            default: {
                Map<String, NodeReader.Entry> grant = r.mapping(v, "grant of " + name);
                if (grant == null) {
                    return null;
                }
                r.onlyKeys(grant, GRANT_KEYS, "grant of " + name);
                boolean complete = r.require(grant, v, "role", "grant of " + name)
                        & r.require(grant, v, "upTo", "grant of " + name);
                if (!complete) {
                    return null;
                }
                int role = role(r, grant.get("role").value(), "grant of " + name);
                Limit upTo = limit(r, grant.get("upTo").value(), "upTo of " + name);
                return role < 0 || upTo == null ? null : Effect.grant(role, upTo);
            }
        }
    }

    private int role(NodeReader r, Node node, String what) {
        String role = r.name(node, what);
        if (role == null) {
            return -1;
        }
        int rank = roles.indexOf(role);
        if (rank < 0 && !rolesBroken) {
            r.error(node, "unknown role [" + role + "] in " + what, Hints.didYouMean(role, roles));
        }
        return rank;
    }

    private FollowUpSpec followUp(NodeReader r, Node node, String name) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, "followUp of " + name);
        if (spec == null) {
            return null;
        }
        r.onlyKeys(spec, FOLLOW_UP_KEYS, "followUp of " + name);
        String action = null;
        if (r.require(spec, node, "action", "followUp of " + name)) {
            action = r.name(spec.get("action").value(), "followUp action of " + name);
        }
        TemporalAmount within = spec.containsKey("within")
                ? r.period(spec.get("within").value(), "followUp within of " + name) : null;
        String owner = null;
        if (spec.containsKey("owner")) {
            int rank = role(r, spec.get("owner").value(), "followUp owner of " + name);
            owner = rank < 0 ? null : roles.get(rank);
        }
        return action == null ? null : new FollowUpSpec(action, within, owner);
    }

    // ---------------------------------------------------------------- conditions

    /** A compiled {@code when} and what it tells about the rule. */
    private static final class Matching {
        Condition condition = Condition.ALWAYS;
        boolean perProposal;
        final Set<BigDecimal> amountThresholds = new java.util.TreeSet<>();
    }

    private Matching condition(NodeReader r, Node node, String name) {
        Matching m = new Matching();
        if (node instanceof ScalarNode && !NodeReader.isNull(node)) {
            expression(r, (ScalarNode) node, name, m);
            return m;
        }
        Map<String, NodeReader.Entry> entries = r.mapping(node, "when of " + name);
        if (entries == null) {
            m.condition = null;
            return m;
        }
        List<Condition> all = new ArrayList<>();
        boolean ok = true;
        for (NodeReader.Entry e : entries.values()) {
            if (e.name().equals("expr")) {
                if (!(e.value() instanceof ScalarNode) || NodeReader.isNull(e.value())) {
                    r.error(e.value(), "expr of " + name + " must be an expression string");
                    ok = false;
                    continue;
                }
                Matching inner = new Matching();
                expression(r, (ScalarNode) e.value(), name, inner);
                if (inner.condition == null) {
                    ok = false;
                    continue;
                }
                all.add(inner.condition);
                m.perProposal |= inner.perProposal;
                m.amountThresholds.addAll(inner.amountThresholds);
                continue;
            }
            FactPath path = catalog.find(e.name());
            if (path == null) {
                String hint = Hints.didYouMean(e.name(), withExpr(catalog.names()));
                if (hint == null && e.name().startsWith("attributes.")) {
                    hint = "declare it under attributes: in the policy";
                }
                r.error(e.key(), "unknown fact [" + e.name() + "] in when of " + name, hint);
                ok = false;
                continue;
            }
            if (path.perProposal()) {
                m.perProposal = true;
            }
            Condition c = matcher(r, path, e.value(), name, m);
            if (c == null) {
                ok = false;
            } else {
                all.add(c);
            }
        }
        m.condition = ok ? Condition.allOf(all) : null;
        return m;
    }

    private static List<String> withExpr(List<String> names) {
        List<String> all = new ArrayList<>(names);
        all.add("expr");
        return all;
    }

    private void expression(NodeReader r, ScalarNode node, String name, Matching m) {
        String text = node.getValue();
        try {
            SandboxedExpression e = SandboxedExpression.compile(text, expressions);
            m.condition = e;
            m.perProposal |= e.perProposal();
            m.amountThresholds.addAll(e.amountThresholds());
        } catch (ExpressionException e) {
            Place start = r.place(node);
            boolean quoted = node.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    || node.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.SINGLE_QUOTED;
            boolean sameLine = node.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
                    && !text.contains("\n") || quoted;
            Place at = sameLine ? start.shifted(e.offset() + (quoted ? 1 : 0)) : start;
            problems.error(at, e.getMessage() + " in expression [" + abbreviate(text) + "] of " + name
                    + (sameLine ? "" : " (at character " + (e.offset() + 1) + ")"), e.hint());
            m.condition = null;
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    private Condition matcher(NodeReader r, FactPath path, Node node, String name, Matching m) {
        if (NodeReader.isNull(node)) {
            r.error(node, "[" + path.name() + "] needs a value in when of " + name, "to test absence write {exists: false}");
            return null;
        }
        if (node instanceof MappingNode) {
            Map<String, NodeReader.Entry> ops = r.mapping(node, "the matcher of [" + path.name() + "]");
            if (ops == null) {
                return null;
            }
            r.onlyKeys(ops, MATCHER_KEYS, "the matcher of [" + path.name() + "]");
            if (ops.containsKey("exists")) {
                if (ops.size() > 1) {
                    r.error(node, "exists cannot be combined with other matchers of [" + path.name() + "]",
                            "write {exists: true} alone, then a comparison as a second condition with expr");
                    return null;
                }
                Boolean wanted = r.bool(ops.get("exists").value(), "exists of [" + path.name() + "]");
                if (wanted == null) {
                    return null;
                }
                return FactMatcher.exists(path, wanted);
            }
            if (path.type() == FactType.HISTORY) {
                r.error(node, "[" + path.name() + "] can only be tested with {exists: true|false}",
                        "use an expr with history.count('remedy', 'P30D')");
                return null;
            }
            if (ops.containsKey("not")) {
                if (ops.size() > 1) {
                    r.error(node, "not cannot be combined with other matchers of [" + path.name() + "]",
                            "put them inside it: {not: {atLeast: 3, below: 6}}");
                    return null;
                }
                Node inner = ops.get("not").value();
                ValueTest test = valueTest(r, path, inner, name, m, true);
                return test == null ? null : matcher(path, test.predicate().negate(), "not " + test.wanted());
            }
            ValueTest test = valueTest(r, path, node, name, m, false);
            return test == null ? null : matcher(path, test.predicate(), test.wanted(), test.equalsAny());
        }
        if (path.type() == FactType.HISTORY) {
            r.error(node, "[" + path.name() + "] can only be tested with {exists: true|false}", null);
            return null;
        }
        ValueTest test = valueTest(r, path, node, name, m, false);
        return test == null ? null : matcher(path, test.predicate(), test.wanted(), test.equalsAny());
    }

    /** A test on a fact's value, the same in words for explanations, and the values it equals, if that is all. */
    private record ValueTest(Predicate<Object> predicate, String wanted, Set<Object> equalsAny) {
        ValueTest(Predicate<Object> predicate, String wanted) {
            this(predicate, wanted, null);
        }
    }

    /** A matcher on an absent fact is false, whatever it tests (negations included). */
    private Condition matcher(FactPath path, Predicate<Object> test, String wanted) {
        return matcher(path, test, wanted, null);
    }

    private Condition matcher(FactPath path, Predicate<Object> test, String wanted, Set<Object> equalsAny) {
        return new FactMatcher(path, test, wanted, value -> display(path.type(), value), equalsAny);
    }

    /** Shows a fact's value as the policy owner wrote it: severity and role names, plain numbers. */
    private String display(FactType type, Object value) {
        if (type == FactType.SEVERITY && value instanceof Integer) {
            return severities.get((Integer) value);
        }
        if (type == FactType.ROLE && value instanceof Integer) {
            return roles.get((Integer) value);
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return String.valueOf(value);
    }

    private ValueTest valueTest(NodeReader r, FactPath path, Node node, String name, Matching m, boolean inNot) {
        if (node instanceof SequenceNode) {
            List<Node> items = ((SequenceNode) node).getValue();
            if (items.isEmpty()) {
                r.error(node, "the list for [" + path.name() + "] is empty: nothing could match");
                return null;
            }
            Set<Object> values = new LinkedHashSet<>();
            boolean ok = true;
            for (Node item : items) {
                Object v = value(r, path, item, m);
                if (v == null) {
                    ok = false;
                } else {
                    values.add(v);
                }
            }
            if (!ok) {
                return null;
            }
            List<String> shown = new ArrayList<>();
            values.forEach(v -> shown.add(display(path.type(), v)));
            return new ValueTest(value -> {
                for (Object v : values) {
                    if (same(value, v)) {
                        return true;
                    }
                }
                return false;
            }, "one of " + Hints.bracketed(shown), Set.copyOf(values));
        }
        if (node instanceof MappingNode) {
            Map<String, NodeReader.Entry> ops = r.mapping(node, "the matcher of [" + path.name() + "]");
            if (ops == null) {
                return null;
            }
            r.onlyKeys(ops, inNot ? List.of("atLeast", "atMost", "above", "below") : MATCHER_KEYS,
                    "the matcher of [" + path.name() + "]");
            if (ops.isEmpty()) {
                r.error(node, "the matcher of [" + path.name() + "] is empty");
                return null;
            }
            if (!path.type().isOrdered()) {
                r.error(node, "[" + path.name() + "] is a " + path.type().label()
                        + ": only a value, a list of values, not and exists apply, not comparisons", null);
                return null;
            }
            Predicate<Object> all = null;
            List<String> words = new ArrayList<>();
            boolean ok = true;
            for (NodeReader.Entry op : ops.values()) {
                if (!MATCHER_KEYS.subList(0, 4).contains(op.name())) {
                    ok = false;
                    continue;
                }
                Object bound = value(r, path, op.value(), m);
                if (bound == null) {
                    ok = false;
                    continue;
                }
                Predicate<Object> test = comparison(op.name(), bound);
                all = all == null ? test : all.and(test);
                words.add(COMPARISON_WORDS.get(op.name()) + " [" + display(path.type(), bound) + "]");
            }
            return ok ? new ValueTest(all, String.join(" and ", words)) : null;
        }
        Object v = value(r, path, node, m);
        if (v == null) {
            return null;
        }
        return new ValueTest(value -> same(value, v), "[" + display(path.type(), v) + "]", Set.of(v));
    }

    private static final Map<String, String> COMPARISON_WORDS = Map.of("atLeast", "at least", "atMost", "at most",
            "above", "above", "below", "below");

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate<Object> comparison(String op, Object bound) {
        if (bound instanceof BigDecimal) {
            // numbers are the usual bound (amount above 50): compare them without the Comparable interface call
            BigDecimal b = (BigDecimal) bound;
            switch (op) {
                case "atLeast":
                    return v -> ((BigDecimal) v).compareTo(b) >= 0;
                case "atMost":
                    return v -> ((BigDecimal) v).compareTo(b) <= 0;
                case "above":
                    return v -> ((BigDecimal) v).compareTo(b) > 0;
                default:
                    return v -> ((BigDecimal) v).compareTo(b) < 0;
            }
        }
        if (bound instanceof Integer) {
            int b = (Integer) bound;
            switch (op) {
                case "atLeast":
                    return v -> (Integer) v >= b;
                case "atMost":
                    return v -> (Integer) v <= b;
                case "above":
                    return v -> (Integer) v > b;
                default:
                    return v -> (Integer) v < b;
            }
        }
        Comparable b = (Comparable) bound;
        switch (op) {
            case "atLeast":
                return v -> ((Comparable) v).compareTo(b) >= 0;
            case "atMost":
                return v -> ((Comparable) v).compareTo(b) <= 0;
            case "above":
                return v -> ((Comparable) v).compareTo(b) > 0;
            default:
                return v -> ((Comparable) v).compareTo(b) < 0;
        }
    }

    private static boolean same(Object value, Object wanted) {
        if (value instanceof BigDecimal && wanted instanceof BigDecimal) {
            return ((BigDecimal) value).compareTo((BigDecimal) wanted) == 0;
        }
        return value.equals(wanted);
    }

    /** Converts a matcher value to the fact's representation, or records a problem and returns null. */
    private Object value(NodeReader r, FactPath path, Node node, Matching m) {
        if (!(node instanceof ScalarNode) || NodeReader.isNull(node)) {
            r.error(node, "a value for [" + path.name() + "] must be a single " + path.type().label() + ", not "
                    + NodeReader.describe(node));
            return null;
        }
        switch (path.type()) {
            case NUMBER: {
                BigDecimal n = NodeReader.numberOrNull(node);
                if (n == null) {
                    r.error(node, "[" + path.name() + "] is a number; " + NodeReader.describe(node) + " is not");
                    return null;
                }
                if (path.name().equals("amount")) {
                    m.amountThresholds.add(n);
                }
                return n;
            }
            case BOOLEAN: {
                Boolean b = r.bool(node, "a value for [" + path.name() + "]");
                return b;
            }
            case DATETIME: {
                Instant i = r.instant(node, "a value for [" + path.name() + "]");
                return i;
            }
            case SEVERITY:
                return named(r, node, severities, "severity");
            case ROLE:
                if (rolesBroken) {
                    return null;
                }
                return named(r, node, roles, "role");
            case REMEDY: {
                String remedy = ((ScalarNode) node).getValue();
                if (!remedies.containsKey(remedy)) {
                    if (!remediesBroken) {
                        r.error(node, "unknown remedy [" + remedy + "]", Hints.didYouMean(remedy, remedies.keySet()));
                    }
                    return null;
                }
                return remedy;
            }
            default:
                return ((ScalarNode) node).getValue();
        }
    }

    private static Integer named(NodeReader r, Node node, List<String> scale, String kind) {
        String name = ((ScalarNode) node).getValue();
        int rank = scale.indexOf(name);
        if (rank < 0) {
            r.error(node, "unknown " + kind + " [" + name + "]", Hints.didYouMean(name, scale));
            return null;
        }
        return rank;
    }

    // ---------------------------------------------------------------- cross checks

    /**
     * Warns where a role's own per-grant limit is below one of a lower role: authority is inherited up the
     * ladder, so the smaller number has no effect and probably is not what the owner meant.
     */
    private void checkLadderOfAuthority() {
        for (Map.Entry<String, AuthorityEntry[]> e : authority.entrySet()) {
            AuthorityEntry[] entries = e.getValue();
            Limit highestBelow = null;
            String holder = null;
            for (int role = 0; role < entries.length; role++) {
                AuthorityEntry entry = entries[role];
                if (entry == null) {
                    continue;
                }
                if (highestBelow != null && entry.perGrant().compareTo(highestBelow) < 0) {
                    problems.warning(authorityPlaces.get(e.getKey())[role], "authority shrinks up the ladder: ["
                            + roles.get(role) + "] may grant [" + e.getKey() + "] up to [" + entry.perGrant()
                            + "], less than [" + holder + "] below it may (" + highestBelow + ")",
                            "a role inherits the authority of every role below it, so the smaller limit has no effect");
                }
                if (highestBelow == null || entry.perGrant().compareTo(highestBelow) > 0) {
                    highestBelow = entry.perGrant();
                    holder = roles.get(role);
                }
            }
        }
    }

    private void checkSwatTeam(NodeReader mainReader) {
        if (swatTeam != null) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.effect().kind() == Effect.Kind.SWAT) {
                problems.error(rule.place(), "rule [" + rule.id() + "] routes to swat, but the policy has no swat team",
                        "add swat: { team: <name> }");
            }
        }
        if (beyond.kind() == Beyond.Kind.SWAT) {
            mainReader.error(beyondNode, "beyondAuthority is swat, but the policy has no swat team",
                    "add swat: { team: <name> }");
        }
    }

    static Set<String> set(List<String> names) {
        return new HashSet<>(names);
    }
}
