package org.resolutionpolicy.analysis.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.Condition;
import org.resolutionpolicy.model.Derivation;
import org.resolutionpolicy.model.Exists;
import org.resolutionpolicy.model.Expression;
import org.resolutionpolicy.model.FactMatcher;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;
import org.resolutionpolicy.model.ValueTest;
import org.resolutionpolicy.model.expr.Expr;
import org.resolutionpolicy.model.expr.HelperKind;

/**
 * Collects what the variables of a {@link FactSpace} must be able to say, from one or more policies and extra
 * conditions (guarantees): the facts read, the text literals, the decimals of the number literals, and the history
 * windows. A fact the policy defines ({@code named.*}, {@code tables.*}) has no variable: its definition's facts and
 * literals are collected instead. Nodes it does not know are skipped here; the encoder reports them as not encoded.
 */
public final class Vocabulary {

    /** A remedy's history window some limit or helper reads (null window: the whole history). */
    record Window(String remedy, TemporalAmount window) {
    }

    private final List<String> severities;
    private final List<String> roles;
    private final Map<String, RemedyUnit> units = new LinkedHashMap<>();
    private final Map<String, FactType> facts = new LinkedHashMap<>();
    private final Set<String> strings = new LinkedHashSet<>();
    private final Set<String> prefixes = new LinkedHashSet<>();
    private final Set<String> suffixes = new LinkedHashSet<>();
    private final Set<String> needles = new LinkedHashSet<>();
    private final Map<String, Window> windows = new LinkedHashMap<>();
    private final Set<String> definitions = new LinkedHashSet<>();
    private int decimals = 2;
    private BigDecimal largest = BigDecimal.ZERO;

    /**
     * Starts a vocabulary for policies with this scale, ladder and remedies.
     *
     * @throws IllegalArgumentException if another policy added later has a different scale or ladder
     */
    public Vocabulary(PolicyModel first) {
        this.severities = first.severities();
        this.roles = first.roles();
        add(first);
    }

    /**
     * Adds a policy's rules and authority.
     *
     * @throws IllegalArgumentException if its severities or roles differ from the first policy's
     */
    private boolean openedAtRead;

    /** Adds {@code openedAt}, which chooses the version of a policy with dated versions. */
    public Vocabulary dated() {
        facts.putIfAbsent("openedAt", FactType.DATETIME);
        return this;
    }

    public Vocabulary add(PolicyModel model) {
        if (!model.severities().equals(severities) || !model.roles().equals(roles)) {
            throw new IllegalArgumentException("policies compared must have the same severities and roles, were "
                    + severities + " " + roles + " and " + model.severities() + " " + model.roles());
        }
        model.remedies().forEach(units::putIfAbsent);
        model.authority().forEach((remedy, entries) -> {
            for (AuthorityEntry e : entries) {
                if (e != null) {
                    limit(e.perGrant());
                    amount(e.computed());
                    limit(e.maxTotal());
                    if (e.hasWindow() && !(e.window() instanceof org.resolutionpolicy.api.CalendarPeriod)) {
                        windows.putIfAbsent(FactSpace.key(remedy, e.window()), new Window(remedy, e.window()));
                    }
                }
            }
        });
        for (Rule r : model.rules()) {
            condition(r.when());
            if (r.effect().upTo() != null) {
                limit(r.effect().upTo());
            }
            amount(r.effect().computed());
        }
        // the severity scale's facts and literals, which raise the severity the rules read
        model.severityScale().entries().forEach(e -> condition(e.when()));
        model.attributes().forEach((name, type) -> facts.putIfAbsent("attributes." + name, type));
        return this;
    }

    /** Adds the facts and literals of an extra condition, such as a guarantee's. */
    public Vocabulary condition(Condition c) {
        if (c instanceof Condition.AllOf all) {
            all.parts().forEach(this::condition);
        } else if (c instanceof FactMatcher m) {
            fact(m.path());
            valueTest(m.valueTest());
        } else if (c instanceof Exists e) {
            fact(e.path());
        } else if (c instanceof Expression e && e.body().tree() != null) {
            expr(e.body().tree());
        }
        return this;
    }

