package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The same pass names the whole numbers that decimal facts are compared with by order ({@code amount > 50},
 * {@code outOfPocket >= 500}): Drools' generated condition makes {@code new BigDecimal("50")} each time it is evaluated,
 * a tenth of what a reference decision allocates; read from a global holding the same {@code BigDecimal} instead, the
 * comparison is the same {@code compareTo} without it. The name is inserted in front of the number ({@code amount >
 * __rpDecimal50}), so the columns map back as for a guard, and the globals are declared after the file's last line
 * (see {@link #constants}). Equality tests are left as written (Drools hashes those), as are numbers with a sign, a
 * fraction, an exponent, a suffix, a leading zero or more than 18 digits, and every file that already names
 * something {@code __rpDecimal}.
 */
final class NullGuards {

    /** The CaseFact and ProposalFact properties that are null when the case or proposal lacks them. */
    private static final String NULLABLE = "id|category|channel|openedAt|customerId|customerTier|lifetimeValue"
            + "|outOfPocket|affectedCustomers|socialReach|legalThreat|safetyIssue|regulatorInvolved|employeeId|amount"
            + "|(?:attribute|number)\\s*\\(\\s*\"[^\"\\n]*\"\\s*\\)";
    private static final Pattern TEST = Pattern.compile(
            "(" + NULLABLE + ")(?![\\w.])\\s*(?:!=|not\\s+in\\b)(?!\\s*null\\b)");
    private static final Pattern FACT = Pattern.compile("\\b(?:CaseFact|ProposalFact)\\s*\\(");
    /** An order test of a decimal fact with a whole number; group 2 is the number. */
    private static final Pattern ORDER = Pattern.compile(
            "(amount|total|count|lifetimeValue|outOfPocket)(?![\\w.])\\s*(?:>=|<=|>|<)\\s*(0|[1-9]\\d{0,17})(?![\\w.])");
    /** The prefix of the globals that hold the numbers of {@link #ORDER} tests. */
    static final String CONSTANT = "__rpDecimal";

    /** Text inserted before a 1-based column of a line: a guard, or the name of a number. */
    private record Insertion(int line, int column, int length, boolean guard) {
    }

    private final String guarded;
    private final List<Insertion> insertions;
    private final Map<String, BigDecimal> constants;

    private NullGuards(String guarded, List<Insertion> insertions, Map<String, BigDecimal> constants) {
        this.guarded = guarded;
        this.insertions = insertions;
        this.constants = constants;
    }

    /** Returns the guards for one DRL source. */
    static NullGuards of(DrlText drl) {
        String text = drl.masked();
        StringBuilder out = new StringBuilder();
        List<Insertion> insertions = new ArrayList<>();
        String original = drl.text();
        boolean name = !original.contains(CONSTANT);
        Map<String, BigDecimal> constants = new LinkedHashMap<>();
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
                    insertions.add(new Insertion(at.line(), at.column(), guard.length(), true));
                    i = test.end() - 1;
                    continue;
                }
                Matcher order = starts && name ? ORDER.matcher(text).region(i, close) : null;
                if (order != null && order.lookingAt()) {
                    int number = order.start(2);
                    out.append(original, copied, number).append(CONSTANT);
                    copied = number;
                    constants.putIfAbsent(CONSTANT + order.group(2), new BigDecimal(order.group(2)));
                    var at = drl.place(number);
                    insertions.add(new Insertion(at.line(), at.column(), CONSTANT.length(), false));
                    i = order.end() - 1;
                }
            }
            fact.region(close, text.length());
        }
        out.append(original, copied, original.length());
        // after the last line, so that no line of the file moves
        constants.keySet().forEach(n -> out.append("\nglobal java.math.BigDecimal ").append(n).append(';'));
        return new NullGuards(out.toString(), List.copyOf(insertions), Map.copyOf(constants));
    }

    /** Returns the globals the text Drools reads declares for its numbers, by name, to set on each session. */
    Map<String, BigDecimal> constants() {
        return constants;
    }

    /** Returns the DRL with its guards, as Drools reads it. */
    String guarded() {
        return guarded;
    }

    /** Returns how many guards were inserted (the names of numbers not counted). */
    int count() {
        return (int) insertions.stream().filter(Insertion::guard).count();
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
