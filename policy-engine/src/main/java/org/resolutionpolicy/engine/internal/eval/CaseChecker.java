package org.resolutionpolicy.engine.internal.eval;

import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.SeverityScale;
import org.resolutionpolicy.api.CaseSeverity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.ProposalDecision;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.source.Hints;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.value.Values;

/**
 * Checks a case against a policy before deciding it, collecting every problem with the field it is in.
 *
 * <p>Nothing is guessed: an unknown name, a missing or negative amount or a value of the wrong type is an
 * {@link InvalidCaseException}, never a default.
 */
final class CaseChecker {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The most digits a number may have before, and the most after, the decimal point. */
    static final int MAX_PLACES = 18;

    private final PolicyModel policy;
    private final Map<String, RemedyPlan> plans;
    private final Map<String, Integer> severities = new HashMap<>();
    private final Map<String, Integer> roles = new HashMap<>();
    private final int maxProposals;
    /** The policy counts every case in UTC ({@link org.resolutionpolicy.model.PolicyTime#utcOnly()}), found at load. */
    private final boolean utcOnly;

    CaseChecker(PolicyModel policy, Map<String, RemedyPlan> plans, int maxProposals) {
        this.policy = policy;
        // a plain hash map: every proposal's remedy is looked up, and the unmodifiable view's call cost a share
        this.plans = new HashMap<>(plans);
        this.maxProposals = maxProposals;
        this.utcOnly = policy.time().utcOnly();
        policy.severities().forEach(s -> severities.put(s, severities.size()));
        policy.roles().forEach(r -> roles.put(r, roles.size()));
    }