    private void valueTest(ValueTest t) {
        if (t instanceof ValueTest.Equals e) {
            literal(e.value());
        } else if (t instanceof ValueTest.OneOf o) {
            o.values().forEach(this::literal);
        } else if (t instanceof ValueTest.Compare c) {
            literal(c.bound());
        } else if (t instanceof ValueTest.AllOf a) {
            a.tests().forEach(this::valueTest);
        } else if (t instanceof ValueTest.Not n) {
            valueTest(n.test());
        }
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Literal l) {
            literal(l.value());
        } else if (e instanceof Expr.FactRef f) {
            fact(f.path());
        } else if (e instanceof Expr.Presence p) {
            fact(p.fact().path());
        } else if (e instanceof Expr.Helper h) {
            helper(h.kind());
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.Call c) {
            c.args().forEach(this::expr);
        } else if (e instanceof Expr.Conditional c) {
            expr(c.condition());
            expr(c.then());
            expr(c.otherwise());
        }
    }

    /** Adds what an amount computed from the case reads; null adds nothing. */
    private void amount(ComputedAmount a) {
        if (a == null) {
            return;
        }
        if (a.fixedValue() != null) {
            literal(a.fixedValue());
        } else if (a.tree() != null) {
            expr(a.tree());
        }
    }

    /** Adds a fact of the case, or what the definition of a fact the policy defines reads, once. */
    private void fact(FactPath path) {
        Derivation d = path.derivation();
        if (d == null) {
            fact(path.name(), path.type());
        } else if (definitions.add(path.name())) {
            if (d instanceof Derivation.Named n) {
                condition(n.condition());
            } else if (d instanceof Derivation.Computed c) {
                amount(c.amount());
            } else if (d instanceof Derivation.Table t) {
                for (Derivation.Row row : t.rows()) {
                    condition(row.condition());
                    amount(row.value());
                }
            }
        }
    }

    private void helper(HelperKind k) {
        if (k instanceof HelperKind.HistoryCount c && c.window() instanceof org.resolutionpolicy.api.CalendarPeriod
                || k instanceof HelperKind.HistoryTotal t && t.window() instanceof org.resolutionpolicy.api.CalendarPeriod) {
            return;
        }
        if (k instanceof HelperKind.HistoryCount c) {
            windows.putIfAbsent(FactSpace.key(c.remedy(), c.window()), new Window(c.remedy(), c.window()));
        } else if (k instanceof HelperKind.HistoryTotal t) {
            windows.putIfAbsent(FactSpace.key(t.remedy(), t.window()), new Window(t.remedy(), t.window()));
        } else if (k instanceof HelperKind.StartsWith s) {
            fact(s.fact().name(), s.fact().type());
            prefixes.add(s.prefix());
        } else if (k instanceof HelperKind.EndsWith s) {
            fact(s.fact().name(), s.fact().type());
            suffixes.add(s.suffix());
        } else if (k instanceof HelperKind.Contains s) {
            fact(s.fact().name(), s.fact().type());
            needles.add(s.needle());
        }
    }

    private void fact(String name, FactType type) {
        // total and count are of the case's proposals of a remedy, not facts a case states: they have no variable
        if (!name.equals("remedy") && !name.equals("amount") && !name.equals("total") && !name.equals("count")) {
            facts.putIfAbsent(name, type);
            openedAtRead |= name.equals("openedAt");
        }
    }

    /** Returns true if a condition or amount reads {@code openedAt} itself (not only versions and windows). */
    public boolean openedAtRead() {
        return openedAtRead;
    }

    private void literal(Object value) {
        if (value instanceof String s) {
            strings.add(s);
        } else if (value instanceof BigDecimal n) {
            // the places a witness keeps to where it can (every case number is searched): at most 5, to stay readable
            decimals = Math.max(decimals, Math.min(5, n.stripTrailingZeros().scale() + 1));
            largest = largest.max(n.abs());
        }
    }

    private void limit(Limit l) {
        if (l != null) {
            l.amount().ifPresent(this::literal);
        }
    }

    List<String> severities() {
        return severities;
    }

    List<String> roles() {
        return roles;
    }

    Map<String, RemedyUnit> units() {
        return units;
    }

    Map<String, FactType> facts() {
        return facts;
    }

    List<Window> windows() {
        return new ArrayList<>(windows.values());
    }

    /** Returns the largest number the policy writes, so that a witness may keep to numbers near it. */
    BigDecimal largest() {
        return largest;
    }

    int decimals() {
        return decimals;
    }

    /**
     * Returns the text values a witness may use: every literal, every helper's text, and each prefix, needles and
     * suffix put together, so that a fact can start with one text, contain others and end with a third at once; then
     * one text for each other way the text tests can answer together ({@link TextClasses}). Null when that search is
     * too large, so that text tests are not encoded.
     */
    List<String> strings() {
        List<String> given = given();
        List<String> complete = complete(given);
        return complete == null ? given : complete;
    }

    /** Returns true if the texts of {@link #strings()} give every answer the text tests can give together. */
    boolean textsComplete() {
        return complete(given()) != null;
    }

    private List<String> complete(List<String> given) {
        if (prefixes.isEmpty() && suffixes.isEmpty() && needles.isEmpty()) {
            return given;
        }
        Set<String> literals = new LinkedHashSet<>(strings);
        literals.remove(null);
        return TextClasses.complete(given, literals, prefixes, suffixes, needles);
    }

    private List<String> given() {
        Set<String> all = new LinkedHashSet<>(strings);
        all.addAll(prefixes);
        all.addAll(suffixes);
        all.addAll(needles);
        if (!prefixes.isEmpty() || !suffixes.isEmpty() || !needles.isEmpty()) {
            String middle = String.join("", needles);
            for (String p : withEmpty(prefixes)) {
                for (String s : withEmpty(suffixes)) {
                    all.add(p + middle + s);
                }
            }
        }
        all.remove(null);
        return new ArrayList<>(all);
    }

    private static List<String> withEmpty(Set<String> texts) {
        List<String> out = new ArrayList<>(texts);
        out.add("");
        return out;
    }

    /** Returns a text none of the values is and no helper text occurs in, for the "other" code. */
    String other() {
        List<String> known = strings();
        for (int i = 0; ; i++) {
            String candidate = "zq-other" + (i == 0 ? "" : "-" + i);
            boolean clash = known.contains(candidate)
                    || prefixes.stream().anyMatch(candidate::startsWith)
                    || suffixes.stream().anyMatch(candidate::endsWith)
                    || needles.stream().anyMatch(candidate::contains);
            if (!clash || i > 50) {
                return Objects.requireNonNull(candidate);
            }
        }
    }
}
