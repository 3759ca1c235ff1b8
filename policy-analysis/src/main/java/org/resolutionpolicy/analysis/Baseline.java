package org.resolutionpolicy.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Findings a policy's owner has accepted, each with a reason, so that CI fails on new findings only: a baseline file
 * ({@code analysis-baseline.yaml}) that {@code policy analyze --baseline FILE} reads and {@code --write-baseline FILE}
 * writes.
 *
 * <pre>{@code
 * accepted:
 *   - kind: masked
 *     subject: drinks-on-the-house
 *     because: kept for the summer menu, when the deny rule is switched off
 * }</pre>
 *
 * <p>A finding is accepted when its kind and subject (the rule, role or remedy it is about) are listed; an accepted
 * entry no finding matches any more is stale, and said so. Internal errors and checks out of time are never accepted.
 *
 * @param accepted the accepted findings, in the order written
 */
public record Baseline(List<Accepted> accepted) {

    /**
     * One accepted finding.
     *
     * @param kind the finding's kind as printed ({@code masked}, {@code never-matches}, ...)
     * @param subject what it is about: a rule id, a role or a remedy
     * @param because why it is accepted, in the owner's words
     */
    public record Accepted(String kind, String subject, String because) {

        /** Returns true if this entry accepts the finding. */
        public boolean accepts(Finding f) {
            return kind.equals(name(f.kind())) && subject.equals(f.subject());
        }
    }

    /**
     * A report's findings split by a baseline.
     *
     * @param fresh the findings the baseline does not accept: they fail a CI run
     * @param accepted the findings it accepts
     * @param stale the entries no finding matched: fixed since, or renamed
     */
    public record Split(List<Finding> fresh, List<Finding> accepted, List<Accepted> stale) {
    }

    /** Creates a baseline. */
    public Baseline {
        accepted = List.copyOf(accepted);
    }

    /** Returns the kind of a finding as a baseline and the CLI write it: {@code never-matches}. */
    public static String name(Finding.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads a baseline from YAML text.
     *
     * @param file where the text comes from, for messages
     * @throws GuaranteeException if it is malformed, naming the entry
     */
    public static Baseline parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            throw new GuaranteeException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> map) || !map.keySet().equals(java.util.Set.of("accepted"))
                || !(map.get("accepted") instanceof List<?> list)) {
            throw new GuaranteeException(file + ": a baseline is a mapping with one key [accepted], a list of"
                    + " {kind, subject, because}");
        }
        List<String> kinds = java.util.Arrays.stream(Finding.Kind.values()).map(Baseline::name).toList();
        List<Accepted> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": accepted[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry) || !entry.keySet().equals(java.util.Set.of("kind",
                    "subject", "because"))) {
                throw new GuaranteeException(where + ": an accepted finding has exactly [kind, subject, because]");
            }
            String kind = String.valueOf(entry.get("kind"));
            if (!kinds.contains(kind) || kind.equals("internal") || kind.equals("not-decided")) {
                throw new GuaranteeException(where + ": kind [" + kind + "] cannot be accepted; one of "
                        + kinds.stream().filter(k -> !k.equals("internal") && !k.equals("not-decided")).toList());
            }
            String because = entry.get("because") == null ? "" : String.valueOf(entry.get("because")).strip();
            if (because.isEmpty()) {
                throw new GuaranteeException(where + ": [because] must say why the finding is accepted");
            }
            out.add(new Accepted(kind, String.valueOf(entry.get("subject")), because));
        }
        return new Baseline(out);
    }

    /** Splits a report's findings into the new ones, the accepted ones and the stale entries. */
    public Split split(Report report) {
        List<Finding> fresh = new ArrayList<>();
        List<Finding> taken = new ArrayList<>();
        List<Accepted> used = new ArrayList<>();
        for (Finding f : report.findings()) {
            Accepted a = f.kind() == Finding.Kind.INTERNAL || f.kind() == Finding.Kind.NOT_DECIDED ? null
                    : accepted.stream().filter(e -> e.accepts(f)).findFirst().orElse(null);
            if (a == null) {
                fresh.add(f);
            } else {
                taken.add(f);
                used.add(a);
            }
        }
        List<Accepted> stale = accepted.stream().filter(a -> !used.contains(a)).toList();
        return new Split(fresh, taken, stale);
    }

    /**
     * Returns the YAML of a baseline that accepts every finding of a report that can be accepted, each with a
     * reason to be replaced by the owner's.
     */
    public static String write(Report report) {
        StringBuilder y = new StringBuilder("# Findings accepted for policy " + report.policy() + " " + report.version()
                + ": replace each reason with the owner's.\naccepted:\n");
        boolean any = false;
        for (Finding f : report.findings()) {
            if (f.kind() == Finding.Kind.INTERNAL || f.kind() == Finding.Kind.NOT_DECIDED) {
                continue;
            }
            any = true;
            y.append("  - kind: ").append(name(f.kind())).append('\n')
                    .append("    subject: ").append(quoted(f.subject())).append('\n')
                    .append("    because: ").append(quoted("accepted as it was: " + f.message())).append('\n');
        }
        return any ? y.toString() : y.toString().replace("accepted:\n", "accepted: []\n");
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