    /**
     * Checks a case, in an evaluation's scratch: its facts, its proposals with the amounts as decided, the plan of each
     * one's remedy, and, when a remedy repeats, each proposal's earlier proposals of its remedy
     * ({@link ProposalDecision#countedWith(List)}) and the severity a scale put the case at go into the scratch, which
     * only the evaluation reads; problems go into its list, which an {@link InvalidCaseException} copies.
     *
     * @param clock gives where cumulative windows end when the case has no {@code openedAt}; asked only then
     */
    void check(CustomerCase c, Clock clock, Scratch s) {
        if (c.proposals().size() > maxProposals) {
            // before any other check: the work of a case grows with its proposals (and their siblings)
            throw new InvalidCaseException(c.id(), List.of(new CaseProblem("proposals", "[" + c.proposals().size()
                    + "] proposals, more than the [" + maxProposals + "] one case may make; split the case")));
        }
        List<CaseProblem> problems = s.problems();
        SeverityScale scale = policy.severityScale();
        // with a scale a case may leave its severity out: the scale sets it
        int severity = c.severity() == null && !scale.isEmpty() ? -1
                : rank("severity", c.severity(), severities, policy.severities(), "severity", problems);
        int role = rank("employee.role", c.employee().role(), roles, policy.roles(), "role", problems);
        Map<String, Object> attributes = attributes(c.attributes(), problems);
        RemedyPlan[] resolved = s.plans(c.proposals().size());
        List<Proposal> proposals = proposals(c.proposals(), resolved, problems);
        history(c.customer().history(), problems);
        impact(c.impact(), problems);
        if (c.currency() != null || hasCurrency(c.proposals())) {
            currencies(c, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCaseException(c.id(), problems);
        }
        Facts facts = new Facts(c, severity, role, clock, attributes, policy.time());
        if (!utcOnly && !facts.time().utc()) {
            facts = CaseDates.inZone(c, severity, role, clock, attributes, policy.time(), facts.time().zone());
        }
        CaseSeverity used = null;
        if (!scale.isEmpty()) {
            used = scale.apply(facts, policy.severities());
            facts = facts.withSeverityRank(policy.severityRank(used.used()));
        }
        s.facts = facts;
        s.proposals = proposals;
        s.counted = repeats(resolved, proposals.size()) ? ProposalDecision.countedWith(proposals) : null;
        s.severity = used;
    }

    /**
     * Returns true if two proposals are of one remedy. Found here, once per case, and not in the evaluator's loop
     * over the proposals: a loop in that hot method which only a rare case enters made the JIT compile the method
     * again each time such a case came (measured on a cold replay of a million cases).
     */
    static boolean repeats(RemedyPlan[] plans, int count) {
        long seen = 0;
        for (int i = 0; i < count; i++) {
            int ordinal = plans[i].ordinal;
            if (ordinal >= Long.SIZE) {
                return repeatsSlowly(plans, count);
            }
            long bit = 1L << ordinal;
            if ((seen & bit) != 0) {
                return true;
            }
            seen |= bit;
        }
        return false;
    }

    private static boolean repeatsSlowly(RemedyPlan[] plans, int count) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            if (!seen.add(plans[i].ordinal)) {
                return true;
            }
        }
        return false;
    }

    private static int rank(String field, String value, Map<String, Integer> ranks, List<String> scale, String kind,
                            List<CaseProblem> problems) {
        if (value == null) {
            problems.add(new CaseProblem(field, "missing; expected one of " + Hints.bracketed(scale)));
            return -1;
        }
        Integer found = ranks.get(value);
        int rank = found == null ? -1 : found;
        if (rank < 0) {
            String hint = Hints.didYouMean(value, scale);
            problems.add(new CaseProblem(field, "unknown " + kind + " " + Problems.quote(value) + (hint == null ? "" : " (" + hint + ")")));
        }
        return rank;
    }

    /**
     * Describes a value of the wrong type; text given for a number or a boolean is called text, in quotes, so
     * {@code "2"} is not shown as [2] as if it were the number.
     */
    private static String wrongValue(Object value, FactType type) {
        if (!(value instanceof String text) || type == FactType.DATETIME) {
            return Problems.quote(String.valueOf(value));
        }
        String shown = "the text [\"" + Problems.prefix(text) + "\"]";
        if (type == FactType.NUMBER && NUMERAL.matcher(text).matches()) {
            return shown + "; write the number without quotes";
        }
        return type == FactType.BOOLEAN && (text.equals("true") || text.equals("false"))
                ? shown + "; write true or false without quotes" : shown;
    }

    private static final java.util.regex.Pattern NUMERAL =
            java.util.regex.Pattern.compile("[-+]?[0-9]{1,30}(\\.[0-9]{1,30})?");

    private Map<String, Object> attributes(Map<String, Object> given, List<CaseProblem> problems) {
        if (given.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> typed = new HashMap<>();
        given.forEach((name, value) -> {
            String field = "attributes." + Problems.prefix(name);
            FactType type = policy.attributes().get(name);
            if (type == null) {
                String hint = Hints.didYouMean(name, policy.attributes().keySet());
                problems.add(new CaseProblem(field, "unknown attribute " + Problems.quote(name) + "; the policy declares "
                        + Hints.bracketed(policy.attributes().keySet()) + (hint == null || hint.startsWith("expected") ? "" : " (" + hint + ")")));
                return;
            }
            Object converted = convert(value, type);
            if (converted == null) {
                problems.add(new CaseProblem(field, "must be a " + type.label() + ", not " + wrongValue(value, type)));
                return;
            }
            if (converted instanceof BigDecimal n && inexact(n) != null) {
                problems.add(new CaseProblem(field, inexact(n)));
                return;
            }
            typed.put(name, converted);
        });
        return typed;
    }

    private static Object convert(Object value, FactType type) {
        switch (type) {
            case NUMBER:
                return value instanceof BigDecimal ? value : null;
            case STRING:
                return value instanceof String ? value : null;
            case BOOLEAN:
                return value instanceof Boolean ? value : null;
            case DATETIME:
                if (value instanceof Instant) {
                    return value;
                }
                return value instanceof String ? Values.parseInstant((String) value) : null;
            default:
                return null;
        }
    }

    private List<Proposal> proposals(List<Proposal> given, RemedyPlan[] resolved, List<CaseProblem> problems) {
        // the field names are only made when there is a problem to report: checking runs on every decision
        List<Proposal> decided = null;
        for (int i = 0; i < given.size(); i++) {
            Proposal p = given.get(i);
            RemedyPlan plan = p.remedy() == null ? null : plans.get(p.remedy());
            if (plan == null) {
                String hint = Hints.didYouMean(p.remedy(), policy.remedies().keySet());
                problems.add(new CaseProblem("proposals[" + i + "].remedy", "unknown remedy " + Problems.quote(p.remedy())
                        + (hint == null ? "" : " (" + hint + ")")));
                continue;
            }
            resolved[i] = plan;
            RemedyUnit unit = plan.unit;
            BigDecimal amount = p.amount();
            switch (unit) {
                case MONEY:
                case PERCENT:
                    if (amount == null) {
                        problems.add(new CaseProblem(amountField(i), "missing; [" + p.remedy() + "] is a "
                                + unit.label() + " remedy and needs an amount"));
                    } else if (amount.signum() < 0) {
                        problems.add(new CaseProblem(amountField(i), "must not be negative, was [" + amount.toPlainString() + "]"));
                    } else if (unit == RemedyUnit.PERCENT && amount.compareTo(HUNDRED) > 0) {
                        problems.add(new CaseProblem(amountField(i), "a percentage must be within 0..100, was [" + amount.toPlainString() + "]"));
                    } else if (inexact(amount) != null) {
                        problems.add(new CaseProblem(amountField(i), inexact(amount)));
                    }
                    break;
                case COUNT:
                    if (amount == null) {
                        amount = BigDecimal.ONE;
                    } else if (amount.signum() < 0) {
                        problems.add(new CaseProblem(amountField(i), "must not be negative, was [" + amount.toPlainString() + "]"));
                    } else if (Values.hasFraction(amount)) {
                        problems.add(new CaseProblem(amountField(i), "a count must be a whole number, was [" + amount.toPlainString() + "]"));
                    } else if (inexact(amount) != null) {
                        problems.add(new CaseProblem(amountField(i), inexact(amount)));
                    }
                    break;
                case NONE:
                    if (amount != null) {
                        problems.add(new CaseProblem(amountField(i), "[" + p.remedy() + "] has unit none and takes no amount, was ["
                                + amount.toPlainString() + "]"));
                    }
                    break;
                default:
                    throw new IllegalStateException("unit " + unit);
            }
            if (amount != p.amount() && decided == null) {
                decided = new ArrayList<>(given.subList(0, i));
            }
            if (decided != null) {
                decided.add(amount == p.amount() ? p : Proposal.of(p.remedy(), amount));
            }
        }
        return decided == null ? given : decided;
    }

    private static boolean hasCurrency(List<Proposal> proposals) {
        for (Proposal p : proposals) {
            if (p.currency() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the currencies a case states: each an ISO 4217 code, a proposal's only on a money remedy, and each the
     * policy's (when it names one) and the case's; amounts are never converted.
     */
    private void currencies(CustomerCase c, List<CaseProblem> problems) {
        String caseCurrency = c.currency();
        if (caseCurrency != null && currencyCode("currency", caseCurrency, problems)
                && policy.currency() != null && !caseCurrency.equals(policy.currency())) {
            problems.add(new CaseProblem("currency", Problems.quote(caseCurrency) + " is not the policy's currency ["
                    + policy.currency() + "]; amounts are never converted"));
        }
        for (int i = 0; i < c.proposals().size(); i++) {
            Proposal p = c.proposals().get(i);
            RemedyPlan plan = p.remedy() == null ? null : plans.get(p.remedy());
            String field = "proposals[" + i + "].currency";
            if (p.currency() == null || plan == null || !currencyCode(field, p.currency(), problems)) {
                continue;
            }
            if (plan.unit != RemedyUnit.MONEY) {
                problems.add(new CaseProblem(field, "[" + p.remedy() + "] is a " + plan.unit.label()
                        + " remedy; only money remedies have a currency, was " + Problems.quote(p.currency())));
            } else if (policy.currency() != null && !p.currency().equals(policy.currency())) {
                problems.add(new CaseProblem(field, Problems.quote(p.currency()) + " is not the policy's currency ["
                        + policy.currency() + "]; amounts are never converted"));
            } else if (caseCurrency != null && !p.currency().equals(caseCurrency)) {
                problems.add(new CaseProblem(field, Problems.quote(p.currency()) + " is not the case's currency ["
                        + caseCurrency + "]; amounts are never converted"));
            }
        }
    }

    /** Returns true if a currency is written as an ISO 4217 code (three capital letters), else records why not. */
    private static boolean currencyCode(String field, String currency, List<CaseProblem> problems) {
        if (Values.isCurrencyCode(currency)) {
            return true;
        }
        String upper = currency.toUpperCase(java.util.Locale.ROOT);
        problems.add(new CaseProblem(field, "must be an ISO 4217 code of three capital letters such as [EUR], was "
                + Problems.quote(currency) + (Values.isCurrencyCode(upper) ? " (did you mean [" + upper + "]?)" : "")));
        return false;
    }

    private static String amountField(int i) {
        return "proposals[" + i + "].amount";
    }

    private void history(List<HistoryEntry> history, List<CaseProblem> problems) {
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry h = history.get(i);
            if (h.remedy() == null) {
                problems.add(new CaseProblem(historyField(i, "remedy"), "missing"));
            } else if (!policy.remedies().containsKey(h.remedy())) {
                String hint = Hints.didYouMean(h.remedy(), policy.remedies().keySet());
                problems.add(new CaseProblem(historyField(i, "remedy"), "unknown remedy " + Problems.quote(h.remedy())
                        + (hint == null ? "" : " (" + hint + ")")));
            }
            if (h.at() == null) {
                problems.add(new CaseProblem(historyField(i, "at"),
                        "missing; history entries need the date they were granted"));
            }
            if (h.amount() != null && h.amount().signum() < 0) {
                problems.add(new CaseProblem(historyField(i, "amount"), "must not be negative, was ["
                        + h.amount().toPlainString() + "]"));
            } else if (h.amount() != null && inexact(h.amount()) != null) {
                problems.add(new CaseProblem(historyField(i, "amount"), inexact(h.amount())));
            }
        }
    }

    private static String historyField(int i, String name) {
        return "customer.history[" + i + "]." + name;
    }

    private static void impact(Impact impact, List<CaseProblem> problems) {
        if (impact.outOfPocket() != null && impact.outOfPocket().signum() < 0) {
            problems.add(new CaseProblem("impact.outOfPocket", "must not be negative, was [" + impact.outOfPocket().toPlainString() + "]"));
        } else if (impact.outOfPocket() != null && inexact(impact.outOfPocket()) != null) {
            problems.add(new CaseProblem("impact.outOfPocket", inexact(impact.outOfPocket())));
        }
        if (impact.affectedCustomers() != null && impact.affectedCustomers() < 0) {
            problems.add(new CaseProblem("impact.affectedCustomers", "must not be negative, was [" + impact.affectedCustomers() + "]"));
        }
        if (impact.socialReach() != null && impact.socialReach() < 0) {
            problems.add(new CaseProblem("impact.socialReach", "must not be negative, was [" + impact.socialReach() + "]"));
        }
    }

    /**
     * Returns why a number is refused, or null when it is inside the bounds of exact numbers: at most 18 digits before
     * the point (else too large) and 18 after it (else too precise). Expressions and matchers compute with the same
     * exact decimals, so they agree on every accepted number; zeros after the last significant digit do not count
     * ({@code 100.000} has no digit after the point).
     */
    static String inexact(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        // the usual amount passes without a stripped copy: stripping only lowers precision and scale together
        if (value.scale() <= MAX_PLACES && value.precision() - value.scale() <= MAX_PLACES) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        if (integerDigits > MAX_PLACES) {
            return "is too large: [" + integerDigits + "] digits before the point, at most [" + MAX_PLACES + "], was "
                    + Problems.quote(value.toString());
        }
        if (stripped.scale() > MAX_PLACES) {
            return "is too precise: [" + stripped.scale() + "] digits after the point, at most [" + MAX_PLACES
                    + "], was " + Problems.quote(value.toString());
        }
        return null;
    }
}
