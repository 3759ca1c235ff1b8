package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CalendarPeriod;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.model.Effect;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;

/**
 * Encodes one policy's decision of one proposal as a formula of the case, the remedy and the amount: which rules
 * match, and the outcome the lattice makes of them (deny over SWAT over the highest of the authority role and every
 * required role; authority with grants, windows and {@code beyondAuthority}).
 *
 * <p>Outcomes are integer codes that order them by strictness: {@link #ALONE} (-1), the rank of the approver for an
 * escalation, then {@link #swat()} and {@link #denied()}. A rule whose condition has no formula matches "maybe": a
 * free variable, so that a proof holds whatever it does; so does a limit computed in a way the encoder cannot
 * express cover "maybe". DRL rules are left out, their effects being code.
 */
public final class PolicyEncoder {

    /** The code of {@code ALONE}. */
    public static final int ALONE = -1;

    private final FactSpace space;
    private final Smt smt;
    private final PolicyModel model;
    private final String label;
    private final Map<String, RemedyTerms> remedies = new HashMap<>();
    /** Why a rule's condition or effect has no formula, by rule id; rules with one are absent. */
    private final Map<String, String> notEncoded = new LinkedHashMap<>();
    /** Why a computed limit of the authority table has no formula, by "role for remedy". */
    private final Map<String, String> authorityNotEncoded = new LinkedHashMap<>();
    /** The severity the case is decided at, made on first use: see {@link #severityUsed()}. */
    private SeverityTerm severity;

    /**
     * Creates the encoder.
     *
     * @param label distinguishes the variables of two policies in one space, e.g. "old"
     */
    public PolicyEncoder(FactSpace space, PolicyModel model, String label) {
        this.space = space;
        this.smt = space.smt();
        this.model = model;
        this.label = label;
    }

    /** Returns the policy. */
    public PolicyModel model() {
        return model;
    }

    /** Returns the code of a SWAT outcome. */
    public int swat() {
        return model.roles().size();
    }

    /** Returns the code of a denial. */
    public int denied() {
        return model.roles().size() + 1;
    }

    /** Returns the rule ids whose condition or effect the encoder could not express, with why; DRL not included. */
    public Map<String, String> notEncoded() {
        encodeAll();
        return notEncoded;
    }

    /** Returns the computed limits of the authority table the encoder could not express, by "role for remedy". */
    public Map<String, String> authorityNotEncoded() {
        encodeAll();
        return authorityNotEncoded;
    }

    /** Returns true if every YAML rule, every limit and the severity scale have a formula, so a result is exact. */
    public boolean allEncoded() {
        return notEncoded().isEmpty() && authorityNotEncoded().isEmpty() && scaleNotEncoded().isEmpty();
    }

    /**
     * Returns the rank the policy decides a case at: the case's own severity without a severity scale; with one,
     * the highest of the case's own and every matching entry's ({@code max(given, entries)}; a case that leaves its
     * severity out is decided as one at the lowest, which the case's variable already covers).
     */
    public Term severityUsed() {
        if (severity == null) {
            severity = SeverityTerm.of(space, model, label);
        }
        return severity.used();
    }

    /**
     * Returns a formula over the case's facts read at the severity the policy decides the case at: each reading of
     * the case's own severity replaced by {@link #severityUsed()}; the formula itself without a severity scale.
     */
    public Term atSeverityUsed(Term formula) {
        severityUsed();
        return severity.atUsed(formula);
    }

    /** Returns the entries of the severity scale whose condition has no formula, with why, by entry id. */
    public Map<String, String> scaleNotEncoded() {
        severityUsed();
        return severity.notEncoded();
    }

    private void encodeAll() {
        for (String r : model.remedies().keySet()) {
            remedy(r);
        }
    }

    /** Returns the ids of the rules from DRL sources, which the analysis leaves out. */
    public List<String> externalRules() {
        return model.external() == null ? List.of() : model.external().ruleIds();
    }

    /** Returns the formulas of proposals of one remedy. */
    public RemedyTerms remedy(String remedy) {
        return remedies.computeIfAbsent(remedy, r -> new RemedyTerms(r));
    }

