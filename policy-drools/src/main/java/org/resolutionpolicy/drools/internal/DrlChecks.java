package org.resolutionpolicy.drools.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.FollowUpSpec;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Values;

/**
 * Checks, when the policy loads, every literal a DRL rule passes to the library against the policy, as the YAML
 * reader checks a YAML rule: remedies ({@code remedy == "refund"}, {@code historyCount("voucher", ..)}), attributes
 * and their types ({@code number("delayMinutes")}), severities and roles ({@code severityAtLeast("HIGH")},
 * {@code roleAtLeast(..)}, {@code severity == ".."}, {@code employeeRole == ".."}), periods, and in effects the
 * roles, {@code upTo}, follow-up durations and owners, and SWAT routes. Each problem is placed at the literal's
 * line and column. A value computed at run time cannot be checked here: it gets a warning saying that it is checked
 * only when the rule fires. Also warns about rules switched off with {@code enabled false}.
 */
final class DrlChecks {

    private static final Pattern CASE_CALL = Pattern.compile(
            "\\b(severityAtLeast|roleAtLeast|attribute|number|historyCount|historyTotal)\\s*\\(");
    private static final Pattern REMEDY_TEST = Pattern.compile("\\bremedy\\s*(?:==|!=)\\s*(?=\")");
    private static final Pattern REMEDY_IN = Pattern.compile("\\bremedy\\s+(?:not\\s+)?in\\s*\\(");
    private static final Pattern RANKED_TEST = Pattern.compile("\\b(severity|employeeRole)\\s*(?:==|!=)\\s*(?=\")");
    private static final Pattern EFFECT = Pattern.compile(
            "\\beffects\\s*\\.\\s*(deny|routeToSwat|requireAll|require|grant|followUp)\\s*\\(");
    private static final Pattern DISABLED = Pattern.compile("\\benabled\\s+\\(?\\s*false\\b");

    private final DrlText drl;
    private final PolicyModel model;
    private final Problems problems;
    private boolean ok = true;
    /** Appended to the call a computed value is passed to, when the call does not name its rule. */
    private String computedIn = "";

    private DrlChecks(DrlText drl, PolicyModel model, Problems problems) {
        this.drl = drl;
        this.model = model;
        this.problems = problems;
    }

    /**
     * Checks one DRL source against the policy.
     *
     * @return true if no error was recorded
     */
    static boolean check(DrlText drl, PolicyModel model, Problems problems) {
        DrlChecks checks = new DrlChecks(drl, model, problems);
        checks.caseCalls();
        checks.remedyTests();
        checks.rankedTests();
        checks.effects();
        checks.disabled();
        return checks.ok;
    }

    // ---------------------------------------------------------------- conditions

    private void caseCalls() {
        Matcher m = CASE_CALL.matcher(drl.masked());
        while (m.find()) {
            DrlText.RuleSpan rule = drl.ruleAt(m.start());
            List<DrlText.Arg> args = drl.args(m.end() - 1);
            if (rule == null || !rule.inCondition(m.start()) || args == null || args.isEmpty()) {
                continue;
            }
            String method = m.group(1);
            String where = method + "(..) of " + name(rule);
            DrlText.Arg first = args.get(0);
            switch (method) {
                case "severityAtLeast" -> named(first, model.severities(), "severity", where);
                case "roleAtLeast" -> named(first, model.roles(), "role", where);
                case "attribute", "number" -> attribute(first, method, where);
                default -> {
                    remedy(first, where);
                    if (args.size() > 1) {
                        period(args.get(1), where);
                    }
                }
            }
        }
    }

    private void remedyTests() {
        Matcher m = REMEDY_TEST.matcher(drl.masked());
        while (m.find()) {
            DrlText.RuleSpan rule = drl.ruleAt(m.start());
            if (rule != null && rule.inCondition(m.start())) {
                remedy(new DrlText.Arg(literalAt(m.end()), m.end()), name(rule));
            }
        }
        Matcher in = REMEDY_IN.matcher(drl.masked());
        while (in.find()) {
            DrlText.RuleSpan rule = drl.ruleAt(in.start());
            List<DrlText.Arg> args = drl.args(in.end() - 1);
            if (rule != null && rule.inCondition(in.start()) && args != null) {
                args.forEach(a -> remedy(a, name(rule)));
            }
        }
    }

