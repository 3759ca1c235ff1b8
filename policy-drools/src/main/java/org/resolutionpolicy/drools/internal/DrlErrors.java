package org.resolutionpolicy.drools.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.resolutionpolicy.engine.internal.support.Hints;
import org.resolutionpolicy.engine.internal.support.Place;
import org.resolutionpolicy.engine.internal.support.Problems;

/**
 * Reports Drools' parser and builder errors in the policy owner's words: one problem per mistake, at the line and
 * column of the mistake in the file (not in the text Drools read, which has null guards), with Drools' own text
 * kept as the hint. A parenthesis a condition never closes is reported where it opens, rather than where Drools
 * noticed it (the next line); a misspelt fact is an {@code unknown fact} with a did-you-mean; a follow-on line
 * without a place ({@code Parser returned a null Package}) is dropped when the mistake has been reported.
 */
final class DrlErrors {

    /** What DRL rules can read of the case and of the proposal, for did-you-mean hints. */
    static final List<String> CASE_FACTS = List.of("id", "severity", "severityRank", "category", "channel", "openedAt",
            "customerId", "customerTier", "lifetimeValue", "outOfPocket", "affectedCustomers", "socialReach",
            "legalThreat", "safetyIssue", "regulatorInvolved", "employeeId", "employeeRole", "employeeRank");
    static final List<String> CASE_METHODS = List.of("severityAtLeast", "roleAtLeast", "attribute", "number",
            "historyCount", "historyTotal");
    static final List<String> PROPOSAL_FACTS = List.of("remedy", "amount");