    /** The formulas of one remedy's proposals: each rule's match, and the outcome. */
    public final class RemedyTerms {
        private final String remedy;
        private final Term[] match;
        /** For a grant whose limit is computed from the case, whether that limit covers the amount; else null. */
        private final Term[] computedCovers;
        /** For a role whose own limit is computed from the case, whether it covers the amount; else null. */
        private final Term[] entryCovers;
        private final Term outcome;
        /** By rank, whether the role is among the approvers of the proposal's escalation (all false otherwise). */
        private final Term[] signs;
        /** The free truths this remedy's formulas share by name (a limit or window the solver cannot compute). */
        private final Map<String, Term> maybe = new HashMap<>();
        private java.util.Set<Term> variables;
        /** By rule, the values its condition pins facts to; made on first use. */
        private final Pins[] pins;
        /** By rule, {@link #beside}; made on first use. */
        private final int[][] beside;

        RemedyTerms(String remedy) {
            this.remedy = remedy;
            ConditionEncoder conditions = new ConditionEncoder(space, remedy, model.rounding(), model.time());
            severityUsed();
            List<Rule> rules = model.rules();
            match = new Term[rules.size()];
            pins = new Pins[rules.size()];
            beside = new int[rules.size()][];
            computedCovers = new Term[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (!r.enabled() || !r.appliesTo(remedy)) {
                    match[i] = smt.no();
                    continue;
                }
                try {
                    effectKnown(r.effect());
                    match[i] = severity.atUsed(conditions.encode(r.when()));
                } catch (NotEncoded e) {
                    notEncoded.putIfAbsent(r.id(), e.getMessage());
                    match[i] = smt.boolVar(label + ".maybe." + r.id() + "." + remedy);
                }
                if (r.effect().computed() != null) {
                    try {
                        computedCovers[i] = severity.atUsed(conditions.covers(r.effect().computed()));
                    } catch (NotEncoded e) {
                        notEncoded.putIfAbsent(r.id(), "its amount [" + r.effect().computed().text() + "]: "
                                + e.getMessage());
                        computedCovers[i] = smt.boolVar(label + ".computed." + remedy + "." + r.id());
                    }
                }
            }
            AuthorityEntry[] entries = model.authority().get(remedy);
            entryCovers = new Term[model.roles().size()];
            for (int k = 0; entries != null && k < entries.length; k++) {
                if (entries[k] != null && entries[k].window() instanceof CalendarPeriod period) {
                    authorityNotEncoded.putIfAbsent(model.roles().get(k) + " for " + remedy, "its window [" + period
                            + "] counts a calendar period, which the analysis does not model");
                }
                if (entries[k] != null && entries[k].computed() != null) {
                    try {
                        entryCovers[k] = severity.atUsed(conditions.covers(entries[k].computed()));
                    } catch (NotEncoded e) {
                        authorityNotEncoded.putIfAbsent(model.roles().get(k) + " for " + remedy, "its limit ["
                                + entries[k].computed().text() + "]: " + e.getMessage());
                        entryCovers[k] = smt.boolVar(label + ".computed." + remedy + "." + k);
                    }
                }
            }
            Decided decided = outcome(match);
            outcome = decided.code();
            signs = decided.signs();
        }

        /** Returns the remedy. */
        public String remedy() {
            return remedy;
        }

        /** Returns the formula of a rule matching a proposal of this remedy (false if it cannot be about it). */
        public Term match(int rule) {
            return match[rule];
        }

        /** Returns the outcome code of a proposal of this remedy. */
        public Term outcome() {
            return outcome;
        }

        /**
         * Returns whether a role is among the approvers of the proposal's escalation: the approver of an ordinary
         * escalation, and each role that must still sign off under a dual approval.
         */
        public Term signs(int role) {
            return signs[role];
        }

