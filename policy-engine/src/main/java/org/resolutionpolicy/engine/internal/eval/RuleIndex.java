package org.resolutionpolicy.engine.internal.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * The rules, filed by one equality test on a case fact each (severity, tier, category...), so that a decision only
 * tests the rules whose filed value is the case's; rules without such a test are always tested. The case facts are
 * looked up once per case ({@link #collect}); each proposal then tests, in the nodes found, the rules about its
 * remedy, and of each only the conditions its place in the index has not already settled.
 *
 * <p>Order does not matter: the lattice and sorted reasons make the outcome independent of it. Immutable.
 */
final class RuleIndex {

    /** Buckets larger than this are indexed again by another equality test, up to {@link #MAX_DEPTH} levels. */
    private static final int NEST_ABOVE = 16;
    private static final int MAX_DEPTH = 3;

    /** The rules filed here (not deeper) whose unsettled conditions read the case alone, and those conditions. */
    private final IndexedRule[] caseEntries;
    private final Condition[] caseRest;
    /** Per remedy ordinal, the other rules filed here about that remedy. */
    private final IndexedRule[][] byRemedy;
    /** Per remedy ordinal, what is left of each of those rules' conditions once this node is reached. */
    private final Condition[][] restByRemedy;
    /**
     * Per remedy ordinal, the rules filed here whose unsettled condition starts with a bound on a number
     * ({@code amount: {above: 50}}), sorted by their bounds: one read of the number and a binary search find those
     * whose bound holds, instead of a test per rule (a generated policy of 10,000 rules leaves ~200 per proposal).
     */
    private final Thresholds[][] thresholdsByRemedy;
    private final boolean hasRules;
    private final FactPath[] paths;
    private final Map<Object, RuleIndex>[] byValue;
    /**
     * For a severity or role path, its nodes by rank (null where no rule is filed), looked up without boxing or
     * hashing the rank; null for other paths.
     */
    private final RuleIndex[][] byRank;

    /** Files the enabled rules of a policy whose remedies are given in declaration order. */
    static RuleIndex of(IndexedRule[] rules, String[] remedies) {
        return new RuleIndex(rules, remedies, Set.of(), 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of generic maps
    private RuleIndex(IndexedRule[] rules, String[] remedies, Set<FactPath> used, int depth) {
        List<IndexedRule> rest = new ArrayList<>();
        Map<FactPath, Map<Object, List<IndexedRule>>> filed = new LinkedHashMap<>();
        for (IndexedRule r : rules) {
            FactMatcher key = depth >= MAX_DEPTH ? null : key(r, used);
            if (key == null) {
                rest.add(r);
                continue;
            }
            Map<Object, List<IndexedRule>> values = filed.computeIfAbsent(key.path(), p -> new HashMap<>());
            for (Object v : key.equalsAny()) {
                values.computeIfAbsent(v, x -> new ArrayList<>()).add(r);
            }
        }
        List<IndexedRule> caseLevel = new ArrayList<>();
        List<Condition> caseConditions = new ArrayList<>();
        List<IndexedRule> proposalLevel = new ArrayList<>();
        // each rule's unsettled condition and its bound's key, found once here rather than once per remedy
        List<Condition> proposalConditions = new ArrayList<>();
        for (IndexedRule e : rest) {
            Condition left = unsettled(e, used);
            // a rule that does not depend on a proposal reads the case alone, whatever its condition says
            if (e.rule.perProposal() && left.perProposal()) {
                proposalLevel.add(e);
                proposalConditions.add(left);
            } else {
                caseLevel.add(e);
                caseConditions.add(left);
            }
        }
        Thresholds.Key[] proposalKeys = new Thresholds.Key[proposalLevel.size()];
        for (int k = 0; k < proposalKeys.length; k++) {
            proposalKeys[k] = Thresholds.key(proposalConditions.get(k));
        }
        this.caseEntries = caseLevel.toArray(new IndexedRule[0]);
        this.caseRest = caseConditions.toArray(new Condition[0]);
        this.byRemedy = new IndexedRule[remedies.length][];
        this.restByRemedy = new Condition[remedies.length][];
        this.thresholdsByRemedy = new Thresholds[remedies.length][];
        for (int i = 0; i < remedies.length; i++) {
            String remedy = remedies[i];
            List<IndexedRule> aboutList = new ArrayList<>();
            List<Condition> leftList = new ArrayList<>();
            List<Thresholds.Key> keyList = new ArrayList<>();
            for (int k = 0; k < proposalKeys.length; k++) {
                if (proposalLevel.get(k).rule.appliesTo(remedy)) {
                    aboutList.add(proposalLevel.get(k));
                    leftList.add(proposalConditions.get(k));
                    keyList.add(proposalKeys[k]);
                }
            }
            IndexedRule[] about = aboutList.toArray(new IndexedRule[0]);
            Condition[] left = leftList.toArray(new Condition[0]);
            Map<Thresholds.Key, List<Integer>> bounded = new LinkedHashMap<>();
            for (int k = 0; k < about.length; k++) {
                Thresholds.Key key = keyList.get(k);
                if (key != null) {
                    bounded.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
                }
            }
            // a few rules are tested faster one by one than searched
            bounded.values().removeIf(places -> places.size() < Thresholds.AT_LEAST);
            boolean[] searched = new boolean[about.length];
            List<Thresholds> groups = new ArrayList<>();
            bounded.forEach((key, places) -> {
                places.forEach(k -> searched[k] = true);
                groups.add(Thresholds.of(key, places.stream().map(k -> about[k]).toArray(IndexedRule[]::new),
                        places.stream().map(k -> left[k]).toArray(Condition[]::new)));
            });
            List<IndexedRule> tested = new ArrayList<>();
            List<Condition> testedRest = new ArrayList<>();
            for (int k = 0; k < about.length; k++) {
                if (!searched[k]) {
                    tested.add(about[k]);
                    testedRest.add(left[k]);
                }
            }
            byRemedy[i] = tested.toArray(new IndexedRule[0]);
            restByRemedy[i] = testedRest.toArray(new Condition[0]);
            thresholdsByRemedy[i] = groups.toArray(new Thresholds[0]);
        }
        this.hasRules = !proposalLevel.isEmpty();
        this.paths = filed.keySet().toArray(new FactPath[0]);
        this.byValue = new Map[paths.length];
        this.byRank = new RuleIndex[paths.length][];
        int i = 0;
        for (Map.Entry<FactPath, Map<Object, List<IndexedRule>>> e : filed.entrySet()) {
            Set<FactPath> deeper = new HashSet<>(used);
            deeper.add(e.getKey());
            Map<Object, RuleIndex> frozen = new HashMap<>();
            e.getValue().forEach((v, list) -> {
                IndexedRule[] bucket = list.toArray(new IndexedRule[0]);
                int next = bucket.length > NEST_ABOVE ? depth + 1 : MAX_DEPTH;
                frozen.put(v, new RuleIndex(bucket, remedies, deeper, next));
            });
            byValue[i] = frozen;
            byRank[i++] = byRank(e.getKey(), frozen);
        }
    }

    /** Returns a severity or role path's nodes by rank, or null for another path. */
    private static RuleIndex[] byRank(FactPath path, Map<Object, RuleIndex> nodes) {
        if (path.type() != FactType.SEVERITY && path.type() != FactType.ROLE) {
            return null;
        }
        int most = -1;
        for (Object rank : nodes.keySet()) {
            if (!(rank instanceof Integer r) || r < 0) {
                return null;
            }
            most = Math.max(most, r);
        }
        RuleIndex[] ranks = new RuleIndex[most + 1];
        nodes.forEach((rank, node) -> ranks[(Integer) rank] = node);
        return ranks;
    }

    /** The first equality test on a case-level fact, not yet used above, whose values compare by equals. */
    private static FactMatcher key(IndexedRule r, Set<FactPath> used) {
        for (Condition c : r.when.parts()) {
            if (isKey(c) && !used.contains(((FactMatcher) c).path())) {
                return (FactMatcher) c;
            }
        }
        return null;
    }

    private static boolean isKey(Condition c) {
        if (!(c instanceof FactMatcher m)) {
            return false;
        }
        FactType type = m.path().type();
        boolean byEquals = type == FactType.STRING || type == FactType.SEVERITY || type == FactType.ROLE
                || type == FactType.BOOLEAN;
        return m.equalsAny() != null && !m.path().perProposal() && byEquals;
    }

    /**
     * Returns a rule's condition without the equality tests on the paths above this node: reaching the node means
     * the case's value of each such path is one the rule was filed under, so those tests hold.
     */
    private static Condition unsettled(IndexedRule r, Set<FactPath> used) {
        // the key chosen for a path is the rule's first equality test on it (see key); any other test on the
        // same path (a rule may test a fact twice) stays
        List<Condition> left = new ArrayList<>();
        Set<FactPath> settled = new HashSet<>();
        for (Condition c : r.when.parts()) {
            boolean key = isKey(c) && used.contains(((FactMatcher) c).path()) && settled.add(((FactMatcher) c).path());
            if (!key) {
                left.add(c);
            }
        }
        return Condition.allOf(left);
    }

    /**
     * Adds the case-level rules filed here that hold for the case, and this node if it files rules that read the
     * proposal; then does the same in every node below whose key the case's facts match.
     */
    void collect(Facts facts, Scratch out) {
        for (int i = 0; i < caseEntries.length; i++) {
            if (caseRest[i] == Condition.ALWAYS || caseRest[i].test(facts)) {
                out.addCaseMatch(caseEntries[i]);
            }
        }
        if (hasRules) {
            out.addNode(this);
        }
        for (int i = 0; i < paths.length; i++) {
            RuleIndex bucket;
            RuleIndex[] ranks = byRank[i];
            if (ranks != null) {
                int rank = paths[i].readRank(facts);
                bucket = rank >= 0 && rank < ranks.length ? ranks[rank] : null;
            } else {
                Object value = paths[i].read(facts);
                bucket = value == null ? null : byValue[i].get(value);
            }
            if (bucket != null) {
                bucket.collect(facts, out);
            }
        }
    }

    /** Adds the rules filed here about the remedy whose unsettled conditions hold. */
    void matching(int remedy, Facts facts, Scratch out) {
        IndexedRule[] entries = byRemedy[remedy];
        Condition[] rest = restByRemedy[remedy];
        for (int i = 0; i < entries.length; i++) {
            if (rest[i] == Condition.ALWAYS || rest[i].test(facts)) {
                out.add(entries[i]);
            }
        }
        for (Thresholds t : thresholdsByRemedy[remedy]) {
            t.matching(facts, out);
        }
    }
}
