package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.FollowUp;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.model.value.Values;

/**
 * Describes DRL rules for {@link org.resolutionpolicy.api.Policy#authority()} without running them: the effect is
 * read from the consequence's calls on {@code effects} when their arguments are literals ({@code
 * effects.grant(kcontext, "barista", 20, "...")}), the condition is the {@code when} part as written (DRL, not
 * words), the remedies are those {@link DrlScopes} can tell, and the values are the literals the condition
 * compares {@code customerTier} and {@code category} with. A consequence with no such call, or with
 * arguments that are not literals, is described as {@link AuthorityTable.Rule.Effect#UNKNOWN}. Immutable.
 */
final class DrlDescriptions {

    private static final Pattern EFFECT = Pattern.compile(
            "\\beffects\\s*\\.\\s*(deny|routeToSwat|require|grant|followUp)\\s*\\(");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** A {@code CaseFact} field compared with literals: {@code customerTier == "GOLD"}, {@code category in ("a", "b")}. */
    private static final Pattern COMPARED = Pattern.compile(
            "\\b(customerTier|category)\\s*(?:==\\s*(\"[^\"\\\\]*\")|in\\s*\\(([^)]*)\\))");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Map<String, String> FACTS = Map.of("customerTier", "customer.tier", "category", "category");

    private DrlDescriptions() {
    }

    /** Returns the description of every rule of the sources, in source order. */
    static List<AuthorityTable.Rule> describe(List<DrlText> sources, DrlScopes scopes) {
        List<AuthorityTable.Rule> rules = new ArrayList<>();
        for (DrlText source : sources) {
            for (DrlText.RuleSpan span : source.rules()) {
                rules.add(describe(source, span, scopes));
            }
        }
        return List.copyOf(rules);
    }

    /** Returns the description of one rule; its effect is the first non-follow-up call, as the collector applies it. */
    private static AuthorityTable.Rule describe(DrlText source, DrlText.RuleSpan span, DrlScopes scopes) {
        String masked = source.masked();
        String condition = "DRL: " + SPACE.matcher(masked.substring(span.whenStart(), span.thenStart())
                .replaceFirst("^\\s*when\\b", "")).replaceAll(" ").strip();
        AuthorityTable.Rule.Effect effect = null;
        String role = null;
        Limit upTo = null;
        String because = "";
        FollowUp followUp = null;
        boolean unreadable = false;
        Matcher m = EFFECT.matcher(masked).region(span.thenStart(), span.end());
        while (m.find()) {
            List<DrlText.Arg> args = source.args(m.end() - 1);
            String method = m.group(1);
            if (args == null) {
                unreadable = true;
                continue;
            }
            String said = string(args, args.size() - 1);
            if (method.equals("followUp")) {
                TemporalAmount within = string(args, 2) == null ? null : Values.parsePeriod(string(args, 2));
                if (string(args, 1) != null) {
                    followUp = new FollowUp(string(args, 1), within, string(args, 3), span.name());
                }
                because = because.isEmpty() && said != null ? said : because;
                continue;
            }
            if (effect != null) {
                continue;
            }
            effect = switch (method) {
                case "deny" -> AuthorityTable.Rule.Effect.DENY;
                case "routeToSwat" -> AuthorityTable.Rule.Effect.SWAT;
                case "require" -> AuthorityTable.Rule.Effect.REQUIRE;
                default -> AuthorityTable.Rule.Effect.GRANT;
            };
            role = method.equals("require") || method.equals("grant") ? string(args, 1) : null;
            upTo = method.equals("grant") ? limit(args) : null;
            unreadable |= (role == null && (method.equals("require") || method.equals("grant")))
                    || (method.equals("grant") && upTo == null);
            because = said != null ? said : because;
        }
        if (unreadable && effect != null) {
            effect = AuthorityTable.Rule.Effect.UNKNOWN;
            role = null;
            upTo = null;
        }
        if (effect == null) {
            effect = followUp != null ? AuthorityTable.Rule.Effect.NONE : AuthorityTable.Rule.Effect.UNKNOWN;
        }
        Set<String> remedies = scopes.remedies(span.name());
        return new AuthorityTable.Rule(span.name(), effect, role, upTo,
                remedies == null ? List.of() : List.copyOf(remedies), condition, because, followUp,
                !scopes.disabled(span.name()), values(masked.substring(span.whenStart(), span.thenStart())));
    }

    /** Returns the literals a condition compares the tier and the category with, sorted, for filters. */
    private static Map<String, List<String>> values(String condition) {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        Matcher m = COMPARED.matcher(condition);
        while (m.find()) {
            Matcher s = STRING.matcher(m.group(2) != null ? m.group(2) : m.group(3));
            while (s.find()) {
                found.computeIfAbsent(FACTS.get(m.group(1)), k -> new TreeSet<>()).add(s.group(1));
            }
        }
        Map<String, List<String>> values = new TreeMap<>();
        found.forEach((fact, literals) -> values.put(fact, List.copyOf(literals)));
        return values;
    }

    private static String string(List<DrlText.Arg> args, int index) {
        return index >= 0 && index < args.size() ? args.get(index).string() : null;
    }

    private static Limit limit(List<DrlText.Arg> args) {
        if (args.size() < 3) {
            return null;
        }
        DrlText.Arg upTo = args.get(2);
        if ("unlimited".equals(upTo.string())) {
            return Limit.unlimited();
        }
        return upTo.isNumber() ? Limit.of(new BigDecimal(upTo.text().replaceAll("[dDfFlL]$", ""))) : null;
    }
}
