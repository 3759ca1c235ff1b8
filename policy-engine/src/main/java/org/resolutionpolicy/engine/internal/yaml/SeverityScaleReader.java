package org.resolutionpolicy.engine.internal.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.SeverityScale;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.expr.HelperKind;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Place;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code severityScale:} of a policy: a list of entries, each with an {@code id}, a {@code when} read as a
 * rule's is, the {@code severity} a matching case is put at and a {@code because}. Every problem is recorded with its
 * place; an entry with an error is left out (and the load fails).
 *
 * <p>An entry reads the facts of the case alone: not {@code remedy} or {@code amount}, which belong to a proposal,
 * and not {@code severity}, which the scale sets.
 */
final class SeverityScaleReader {

    static final List<String> ENTRY_KEYS = List.of("id", "when", "severity", "because");

    private final ConditionReader conditions;
    private final List<String> severities;

    SeverityScaleReader(ConditionReader conditions, List<String> severities) {
        this.conditions = conditions;
        this.severities = severities;
    }

    /** Reads a {@code severityScale:} list; entries with a problem are left out after recording it. */
    SeverityScale read(NodeReader r, Node node) {
        List<Node> items = r.list(node, "severityScale", false);
        if (items == null) {
            return SeverityScale.NONE;
        }
        List<SeverityScale.Entry> entries = new ArrayList<>();
        Map<String, Place> ids = new HashMap<>();
        for (Node item : items) {
            SeverityScale.Entry e = entry(r, item, ids);
            if (e != null) {
                entries.add(e);
            }
        }
        return new SeverityScale(entries);
    }

    private SeverityScale.Entry entry(NodeReader r, Node node, Map<String, Place> ids) {
        Map<String, NodeReader.Entry> spec = r.mapping(node, "an entry of severityScale");
        if (spec == null) {
            return null;
        }
        String id = r.require(spec, node, "id", "an entry of severityScale") ? id(r, spec.get("id").value(), ids) : null;
        String name = id == null ? "an entry of severityScale" : "severityScale entry [" + id + "]";
        r.onlyKeys(spec, ENTRY_KEYS, name);
        int rank = -1;
        String severity = null;
        if (r.require(spec, node, "severity", name)) {
            Node s = spec.get("severity").value();
            severity = r.name(s, "severity of " + name);
            rank = severity == null ? -1 : severities.indexOf(severity);
            if (severity != null && rank < 0) {
                r.error(s, "unknown severity [" + severity + "] in " + name, Hints.didYouMean(severity, severities));
            }
        }
        Condition when = null;
        if (spec.containsKey("when")) {
            Node w = spec.get("when").value();
            ConditionReader.When read = conditions.read(r, w, name);
            when = read.condition();
            if (when != null && read.perProposal()) {
                r.error(w, name + " tests [remedy] or [amount], which belong to a proposal: a case has one severity",
                        "test facts of the case (customer, impact, attributes, category, channel); a rule may test "
                                + "the proposal");
                when = null;
            } else if (when != null && readsSeverity(when)) {
                r.error(w, name + " tests [severity], which the scale sets",
                        "test the facts that make a case severe (impact, customer, attributes); the severity used is "
                                + "the highest of the case's own and every matching entry's");
                when = null;
            }
        } else {
            r.error(node, "missing key [when] in " + name, "say which facts of the case put it at this severity, e.g. "
                    + "when: { impact.safetyIssue: true }");
        }
        String because = "";
        if (spec.containsKey("because")) {
            String b = r.text(spec.get("because").value(), "because of " + name);
            because = b == null ? "" : b.trim();
        }
        if (id == null || when == null || rank < 0) {
            return null;
        }
        return new SeverityScale.Entry(id, r.place(node), when, rank, severity, because);
    }

    private static String id(NodeReader r, Node idNode, Map<String, Place> ids) {
        String id = r.name(idNode, "id of an entry of severityScale");
        if (id == null) {
            return null;
        }
        if (ids.containsKey(id)) {
            r.error(idNode, "duplicate severityScale entry id [" + id + "]", "first defined at " + ids.get(id));
            return null;
        }
        ids.put(id, r.place(idNode));
        return id;
    }

    /** Returns true if a condition reads the case's severity, which a scale entry may not. */
    static boolean readsSeverity(Condition condition) {
        for (Condition part : condition.parts()) {
            if (part instanceof FactMatcher m && isSeverity(m.path())
                    || part instanceof Exists e && isSeverity(e.path())
                    || part instanceof Expression x && readsSeverity(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsSeverity(Expression x) {
        Expr tree = x.body().tree();
        // a body without a tree cannot be read: its text tells, which only errs towards refusing
        return tree == null ? x.text().matches("(?s).*\\bseverity\\b.*") : readsSeverity(tree);
    }

    private static boolean readsSeverity(Expr e) {
        if (e instanceof Expr.FactRef ref) {
            return isSeverity(ref.path());
        }
        if (e instanceof Expr.Helper h) {
            return h.kind() instanceof HelperKind.SeverityRank;
        }
        if (e instanceof Expr.Unary u) {
            return readsSeverity(u.operand());
        }
        if (e instanceof Expr.Binary b) {
            return readsSeverity(b.left()) || readsSeverity(b.right());
        }
        if (e instanceof Expr.Presence p) {
            return isSeverity(p.fact().path());
        }
        if (e instanceof Expr.Call c) {
            return c.args().stream().anyMatch(SeverityScaleReader::readsSeverity);
        }
        return false;
    }

    private static boolean isSeverity(FactPath path) {
        return path.type() == FactType.SEVERITY;
    }
}
