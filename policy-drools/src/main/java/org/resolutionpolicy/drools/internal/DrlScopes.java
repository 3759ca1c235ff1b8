package org.resolutionpolicy.drools.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What explanations can tell of a DRL rule without running it: whether it is switched off ({@code enabled false}),
 * and which remedies it can be about. The remedies are known only for a plain condition: one {@code ProposalFact}
 * pattern whose constraints name the remedy ({@code remedy == "refund"} or {@code remedy in ("a", "b")}), and no
 * {@code ||}, {@code or}, {@code not}, {@code exists}, {@code forall}, {@code accumulate}, {@code collect} or
 * {@code from}; for any other rule they are unknown, and an explanation says "not matched" as before. Immutable.
 */
final class DrlScopes {

    private static final Pattern DISABLED = Pattern.compile("\\benabled\\s+\\(?\\s*false\\b");
    private static final Pattern PROPOSAL = Pattern.compile("\\bProposalFact\\s*\\(");
    private static final Pattern COMPLEX = Pattern.compile(
            "\\|\\||\\b(?:or|not|exists|forall|accumulate|collect|from)\\b|\\bremedy\\s*!=|\\bremedy\\s+not\\b");
    private static final Pattern REMEDY_IS = Pattern.compile("\\bremedy\\s*==\\s*\"([^\"\\\\]*)\"");
    private static final Pattern REMEDY_IN = Pattern.compile("\\bremedy\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");

    private final Set<String> disabled = new LinkedHashSet<>();
    private final Map<String, Set<String>> remedies = new HashMap<>();

    DrlScopes(List<DrlText> sources) {
        for (DrlText source : sources) {
            String text = source.masked();
            for (DrlText.RuleSpan rule : source.rules()) {
                if (DISABLED.matcher(text).region(rule.start(), rule.whenStart()).find()) {
                    disabled.add(rule.name());
                }
                Set<String> about = named(text.substring(rule.whenStart(), rule.thenStart()));
                if (about != null) {
                    remedies.put(rule.name(), Set.copyOf(about));
                }
            }
        }
    }

    private static Set<String> named(String condition) {
        Matcher proposal = PROPOSAL.matcher(condition);
        if (!proposal.find() || proposal.find() || COMPLEX.matcher(condition).find()) {
            return null;
        }
        Set<String> named = new LinkedHashSet<>();
        int restrictions = 0;
        Matcher is = REMEDY_IS.matcher(condition);
        while (is.find()) {
            named.add(is.group(1));
            restrictions++;
        }
        Matcher in = REMEDY_IN.matcher(condition);
        while (in.find()) {
            Matcher s = STRING.matcher(in.group(1));
            while (s.find()) {
                named.add(s.group(1));
            }
            restrictions++;
        }
        // two restrictions would be their intersection; one is plain to read, and anything else stays unknown
        return restrictions == 1 ? named : null;
    }

    /** Returns true if the rule is switched off. */
    boolean disabled(String rule) {
        return disabled.contains(rule);
    }

    /** Returns the remedies the rule can be about, or null when any. */
    Set<String> remedies(String rule) {
        return remedies.get(rule);
    }
}