    private void rankedTests() {
        Matcher m = RANKED_TEST.matcher(drl.masked());
        while (m.find()) {
            DrlText.RuleSpan rule = drl.ruleAt(m.start());
            if (rule != null && rule.inCondition(m.start())) {
                DrlText.Arg value = new DrlText.Arg(literalAt(m.end()), m.end());
                boolean severity = m.group(1).equals("severity");
                named(value, severity ? model.severities() : model.roles(), severity ? "severity" : "role", name(rule));
            }
        }
    }

    /** Returns the string literal that starts at an offset of the masked text. */
    private String literalAt(int quote) {
        int end = quote + 1;
        String s = drl.masked();
        while (end < s.length() && s.charAt(end) != '"' && s.charAt(end) != '\n') {
            end += s.charAt(end) == '\\' ? 2 : 1;
        }
        return s.substring(quote, Math.min(s.length(), end + 1));
    }

    private void remedy(DrlText.Arg arg, String where) {
        String remedy = literal(arg, "remedy", where);
        if (remedy != null && !model.remedies().containsKey(remedy)) {
            error(arg, "unknown remedy [" + remedy + "] in " + where, Hints.didYouMean(remedy, model.remedies().keySet()));
        }
    }

    private void period(DrlText.Arg arg, String where) {
        String period = literal(arg, "period", where);
        if (period != null && Values.parsePeriod(period, org.resolutionpolicy.model.value.WorkCalendar.DEFAULT) == null) {
            boolean calendar = period.trim().regionMatches(true, 0, "calendar", 0, 8);
            error(arg, calendar ? Values.periodProblem(period, "the period of " + where)
                    : "[" + period + "] is not an ISO-8601 period such as P30D or P6M in " + where,
                    calendar ? "write one of " + org.resolutionpolicy.api.CalendarPeriod.EXAMPLES : null);
        }
    }

    private void named(DrlText.Arg arg, List<String> scale, String kind, String where) {
        String name = literal(arg, kind, where);
        if (name != null && !scale.contains(name)) {
            error(arg, "unknown " + kind + " [" + name + "] in " + where, Hints.didYouMean(name, scale));
        }
    }

    private void attribute(DrlText.Arg arg, String method, String where) {
        String name = literal(arg, "attribute", where);
        if (name == null) {
            return;
        }
        FactType type = model.attributes().get(name);
        if (type == null) {
            String hint = Hints.didYouMean(name, model.attributes().keySet());
            error(arg, "unknown attribute [" + name + "] in " + where,
                    hint != null && hint.startsWith("did") ? hint : "declare it under attributes: in the policy");
        } else if (method.equals("number") && type != FactType.NUMBER) {
            error(arg, "attribute [" + name + "] is a " + type.label() + ", not a number, in " + where,
                    "read it with attribute(\"" + name + "\")");
        }
    }

    // ---------------------------------------------------------------- effects

    private void effects() {
        Matcher m = EFFECT.matcher(drl.masked());
        while (m.find()) {
            List<DrlText.Arg> args = drl.args(m.end() - 1);
            if (args == null) {
                continue;
            }
            DrlText.RuleSpan rule = drl.ruleAt(m.start());
            String method = m.group(1);
            // as the messages of earlier versions read (and the CLI's users may match): the call, at its place
            String where = "effects." + method + "(..)";
            computedIn = " of " + name(rule);
            switch (method) {
                case "routeToSwat" -> {
                    if (model.swatTeam() == null) {
                        error(m.start(), (rule == null ? "the DRL" : name(rule))
                                + " routes to swat, but the policy has no swat team", "add swat: { team: <name> }");
                    }
                }
                case "require" -> role(args, 1, where);
                case "requireAll" -> roles(args, where);
                case "grant" -> {
                    role(args, 1, where);
                    upTo(args, where);
                }
                case "followUp" -> {
                    within(args, where);
                    role(args, 3, where);
                    if (args.size() == 6) {
                        followUpWhen(args.get(4), where);
                    }
                }
                default -> {
                    // deny takes nothing to check
                }
            }
        }
    }

    private void role(List<DrlText.Arg> args, int index, String where) {
        if (args.size() > index && !args.get(index).isNull()) {
            named(args.get(index), model.roles(), "role", where);
        }
    }

