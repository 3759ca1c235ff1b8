package org.resolutionpolicy.drools.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;

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
    private static final Pattern UNDEFINED_EFFECT = Pattern.compile(
            "The method (\\w+)\\([^)]*\\) is undefined for the type Effects");
    private static final Pattern CONSEQUENCE = Pattern.compile("^Rule Compilation error:? (.+)$");
    private static final Pattern EOF = Pattern.compile("mismatched input '<EOF>'(?: in rule \"([^\"]*)\")?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> EFFECTS = List.of("deny", "routeToSwat", "require", "requireAll", "grant", "followUp");
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

    /**
     * Reports each parenthesis a rule's condition or consequence opens and never closes, where it opens; returns the
     * rules that have one, whose errors from Drools are the same mistake seen later.
     */
    private List<DrlText.RuleSpan> unclosed(DrlText text) {
        List<DrlText.RuleSpan> rules = new ArrayList<>();
        for (DrlText.RuleSpan rule : text.rules()) {
            int condition = unclosed(text.masked(), rule.whenStart(), rule.thenStart());
            int consequence = unclosed(text.masked(), Math.min(rule.thenStart() + 4, rule.end()), rule.end());
            if (condition >= 0 || consequence >= 0) {
                String part = condition >= 0 ? "condition" : "consequence";
                add(text.place(condition >= 0 ? condition : consequence), "unclosed [(] in the " + part + " of rule ["
                        + rule.name() + "]", "close it with [)]");
                rules.add(rule);
            }
        }
        return rules;
    }

    /** Returns the offset of the last parenthesis opened and never closed in a range, or -1. */
    private static int unclosed(String s, int from, int to) {
        List<Integer> open = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                i = end < 0 || end > to ? to : end;
            } else if (c == '(') {
                open.add(i);
            } else if (c == ')' && !open.isEmpty()) {
                open.remove(open.size() - 1);
            }
        }
        return open.isEmpty() ? -1 : open.get(open.size() - 1);
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
        Matcher effect = UNDEFINED_EFFECT.matcher(drools);
        if (effect.find()) {
            String name = effect.group(1);
            add(find(text, rule, name, place), "unknown effect [" + name + "]" + of, Hints.didYouMean(name, EFFECTS));
            return;
        }
        Matcher consequence = CONSEQUENCE.matcher(drools);
        if (consequence.find()) {
            add(place, consequence.group(1) + " in the consequence" + of.replace(" in ", " of "), drools);
            return;
        }
        Matcher eof = EOF.matcher(drools);
        if (eof.find()) {
            DrlText.RuleSpan last = text.rules().isEmpty() ? null : text.rules().get(text.rules().size() - 1);
            String name = eof.group(1) != null ? eof.group(1) : last == null ? null : last.name();
            Place at = last == null ? place : text.place(last.start());
            add(at, "the DRL ends inside " + (name == null ? "a declaration" : "rule [" + name + "]")
                    + ": its [end] is missing", drools);
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
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?!\\w)").matcher(text.masked());
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