        /**
         * Returns a formula that holds, for a proposal that rule {@code anchor} matches, when the proposal is decided
         * otherwise, approvers included, without the given rules (the anchor among them). Only the rules that can
         * match together with the anchor are encoded: a rule that pins a fact to other values than the anchor pins
         * it to (severity LOW against HIGH, tier GOLD against SILVER) cannot match where the anchor does, so under
         * the anchor's match it is false, and leaving it out changes neither outcome. That keeps each rule's
         * question the size of the rules around it, not of the policy.
         */
        public Term changedWithout(int anchor, java.util.Set<Integer> without) {
            Term[] with = around(anchor);
            Term[] kept = with.clone();
            for (int i : without) {
                kept[i] = smt.no();
            }
            return smt.not(same(outcome(with), outcome(kept)));
        }

        /**
         * Returns a formula that holds where rule {@code rule} matches and no other rule with the same effect does
         * (of the rules that can match beside it, less {@code without}); null for a grant whose limit is computed.
         * When no case satisfies it, leaving the rule out changes no outcome: wherever it matches, a rule with the
         * same effect is there to do what it does (the lattice joins equal effects by "or"). That is a small
         * question, asked before the policy-sized one of {@link #changedWithout}. Given a point where the rule
         * matches, the rules that do not match there are left out too: fewer rules can only make the formula hold
         * more often, so an answer that no case satisfies it still proves the rule changes nothing.
         */
        public Term aloneInEffect(int rule, java.util.Set<Integer> without, Point where) {
            Effect e = model.rules().get(rule).effect();
            if (e.kind() == Effect.Kind.GRANT && (e.computed() != null || e.upTo() == null || e.upTo().isComputed())) {
                return null;
            }
            List<Term> same = new ArrayList<>();
            for (int j : beside(rule)) {
                if (j != rule && !without.contains(j) && model.rules().get(j).effect().equals(e)
                        && (where == null || !where.isFalse(match[j]))) {
                    same.add(match[j]);
                }
            }
            return smt.and(match[rule], smt.not(smt.or(same)));
        }

        /**
         * Returns the outcome code of a proposal that rule {@code anchor} matches, encoded with the rules that can
         * match beside it only (see {@link #changedWithout}): equal to {@link #outcome()} wherever the anchor matches.
         */
        public Term outcomeAround(int anchor) {
            return outcome(around(anchor)).code();
        }

        private Term[] around(int anchor) {
            Term[] with = new Term[match.length];
            java.util.Arrays.fill(with, smt.no());
            for (int i : beside(anchor)) {
                with[i] = match[i];
            }
            return with;
        }

        /** Returns the variables the rules' conditions about this remedy read. */
        public java.util.Set<Term> variables() {
            if (variables == null) {
                variables = new java.util.HashSet<>();
                for (Term m : match) {
                    variables.addAll(Smt.variables(m));
                }
            }
            return variables;
        }

        /**
         * Returns, in policy order, the rules about this remedy that can match together with rule {@code rule} as
         * far as the values they pin tell (the rule itself among them).
         */
        public int[] beside(int rule) {
            if (beside[rule] == null) {
                Pins pins = pins(rule);
                beside[rule] = java.util.stream.IntStream.range(0, match.length)
                        .filter(j -> match[j] != smt.no() && pins.compatible(pins(j))).toArray();
            }
            return beside[rule];
        }

        private Pins pins(int rule) {
            if (pins[rule] == null) {
                pins[rule] = Pins.of(match[rule]);
            }
            return pins[rule];
        }

        /** Returns whether another policy's proposal of the same remedy is decided the same, approvers included. */
        public Term sameAs(RemedyTerms other) {
            return same(new Decided(outcome, signs), new Decided(other.outcome, other.signs));
        }

        /**
         * Returns whether {@code other}'s proposal is decided more strictly: a higher outcome code, or the same
         * escalation with a sign-off this one lacks (a co-signer added).
         */
        public Term stricterIn(RemedyTerms other) {
            List<Term> added = new ArrayList<>();
            for (int k = 0; k < signs.length; k++) {
                added.add(smt.and(other.signs[k], smt.not(signs[k])));
            }
            return smt.or(smt.lt(outcome, other.outcome), smt.and(smt.eq(outcome, other.outcome), smt.or(added)));
        }