    /** Checks the roles of {@code requireAll(kcontext, "director, finance", ..)}: each on the ladder, once. */
    private void roles(List<DrlText.Arg> args, String where) {
        if (args.size() < 2) {
            return;
        }
        DrlText.Arg arg = args.get(1);
        String text = literal(arg, "roles", where);
        if (text == null) {
            if (arg.isNull()) {
                error(arg, "the roles of " + where + " must name at least one role", "write \"director, finance\"");
            }
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : text.split(",", -1)) {
            String role = part.trim();
            if (role.isEmpty()) {
                error(arg, "the roles [" + text + "] of " + where + " have an empty entry",
                        "separate the roles by single commas: \"director, finance\"");
            } else if (!model.roles().contains(role)) {
                error(arg, "unknown role [" + role + "] in " + where, Hints.didYouMean(role, model.roles()));
            } else if (!seen.add(role)) {
                error(arg, "[" + role + "] appears twice in the roles of " + where, null);
            }
        }
    }

    /** Checks the outcomes of {@code followUp(kcontext, action, within, owner, "granted", ..)}. */
    private void followUpWhen(DrlText.Arg arg, String where) {
        String text = literal(arg, "when", where);
        if (text == null) {
            if (arg.isNull()) {
                error(arg, "the when of " + where + " must name an outcome",
                        "name one or more of " + Hints.bracketed(FollowUpSpec.OUTCOMES.keySet())
                                + ", or call followUp without when");
            }
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim();
            if (!FollowUpSpec.OUTCOMES.containsKey(name)) {
                String hint = Hints.didYouMean(name, FollowUpSpec.OUTCOMES.keySet());
                error(arg, "unknown outcome [" + name + "] in the when of " + where, hint != null ? hint
                        : "name one or more of " + Hints.bracketed(FollowUpSpec.OUTCOMES.keySet()));
            } else if (!seen.add(name)) {
                error(arg, "[" + name + "] appears twice in the when of " + where, null);
            }
        }
    }

    private void upTo(List<DrlText.Arg> args, String where) {
        if (args.size() < 3 || args.get(2).isNumber()) {
            return;
        }
        DrlText.Arg upTo = args.get(2);
        String s = upTo.string();
        if (s == null) {
            computed(upTo, "upTo", where);
        } else if (!s.equals("unlimited")) {
            error(upTo, "upTo of " + where + " must be a number or [unlimited], not [" + s + "]", null);
        }
    }

    private void within(List<DrlText.Arg> args, String where) {
        if (args.size() < 3 || args.get(2).isNull()) {
            return;
        }
        DrlText.Arg within = args.get(2);
        String text = literal(within, "within", where);
        if (text != null && (Values.parsePeriod(text, org.resolutionpolicy.model.value.WorkCalendar.DEFAULT) == null
                || text.trim().regionMatches(true, 0, "calendar", 0, 8))) {
            error(within, "within of " + where + " must be an ISO-8601 period such as [P30D], [P6M] or [PT48H], not ["
                    + text + "]", null);
        }
    }

    private void disabled() {
        for (DrlText.RuleSpan rule : drl.rules()) {
            Matcher m = DISABLED.matcher(drl.masked()).region(rule.start(), rule.whenStart());
            if (m.find()) {
                problems.warning(drl.place(m.start()), name(rule) + " is disabled and never applies",
                        "delete it when it is no longer needed");
            }
        }
    }

    // ---------------------------------------------------------------- support

    /** Returns the value of a string literal; warns about a computed value, which only the rule firing can check. */
    private String literal(DrlText.Arg arg, String what, String where) {
        String value = arg.string();
        if (value == null && !arg.isNull()) {
            computed(arg, what, where);
        }
        return value;
    }

    private void computed(DrlText.Arg arg, String what, String where) {
        problems.warning(drl.place(arg.start()), "the " + what + " [" + arg.text() + "] of " + where + computedIn
                + " is computed at run time, so it is checked only when the rule fires",
                "write it as a literal to have it checked when the policy loads");
    }

    private static String name(DrlText.RuleSpan rule) {
        return rule == null ? "a function" : "rule [" + rule.name() + "]";
    }

    private void error(DrlText.Arg arg, String message, String hint) {
        problems.error(drl.place(arg.valueStart()), message, hint);
        ok = false;
    }

    private void error(int offset, String message, String hint) {
        problems.error(drl.place(offset), message, hint);
        ok = false;
    }
}
