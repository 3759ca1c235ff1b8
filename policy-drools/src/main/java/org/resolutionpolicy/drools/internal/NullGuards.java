package org.resolutionpolicy.drools.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives DRL comparisons with an absent fact the meaning YAML gives them: false, whatever the operator. Drools
 * compares null like Java does, so {@code CaseFact( customerTier != "VIP" )} would hold for a case without a tier,
 * where YAML's {@code customer.tier: {not: VIP}} does not. Before Drools reads the DRL, each test of a fact that
 * may be absent ({@code customerTier}, {@code lifetimeValue}, {@code number("x")}, {@code amount}, ...) with
 * {@code !=} or {@code not in} inside a {@code CaseFact( .. )} or {@code ProposalFact( .. )} pattern gets a guard in
 * front: {@code customerTier != null && customerTier != "VIP"} ({@code &&} binds tighter than {@code ||}, so the
 * guard covers that test alone). Drools already says false for {@code ==}, {@code <}, {@code <=}, {@code >} and
 * {@code >=} with null, so those are left as written (the absent-facts corpus holds all of them to YAML's
 * answers), as are tests against {@code null} itself. The guards only insert text within a line, and {@link #original} maps a column
 * Drools reports in the guarded text back to the column in the file.
 */
final class NullGuards {

    /** The CaseFact and ProposalFact properties that are null when the case or proposal lacks them. */
    private static final String NULLABLE = "id|category|channel|openedAt|customerId|customerTier|lifetimeValue"
            + "|outOfPocket|affectedCustomers|socialReach|legalThreat|safetyIssue|regulatorInvolved|employeeId|amount"
            + "|(?:attribute|number)\\s*\\(\\s*\"[^\"\\n]*\"\\s*\\)";
    private static final Pattern TEST = Pattern.compile(
            "(" + NULLABLE + ")(?![\\w.])\\s*(?:!=|not\\s+in\\b)(?!\\s*null\\b)");
    private static final Pattern FACT = Pattern.compile("\\b(?:CaseFact|ProposalFact)\\s*\\(");

    /** Text inserted before a 1-based column of a line. */
    private record Insertion(int line, int column, int length) {
    }

    private final String guarded;
    private final List<Insertion> insertions;

    private NullGuards(String guarded, List<Insertion> insertions) {
        this.guarded = guarded;
        this.insertions = insertions;
    }

    /** Returns the guards for one DRL source. */
    static NullGuards of(DrlText drl) {
        String text = drl.masked();
        StringBuilder out = new StringBuilder();
        List<Insertion> insertions = new ArrayList<>();
        String original = drl.text();
        int copied = 0;
        Matcher fact = FACT.matcher(text);
        while (fact.find()) {
            DrlText.RuleSpan rule = drl.ruleAt(fact.start());
            int close = drl.closing(fact.end() - 1);
            if (rule == null || !rule.inCondition(fact.start()) || close < 0) {
                continue;
            }
            for (int i = fact.end(); i < close; i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    i = DrlText.stringEnd(text, i);
                    continue;
                }
                boolean starts = Character.isJavaIdentifierStart(c)
                        && !Character.isJavaIdentifierPart(text.charAt(i - 1)) && text.charAt(i - 1) != '.';
                Matcher test = starts ? TEST.matcher(text).region(i, close) : null;
                if (test != null && test.lookingAt()) {
                    String guard = test.group(1) + " != null && ";
                    out.append(original, copied, i).append(guard);
                    copied = i;
                    var at = drl.place(i);
                    insertions.add(new Insertion(at.line(), at.column(), guard.length()));
                    i = test.end() - 1;
                }
            }
            fact.region(close, text.length());
        }
        out.append(original, copied, original.length());
        return new NullGuards(out.toString(), List.copyOf(insertions));
    }

    /** Returns the DRL with its guards, as Drools reads it. */
    String guarded() {
        return guarded;
    }

    /** Returns how many guards were inserted. */
    int count() {
        return insertions.size();
    }

    /** Returns the column in the file of a 1-based column Drools reports on a line of the guarded text. */
    int original(int line, int column) {
        int shift = 0;
        for (Insertion ins : insertions) {
            if (ins.line() != line) {
                continue;
            }
            int at = ins.column() + shift;
            if (column >= at + ins.length()) {
                shift += ins.length();
            } else if (column >= at) {
                return ins.column();
            }
        }
        return column - shift;
    }
}