        private Term same(Decided a, Decided b) {
            List<Term> all = new ArrayList<>();
            all.add(smt.eq(a.code(), b.code()));
            for (int k = 0; k < a.signs().length; k++) {
                all.add(smt.eq(a.signs()[k], b.signs()[k]));
            }
            return smt.and(all);
        }

        /**
         * Returns the outcome code (the approver for an escalation, whose level is the highest of the authority role
         * and every required role) and the approvers, as the engine decides them: under a dual approval every role
         * a matching dual {@code require} names must sign off, its highest raised to the approver level, less the one
         * sign-off the employee gives (the highest at or below them), so a dual approval always escalates.
         */
        private Decided outcome(Term[] match) {
            List<Rule> rules = model.rules();
            int roles = model.roles().size();
            List<Term> deny = new ArrayList<>();
            List<Term> swatted = new ArrayList<>();
            List<List<Term>> required = new ArrayList<>();
            List<List<Integer>> grants = new ArrayList<>();
            List<List<Term>> grantMatches = new ArrayList<>();
            List<List<Term>> dual = new ArrayList<>();
            for (int k = 0; k < roles; k++) {
                dual.add(new ArrayList<>());
                required.add(new ArrayList<>());
                grants.add(new ArrayList<>());
                grantMatches.add(new ArrayList<>());
            }
            for (int i = 0; i < rules.size(); i++) {
                if (match[i] == smt.no()) {
                    continue;
                }
                Effect e = rules.get(i).effect();
                switch (e.kind()) {
                    case DENY -> deny.add(match[i]);
                    case SWAT -> swatted.add(match[i]);
                    case REQUIRE -> {
                        required.get(e.role()).add(match[i]);
                        if (e.dualApproval()) {
                            for (int role : e.approvers()) {
                                dual.get(role).add(match[i]);
                            }
                        }
                    }
                    case GRANT -> {
                        grants.get(e.role()).add(i);
                        grantMatches.get(e.role()).add(match[i]);
                    }
                    default -> {
                        // follow-ups only, or an effect effectKnown() already reported: no say in the outcome
                    }
                }
            }
            Term require = smt.num(-1);
            for (int k = 0; k < roles; k++) {
                require = smt.ite(smt.or(required.get(k)), smt.num(k), require);
            }
            Term authority = smt.num(-1);
            for (int k = roles - 1; k >= 0; k--) {
                authority = smt.ite(covers(k, grants.get(k), grantMatches.get(k)), smt.num(k), authority);
            }
            Term none = smt.eq(authority, smt.num(-1));
            Beyond beyond = model.beyond();
            Term beyondLevel = switch (beyond.kind()) {
                case DENY -> smt.num(denied());
                case SWAT -> smt.num(swat());
                case ESCALATE -> smt.max(smt.num(model.beyondRank()), require);
                case NOTHING -> throw new IllegalStateException("beyondAuthority is deny, swat or a role");
            };
            Term level = smt.ite(none, beyondLevel, smt.max(authority, require));
            Term lattice = smt.ite(smt.or(deny), smt.num(denied()), smt.ite(smt.or(swatted), smt.num(swat()), level));
            Term employee = space.fact("employee.role").raw();
            Term single = smt.ite(smt.and(smt.lt(lattice, smt.num(swat())), smt.le(lattice, employee)),
                    smt.num(ALONE), lattice);
            Term[] inDual = new Term[roles];
            Term highest = smt.num(-1);
            for (int k = 0; k < roles; k++) {
                inDual[k] = smt.or(dual.get(k));
                highest = smt.ite(inDual[k], smt.num(k), highest);
            }
            Term[] signs = new Term[roles];
            if (smt.or(inDual) == smt.no()) {
                for (int k = 0; k < roles; k++) {
                    signs[k] = smt.eq(single, smt.num(k));
                }
                return new Decided(single, signs);
            }
            Term dualApplies = smt.and(smt.or(inDual), smt.lt(lattice, smt.num(swat())));
            Term[] signing = new Term[roles];
            for (int k = 0; k < roles; k++) {
                signing[k] = smt.or(smt.and(inDual[k], smt.not(smt.eq(highest, smt.num(k)))),
                        smt.eq(lattice, smt.num(k)));
            }
            Term code = smt.num(ALONE);
            for (int k = 0; k < roles; k++) {
                // the employee's own sign-off: the highest signing role at or below them
                List<Term> noneHigher = new ArrayList<>();
                for (int j = k + 1; j < roles; j++) {
                    noneHigher.add(smt.or(smt.lt(employee, smt.num(j)), smt.not(signing[j])));
                }
                Term given = smt.and(signing[k], smt.le(smt.num(k), employee), smt.and(noneHigher));
                Term remains = smt.and(signing[k], smt.not(given));
                code = smt.ite(remains, smt.num(k), code);
                signs[k] = smt.ite(dualApplies, remains, smt.eq(single, smt.num(k)));
            }
            return new Decided(smt.ite(dualApplies, code, single), signs);
        }

