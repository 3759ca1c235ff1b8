package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.YamlTree;
import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.format.yaml.PolicyHeader;

import org.resolutionpolicy.model.value.Values;
import org.resolutionpolicy.model.value.Rounding;
import org.resolutionpolicy.model.PolicyTime;
import org.resolutionpolicy.model.value.WorkCalendar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.engine.internal.support.LoadBudget;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.model.Declarations;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.SeverityScale;
import org.resolutionpolicy.engine.internal.mvel.ExpressionContext;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML policy sources into a checked {@link PolicyModel}, recording every problem with its place.
 *
 * <p>One source holds the policy (it has a {@code policy:} key); further YAML sources may add {@code rules:}. The
 * policy may instead be declared in another source, given as a {@link PolicyHeader} and read the same way.
 * Reading never stops at the first problem: each section is read as far as it can be, so that one run shows
 * a policy owner everything to fix. The caller throws if any error was recorded; nothing half-read escapes.
 */
public final class PolicyReader {

    static final List<String> TOP_KEYS = List.of("policy", "version", "description", "currency", "severities",
            "roles", "swat", "beyondAuthority", "attributes", "remedies", "authority", "rules", "calendar", "rounding",
            "validFrom", "validUntil", "definitions", "tables", "versionBy", "timeZone", "calendars", "severityScale");
    static final List<String> RULE_PACK_KEYS = List.of("rules");
    static final List<String> SWAT_KEYS = List.of("team");
    static final List<String> REMEDY_KEYS = List.of("unit");
    static final List<String> AUTHORITY_ENTRY_KEYS = List.of("perGrant", "perCustomer");
    static final List<String> PER_CUSTOMER_KEYS = List.of("max", "count", "window");
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
    private Beyond beyond = Beyond.deny();
    private WorkCalendar calendar = WorkCalendar.DEFAULT;
    private Rounding rounding;
    private org.resolutionpolicy.model.Validity validity;
    private Node beyondNode;
    private final Map<String, FactType> attributes = new LinkedHashMap<>();
    private final Map<String, RemedyUnit> remedies = new LinkedHashMap<>();
    private final Map<String, AuthorityEntry[]> authority = new LinkedHashMap<>();
    /** Where the header declares the policy, each role, remedy and attribute: the model's {@link Declarations}. */
    private Place policyPlace;
    private final Map<String, Place> rolePlaces = new LinkedHashMap<>();
    private final Map<String, Place> remedyPlaces = new LinkedHashMap<>();
    private final Map<String, Place> attributePlaces = new LinkedHashMap<>();
    private RuleReader rules;
    private AmountReader amounts;
    /** The facts another policy defines, known here too ({@link #readAbout}); empty for a policy of its own. */
    private Map<String, FactPath> adopted = Map.of();
    private FactCatalog catalog;
    private LoadBudget budget = LoadBudget.unlimited();
    /** When the ladder or the remedies could not be read, every name checked against them would be noise. */
    private boolean rolesBroken;
    private boolean remediesBroken;

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
        return read(sources, null, problems);
    }

    /**
     * Reads YAML sources and a header written in another source (a DRL {@code declare Policy}) into one model, the
     * header read exactly as a YAML policy file would be.
     *
     * @param sources the YAML sources of one policy; may be empty when the header declares it
     * @param header the header, or null
     * @param problems where every problem goes
     * @return the model, or null if any error was recorded
     */
    public static PolicyModel read(List<PolicySource> sources, PolicyHeader header, Problems problems) {
        return read(sources, header, problems, LoadOptions.defaults());
    }

    /**
     * Reads YAML sources and a header into one model, each source held to the limits of the options.
     *
     * @param sources the YAML sources of one policy; may be empty when the header declares it
     * @param header the header, or null
     * @param problems where every problem goes
     * @param limits the size, nesting and alias limits of a source
     * @return the model, or null if any error was recorded
     */
    public static PolicyModel read(List<PolicySource> sources, PolicyHeader header, Problems problems,
                                   LoadOptions limits) {
        return read(sources, header, problems, limits, LoadBudget.unlimited());
    }

    /**
     * Reads YAML sources and a header into one model within the limits of the options, checking the load's time
     * budget after each source and each rule.
     *
     * @param sources the YAML sources of one policy; may be empty when the header declares it
     * @param header the header, or null
     * @param problems where every problem goes
     * @param limits the size, nesting and alias limits of a source
     * @param budget the time the load may still take
     * @return the model, or null if any error was recorded
     * @throws org.resolutionpolicy.api.PolicyLoadException when the budget runs out
     */
    public static PolicyModel read(List<PolicySource> sources, PolicyHeader header, Problems problems,
                                   LoadOptions limits, LoadBudget budget) {
        PolicyReader reader = new PolicyReader(problems);
        reader.budget = budget;
        return reader.readAll(sources, header, limits);
    }

    /**
     * Reads YAML sources written about another policy (guarantees, as the rules of a policy of the same scale,
     * ladder and remedies), where that policy's own {@code named.*} and {@code tables.*} facts are known with its
     * definitions.
     *
     * @param sources the YAML sources
     * @param defined the other policy's defined facts ({@link PolicyModel#defined()})
     * @param problems where every problem goes
     * @return the model, or null if any error was recorded
     */
    public static PolicyModel readAbout(List<PolicySource> sources, Map<String, FactPath> defined, Problems problems) {
        PolicyReader reader = new PolicyReader(problems);
        reader.adopted = Map.copyOf(defined);
        return reader.readAll(sources, null, LoadOptions.defaults());
    }

    /** A composed source: its name, its reader and its top keys. */
    private record Document(String name, NodeReader reader, Map<String, NodeReader.Entry> top) {
    }

    private PolicyModel readAll(List<PolicySource> sources, PolicyHeader header, LoadOptions limits) {
        List<Document> documents = new ArrayList<>();
        boolean unreadable = false;
        boolean headerDamaged = false;
        List<ComposedAhead> ahead = ComposedAhead.of(sources, limits);
        for (int i = 0; i < sources.size(); i++) {
            PolicySource source = sources.get(i);
            YamlTree.Composed composed = ahead != null ? ahead.get(i).into(problems)
                    : YamlTree.composeRepairing(source.name(), source.text(), problems, limits);
            unreadable |= composed == null && problems.hasErrors();
            if (composed != null && composed.repaired()) {
                headerDamaged |= composed.quietFollowOns(source.name(), problems);
            }
            document(source.name(), composed == null ? null : composed.root(), documents);
            budget.check(problems);
        }
        if (header != null) {
            document(header.source(), header.root(), documents);
        }
        Document main = main(!sources.isEmpty() ? sources.get(0).name() : header == null ? null : header.source(),
                sources.size() + (header == null ? 0 : 1), documents, unreadable || headerDamaged);
        if (main == null) {
            return null;
        }
        NodeReader mainReader = main.reader();
        Map<String, NodeReader.Entry> top = main.top();
        header(mainReader, top);
        if (headerDamaged) {
            // a declaration may stand on a blanked line: names checked against the header would be follow-ons
            rolesBroken = true;
            remediesBroken = true;
        }
        if (present(top, "calendar")) {
            calendar = TimeReader.calendar(mainReader, top.get("calendar").value());
        }
        documents.forEach(doc -> doc.reader().calendar(calendar));
        java.time.ZoneId zone = present(top, "timeZone")
                ? ZoneReader.defaultZone(mainReader, top.get("timeZone").value()) : java.time.ZoneOffset.UTC;
        documents.forEach(doc -> doc.reader().zone(zone));
        rounding = present(top, "rounding") ? AmountReader.rounding(mainReader, top.get("rounding").value(), currency)
                : Rounding.of(currency);
        validity = TimeReader.validity(mainReader, top, top.get("policy").key(), "the policy");
        ConditionReader conditions = conditionReader();
        if (present(top, "versionBy")) {
            validity = VersionByReader.read(mainReader, top.get("versionBy"), validity, catalog);
        }
        PolicyTime time = ZoneReader.time(mainReader, present(top, "timeZone") ? top.get("timeZone").value() : null,
                present(top, "calendars") ? top.get("calendars").value() : null, zone, calendar, catalog);
        amounts = new AmountReader(problems, conditions.expressions());
        rules = new RuleReader(conditions, roles, remedies.keySet(), rolesBroken, remediesBroken).withAmounts(amounts);
        rules.budget(budget, problems);
        definitionsAndTables(mainReader, top, new DefinitionReader(conditions, amounts));
        SeverityScale scale = present(top, "severityScale")
                ? new SeverityScaleReader(conditions, severities).read(mainReader, top.get("severityScale").value())
                : SeverityScale.NONE;
        if (present(top, "authority")) {
            authority(mainReader, top.get("authority").value());
        }
        if (present(top, "rules")) {
            rules.read(mainReader, top.get("rules").value());
        }
        for (Document doc : documents) {
            if (doc == main || doc.top().containsKey("policy")) {
                // a second header is one mistake, reported once by main(), not once per key and rule of its policy
                continue;
            }
            doc.reader().onlyKeys(doc.top(), RULE_PACK_KEYS, "a rules file (only the policy file declares "
                    + "roles, remedies and authority)");
            if (present(doc.top(), "rules")) {
                rules.read(doc.reader(), doc.top().get("rules").value());
            }
        }
        Declarations declared = new Declarations(policyPlace, rolePlaces, remedyPlaces, attributePlaces,
                beyondNode == null ? null : mainReader.place(beyondNode));
        PolicyChecks.swatTeam(swatTeam, beyond, rules.rules(), declared, problems);
        PolicyChecks.ladderOfAuthority(authority, roles, problems);
        if (problems.hasErrors()) {
            return null;
        }
        return new PolicyModel(id, version, description, currency, List.copyOf(severities), List.copyOf(roles),
                swatTeam, beyond, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                Collections.unmodifiableMap(new LinkedHashMap<>(remedies)), Collections.unmodifiableMap(authority),
                rules.rules(), null, calendar, validity, catalog.defined(), declared, rounding, time, scale);
    }

    /** Reads definitions and tables in the order the file has them, so that each may use those above it. */
    private static void definitionsAndTables(NodeReader r, Map<String, NodeReader.Entry> top, DefinitionReader reader) {
        boolean tablesFirst = present(top, "tables") && present(top, "definitions")
                && top.get("tables").key().getStartMark().getIndex() < top.get("definitions").key().getStartMark().getIndex();
        if (tablesFirst) {
            reader.tables(r, top.get("tables").value());
        }
        if (present(top, "definitions")) {
            reader.definitions(r, top.get("definitions").value());
        }
        if (present(top, "tables") && !tablesFirst) {
            reader.tables(r, top.get("tables").value());
        }
    }

    private void document(String name, Node root, List<Document> documents) {
        if (root == null) {
            return;
        }
        NodeReader reader = new NodeReader(name, problems);
        Map<String, NodeReader.Entry> top = reader.mapping(root, "a policy file");
        if (top != null) {
            documents.add(new Document(name, reader, top));
        }
    }

    /**
     * Returns the one document that declares the policy, or null after recording why there is none.
     *
     * @param first the name of the first source given
     * @param count how many sources were given
     * @param unreadable whether a source could not be composed at all, or lost lines outside its rules
     */
    private Document main(String first, int count, List<Document> documents, boolean unreadable) {
        Document main = null;
        for (Document doc : documents) {
            if (doc.top().containsKey("policy")) {
                if (main != null) {
                    doc.reader().error(doc.top().get("policy").key(),
                            "a second policy header: [" + main.name() + "] already declares the policy",
                            "load one policy at a time, or several with Policies.registry(directory); further files "
                                    + "may only add rules");
                    continue;
                }
                main = doc;
            }
        }
        // a source that could not be read at all may be the one declaring the policy: saying none does is noise
        if (main == null && !unreadable && (!documents.isEmpty() || count == 1 && !problems.hasErrors())) {
            String name = documents.isEmpty() ? first : documents.get(0).name();
            problems.error(Place.of(name), "missing key [policy]: no source declares the policy",
                    "start the policy file with policy: <id>, version, roles and remedies");
        }
        return main;
    }

    /** Returns the reader of the rules' conditions, once the header told the facts, scales and remedies. */
    private ConditionReader conditionReader() {
        catalog = new FactCatalog(attributes);
        adopted.values().forEach(catalog::adopt);
        Set<String> counted = new HashSet<>();
        remedies.forEach((id, unit) -> {
            if (unit == RemedyUnit.COUNT) {
                counted.add(id);
            }
        });
        ExpressionContext expressions = new ExpressionContext(catalog, severities, roles, remedies.keySet(), counted,
                calendar, rounding);
        return new ConditionReader(problems, catalog, expressions, severities, roles, remedies.keySet(), rolesBroken,
                remediesBroken);
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
        policyPlace = r.place(mapNode);
        if (r.require(top, mapNode, "version", "the policy")) {
            version = r.name(top.get("version").value(), "version");
        }
        if (top.containsKey("description")) {
            String d = r.text(top.get("description").value(), "description");
            description = d == null ? "" : d;
        }
        if (top.containsKey("currency")) {
            // a case's and a proposal's currency must match it, so it is an ISO 4217 code, not a free label
            Node node = top.get("currency").value();
            currency = r.name(node, "currency");
            if (currency != null && !Values.isCurrencyCode(currency)) {
                String upper = currency.toUpperCase(Locale.ROOT);
                r.error(node, "currency [" + currency + "] is not an ISO 4217 code of three capital letters",
                        Values.isCurrencyCode(upper) ? "did you mean [" + upper + "]?" : "write it as USD, EUR, GBP, ...");
                currency = null;
            }
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
            placeEach(r, top.get("roles").value(), roles, rolePlaces);
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
            beyondAuthority(r, beyondNode);
        }
    }

    private void beyondAuthority(NodeReader r, Node node) {
        String b = r.name(node, "beyondAuthority");
        if (b == null) {
            return;
        }
        if (b.equals("deny")) {
            beyond = Beyond.deny();
        } else if (b.equals("swat")) {
            beyond = Beyond.swat(swatTeam);
        } else if (roles.contains(b)) {
            beyond = Beyond.escalate(b);
        } else if (!rolesBroken) {
            List<String> allowed = new ArrayList<>(List.of("deny", "swat"));
            allowed.addAll(roles);
            r.error(node, "beyondAuthority must be deny, swat or a role, not [" + b + "]", Hints.didYouMean(b, allowed));
        }
    }

    /** An optional section written but left empty ({@code rules:} with nothing under it) counts as absent. */
    private static boolean present(Map<String, NodeReader.Entry> map, String key) {
        return map.containsKey(key) && !NodeReader.isNull(map.get(key).value());
    }

    /** Keeps where each name of a list is written, the first place of a repeated one. */
    private static void placeEach(NodeReader r, Node node, List<String> names, Map<String, Place> places) {
        List<Node> items = node instanceof SequenceNode ? ((SequenceNode) node).getValue() : List.of(node);
        for (int i = 0; i < items.size() && i < names.size(); i++) {
            places.putIfAbsent(names.get(i), r.place(items.get(i)));
        }
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
            attributePlaces.put(e.name(), r.place(e.key()));
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
            remedyPlaces.put(e.name(), r.place(e.key()));
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
                AuthorityEntry entry = AuthorityEntryReader.read(r, amounts, remedyEntry.value(),
                        roleEntry.name() + "." + remedy, r.place(remedyEntry.key()));
                if (entry != null) {
                    authority.computeIfAbsent(remedy, k -> new AuthorityEntry[roles.size()])[rank] = entry;
                }
            }
        }
    }

    /** Reads a limit: a non-negative number or {@code unlimited}. */
    static Limit limit(NodeReader r, Node node, String what) {
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
}