    private static final Pattern LINE_COLUMN = Pattern.compile("\\bLine (\\d+):(\\d+)");
    private static final Pattern COLUMN = Pattern.compile("Column: (\\d+)");
    private static final Pattern STRICT = Pattern.compile(
            "unable to resolve method using strict-mode: [\\w.$]*?(\\w+)\\.(\\w+)\\(([^)]*)\\)");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern UNEXPECTED = Pattern.compile(
            "(?:mismatched input|no viable alternative at input|extraneous input) '((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern MISSING = Pattern.compile("missing (\\S+) at '((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern NULL_PACKAGE = Pattern.compile("(?i)parser returned a null package");

    private final Map<String, DroolsDrlCompiler.Read> read;
    private final String firstSource;
    private final Problems problems;
    /** Each mistake once: Drools reports some twice (parser and builder). */
    private final Set<String> reported = new LinkedHashSet<>();

    private DrlErrors(Map<String, DroolsDrlCompiler.Read> read, String firstSource, Problems problems) {
        this.read = read;
        this.firstSource = firstSource;
        this.problems = problems;
    }

    /** Reports Drools' errors for the sources read. */
    static void report(Iterable<KnowledgeBuilderError> errors, Map<String, DroolsDrlCompiler.Read> read,
                       String firstSource, Problems problems) {
        new DrlErrors(read, firstSource, problems).report(errors);
    }

    private void report(Iterable<KnowledgeBuilderError> errors) {
        List<KnowledgeBuilderError> all = new ArrayList<>();
        errors.forEach(all::add);
        List<DrlText.RuleSpan> unclosed = new ArrayList<>();
        for (DroolsDrlCompiler.Read r : read.values()) {
            unclosed.addAll(unclosed(r.text()));
        }
        for (KnowledgeBuilderError e : all) {
            DroolsDrlCompiler.Read r = readOf(e);
            String message = oneLine(e.getMessage());
            if (NULL_PACKAGE.matcher(message).find() && (all.size() > 1 || !unclosed.isEmpty())) {
                continue;
            }
            int line = e.getLines() != null && e.getLines().length > 0 ? Math.max(0, e.getLines()[0]) : 0;
            int column = column(message, line);
            if (r == null) {
                add(new Place(firstSource, line, column), message, null);
                continue;
            }
            DrlText.RuleSpan rule = line > 0 ? r.text().ruleAt(r.text().offset(line, 1)) : null;
            if (rule != null && unclosed.contains(rule)) {
                // reported once, where the parenthesis opens
                continue;
            }
            column = line > 0 && column > 0 ? r.guards().original(line, column) : column;
            translate(r.text(), rule, new Place(r.text().source(), line, column), message);
        }
    }

    /** Reports each parenthesis a rule's condition opens and never closes; returns the rules that have one. */
    private List<DrlText.RuleSpan> unclosed(DrlText text) {
        List<DrlText.RuleSpan> rules = new ArrayList<>();
        for (DrlText.RuleSpan rule : text.rules()) {
            String s = text.masked();
            int depth = 0;
            List<Integer> open = new ArrayList<>();
            for (int i = rule.whenStart(); i < rule.thenStart(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    int end = s.indexOf('"', i + 1);
                    i = end < 0 ? rule.thenStart() : end;
                } else if (c == '(') {
                    open.add(i);
                    depth++;
                } else if (c == ')' && depth > 0) {
                    open.remove(open.size() - 1);
                    depth--;
                }
            }
            if (!open.isEmpty()) {
                int at = open.get(open.size() - 1);
                add(text.place(at), "unclosed [(] in the condition of rule [" + rule.name() + "]",
                        "close it with [)] before the end of the pattern");
                rules.add(rule);
            }
        }
        return rules;
    }

    private void translate(DrlText text, DrlText.RuleSpan rule, Place place, String drools) {
        String of = rule == null ? "" : " in rule [" + rule.name() + "]";
        Matcher strict = STRICT.matcher(drools);
        if (strict.find()) {
            String type = strict.group(1);
            String name = strict.group(2);
            boolean method = !strict.group(3).isEmpty();
            boolean proposal = type.startsWith("ProposalFact");
            List<String> known = proposal ? PROPOSAL_FACTS : method ? CASE_METHODS : CASE_FACTS;
            Place at = find(text, rule, name, place);
            String hint = Hints.didYouMean(name, known);
            add(at, "unknown " + (method ? "method [" + name + "(..)]" : "fact [" + name + "]") + of,
                    hint == null ? drools : hint);
            return;
        }
        Matcher type = OBJECT_TYPE.matcher(drools);
        if (type.find()) {
            String name = type.group(1);
            add(find(text, rule, name, place), "unknown fact type [" + name + "]" + of,
                    Hints.didYouMean(name, List.of("CaseFact", "ProposalFact")));
            return;
        }
        Matcher missing = MISSING.matcher(drools);
        if (missing.find()) {
            add(place, "missing [" + missing.group(1) + "] before [" + missing.group(2) + "]" + of, drools);
            return;
        }
        Matcher unexpected = UNEXPECTED.matcher(drools);
        if (unexpected.find()) {
            add(place, "unexpected [" + unexpected.group(1) + "]" + of, drools);
            return;
        }
        add(place, drools, null);
    }

    /** Returns the place of a name in the rule's condition (or the whole rule) at or after Drools' line, else Drools' place. */
    private static Place find(DrlText text, DrlText.RuleSpan rule, String name, Place drools) {
        if (rule == null) {
            return drools;
        }
        Matcher m = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?!\\w)").matcher(text.masked());
        int from = drools.line() > 0 ? Math.max(rule.start(), text.offset(drools.line(), 1)) : rule.start();
        m.region(from, rule.end());
        if (m.find()) {
            return text.place(m.start());
        }
        m.region(rule.start(), rule.end());
        return m.find() ? text.place(m.start()) : drools;
    }

    private void add(Place place, String message, String hint) {
        if (reported.add(place + " " + message)) {
            problems.error(place, message, hint);
        }
    }

    private DroolsDrlCompiler.Read readOf(KnowledgeBuilderError e) {
        if (e.getResource() != null && e.getResource().getSourcePath() != null) {
            return read.get(e.getResource().getSourcePath());
        }
        return read.size() == 1 ? read.values().iterator().next() : null;
    }

    /** Returns the 1-based column Drools gives (the parser counts from 0), or 0. */
    private static int column(String message, int line) {
        Matcher lc = LINE_COLUMN.matcher(message);
        if (lc.find() && Integer.parseInt(lc.group(1)) == line) {
            return Integer.parseInt(lc.group(2)) + 1;
        }
        Matcher c = COLUMN.matcher(message);
        return line > 0 && c.find() ? Integer.parseInt(c.group(1)) + 1 : 0;
    }

    private static String oneLine(String s) {
        return s == null ? "DRL error" : s.replaceAll("\\s+", " ").trim();
    }
}