        /** Returns whether role {@code k}'s own limit, raised by matching grants, and its window cover the proposal. */
        private Term covers(int k, List<Integer> grants, List<Term> matches) {
            AuthorityEntry[] entries = model.authority().get(remedy);
            AuthorityEntry entry = entries == null ? null : entries[k];
            List<Term> perGrant = new ArrayList<>();
            if (entry != null) {
                perGrant.add(entry.computed() != null ? entryCovers[k] : coversAmount(entry.perGrant()));
            }
            for (int g = 0; g < grants.size(); g++) {
                int i = grants.get(g);
                Effect effect = model.rules().get(i).effect();
                Term amountCovered = effect.computed() != null ? computedCovers[i]
                        : effect.upTo() == null || effect.upTo().isComputed()
                        ? maybe(label + ".computed." + remedy + "." + model.rules().get(i).id())
                        : coversAmount(effect.upTo());
                perGrant.add(smt.and(matches.get(g), amountCovered));
            }
            Term covers = smt.or(perGrant);
            if (entry == null || !entry.hasWindow() || covers == smt.no()) {
                return covers;
            }
            if (entry.window() instanceof CalendarPeriod) {
                // what the customer had in the period is unknown to the solver: either may hold
                return smt.and(covers, maybe(label + ".calendar." + remedy + "." + k));
            }
            FactSpace.Use use = space.use(remedy, entry.window());
            List<Term> window = new ArrayList<>();
            window.add(covers);
            if (entry.maxCount() != null) {
                // the history, the case's earlier proposals of the remedy and this one
                window.add(smt.le(smt.op("+", use.count(), space.earlierCount(), smt.num(1)),
                        smt.num(entry.maxCount())));
            }
            Term amount = space.counted(remedy);
            if (entry.maxTotal() != null && amount != null && !entry.maxTotal().isUnlimited()) {
                window.add(smt.le(smt.op("+", use.total(), amount), space.grid(entry.maxTotal().amount().orElseThrow())));
            }
            return smt.and(window);
        }

        /**
         * Returns the free truth of this name, the same one each time: the outcome with a rule left out must read the
         * same unknown limit or window as the outcome with it, or a rule would seem to change what it cannot.
         */
        private Term maybe(String name) {
            return maybe.computeIfAbsent(name, smt::boolVar);
        }

        /** Returns whether a per-grant limit covers the amount; a remedy without amounts needs a limit above zero. */
        private Term coversAmount(Limit limit) {
            if (limit.isUnlimited()) {
                return smt.yes();
            }
            BigDecimal bound = limit.amount().orElseThrow();
            Term amount = space.counted(remedy);
            if (amount == null) {
                return smt.bool(bound.signum() > 0);
            }
            return smt.le(amount, space.grid(bound));
        }
    }

    /** An outcome code and, by rank, whether each role is among its approvers. */
    private record Decided(Term code, Term[] signs) {
    }

    /** Refuses an effect this version of the encoder does not know, so the rule matches "maybe" instead. */
    private static void effectKnown(Effect effect) throws NotEncoded {
        switch (effect.kind()) {
            case NONE, DENY, SWAT, REQUIRE, GRANT -> {
                // known
            }
            default -> throw new NotEncoded("effect [" + effect.kind() + "] is of a kind the analysis does not know");
        }
    }
}
