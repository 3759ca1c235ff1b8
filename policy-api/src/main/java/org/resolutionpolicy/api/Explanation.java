package org.resolutionpolicy.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Explains a decision: for each proposal, every rule with whether it matched and, when it did not, which
 * condition failed with what values; and how the authority role was derived.
 *
 * <p>Obtained from {@link Policy#explain(CustomerCase)}; deciding alone never builds one.
 *
 * @param decision the decision being explained, identical to what {@link Policy#decide} returns
 * @param proposals one entry per proposal, in the order of the case; empty for a latitude question
 * @param caseRules for a case without proposals, every rule checked against the case alone; otherwise empty
 * @param severityScale every entry of the policy's severity scale, in policy order, checked against the case; empty
 *                      when the policy has no scale
 */
public record Explanation(Decision decision, List<ProposalExplanation> proposals, List<RuleCheck> caseRules,
                          List<SeverityScaleCheck> severityScale) {

    /**
     * Creates an explanation.
     *
     * @throws NullPointerException if decision is null
     */
    public Explanation {
        Objects.requireNonNull(decision, "decision must not be null");
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
        caseRules = caseRules == null ? List.of() : List.copyOf(caseRules);
        severityScale = severityScale == null ? List.of() : List.copyOf(severityScale);
    }

    /**
     * Creates an explanation of a decision of a policy without a severity scale.
     *
     * @throws NullPointerException if decision is null
     */
    public Explanation(Decision decision, List<ProposalExplanation> proposals, List<RuleCheck> caseRules) {
        this(decision, proposals, caseRules, null);
    }

    /**
     * Explains one proposal.
     *
     * @param proposal the proposal, with the amount as decided
     * @param outcome its outcome
     * @param rules every rule of the policy, in policy order, checked against this proposal
     * @param authority how the authority role was derived; null when a deny or SWAT rule decided first
     */
    public record ProposalExplanation(Proposal proposal, Outcome outcome, List<RuleCheck> rules, AuthorityTrace authority) {

        /** Creates a proposal explanation. */
        public ProposalExplanation {
            Objects.requireNonNull(proposal, "proposal must not be null");
            Objects.requireNonNull(outcome, "outcome must not be null");
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /**
         * Returns the check of one rule.
         *
         * @throws IllegalArgumentException if the policy has no rule with that id
         */
        public RuleCheck rule(String id) {
            return rules.stream().filter(r -> r.rule().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no rule [" + id + "] in this explanation"));
        }
    }

    /** Whether a rule took part in a decision. */
    public enum Status {
        /** Its condition held: its effect and follow-up applied. */
        MATCHED,
        /** Its condition did not hold; {@link RuleCheck#failures()} says why. */
        NOT_MATCHED,
        /** It is about other remedies ({@code remedies:}), so it was not checked. */
        OTHER_REMEDY,
        /** It tests {@code remedy} or {@code amount}, which a case without proposals does not have. */
        NEEDS_PROPOSAL,
        /** It is switched off with {@code enabled: false}. */
        DISABLED
    }

    /**
     * The check of one rule.
     *
     * @param rule the rule id
     * @param effect what the rule does; its {@link Effect#text() text} reads e.g. {@code require store-manager},
     *               {@code deny}, {@code follow-up call}
     * @param status whether it matched
     * @param failures for {@link Status#NOT_MATCHED}, each failing condition with the values it saw, whose
     *                 {@link Failure#text() text} reads e.g.
     *                 {@code customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]}; otherwise empty
     */
    public record RuleCheck(String rule, Effect effect, Status status, List<Failure> failures) {

        /** Creates a rule check. */
        public RuleCheck {
            Objects.requireNonNull(rule, "rule must not be null");
            Objects.requireNonNull(effect, "effect must not be null");
            Objects.requireNonNull(status, "status must not be null");
            failures = failures == null ? List.of() : List.copyOf(failures);
        }

        /** Returns true if the rule's condition held. */
        public boolean matched() {
            return status == Status.MATCHED;
        }
    }

    /**
     * One part of a rule's condition that did not hold: what it is about, what it saw and what it wanted, for a
     * program to read; {@link #text()} renders it for people.
     *
     * <p>Values are shown as the policy owner writes them: severity and role names, plain numbers.
     *
     * @param kind what sort of condition failed, which decides how it reads
     * @param subject the fact it tests (e.g. {@code customer.tier}), the expression as printed (e.g.
     *                {@code impact.socialReach >= 10000}), or for {@link Kind#UNEXPLAINED} the rule id
     * @param seen the value seen; null when the fact was absent. {@code present} for a presence test on a
     *             present fact, {@code false} for an expression; null for {@link Kind#UNEXPLAINED}
     * @param wanted the test in words, e.g. {@code one of [GOLD, PLATINUM]}, {@code at least [3] and below [48]},
     *               {@code present}, {@code absent}; {@code true} for an expression; null for
     *               {@link Kind#UNEXPLAINED}
     * @param values for an expression, each fact or helper it read with its value, in the order it reads them;
     *               otherwise empty
     */
    public record Failure(Kind kind, String subject, String seen, String wanted, List<Reading> values) {

        /** What sort of condition failed. */
        public enum Kind {
            /** A test on a fact's value: {@code customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]}. */
            VALUE,
            /** A presence test ({@code exists}): {@code attributes.store was absent, wanted present}. */
            PRESENCE,
            /** An expression: {@code amount > 50 was false, with amount = [30]}. */
            EXPRESSION,
            /** A rule of another source (DRL), whose conditions are not explained one by one. */
            UNEXPLAINED
        }

        /**
         * One value an expression read.
         *
         * @param name the fact or helper as written, e.g. {@code impact.socialReach}, {@code history.count('refund', 'P30D')}
         * @param value its value, or null when absent
         */
        public record Reading(String name, String value) {

            /**
             * Creates a reading.
             *
             * @throws NullPointerException if name is null
             */
            public Reading {
                Objects.requireNonNull(name, "name must not be null");
            }
        }

        /**
         * Creates a failure.
         *
         * @throws NullPointerException if kind or subject is null
         */
        public Failure {
            Objects.requireNonNull(kind, "kind must not be null");
            Objects.requireNonNull(subject, "subject must not be null");
            values = values == null ? List.of() : List.copyOf(values);
        }

        /**
         * Returns the failure of a test on a fact's value.
         *
         * @param fact the fact
         * @param seen its value as shown, or null when absent
         * @param wanted the test in words
         * @return the failure
         */
        public static Failure value(String fact, String seen, String wanted) {
            return new Failure(Kind.VALUE, fact, seen, wanted, List.of());
        }

        /**
         * Returns the failure of a presence test.
         *
         * @param fact the fact
         * @param present whether it was present (it was wanted the other way)
         * @return the failure
         */
        public static Failure presence(String fact, boolean present) {
            return new Failure(Kind.PRESENCE, fact, present ? "present" : null, present ? "absent" : "present",
                    List.of());
        }

        /**
         * Returns the failure of an expression.
         *
         * @param expression the expression (or the conjunct of it that failed) as printed
         * @param values what it read
         * @return the failure
         */
        public static Failure expression(String expression, List<Reading> values) {
            return new Failure(Kind.EXPRESSION, expression, "false", "true", values);
        }

        /**
         * Returns the failure of a rule whose conditions are not explained one by one (a DRL rule).
         *
         * @param rule the rule id
         * @return the failure
         */
        public static Failure unexplained(String rule) {
            return new Failure(Kind.UNEXPLAINED, rule, null, null, List.of());
        }

        /**
         * Renders the failure for people, e.g. {@code customer.tier was [SILVER], wanted one of [GOLD, PLATINUM]},
         * {@code attributes.store was absent, wanted present},
         * {@code impact.socialReach >= 10000 was false, with impact.socialReach absent}.
         *
         * @return the sentence
         */
        public String text() {
            return switch (kind) {
                case VALUE -> subject + " was " + (seen == null ? "absent" : "[" + seen + "]") + ", wanted " + wanted;
                case PRESENCE -> subject + " was " + (seen == null ? "absent" : "present") + ", wanted " + wanted;
                case EXPRESSION -> subject + " was false" + readings();
                case UNEXPLAINED -> "its DRL conditions did not match (DRL rules are not explained condition by condition)";
            };
        }

        private String readings() {
            if (values.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder(", with ");
            for (int i = 0; i < values.size(); i++) {
                Reading r = values.get(i);
                out.append(i == 0 ? "" : ", ").append(r.name())
                        .append(r.value() == null ? " absent" : " = [" + r.value() + "]");
            }
            return out.toString();
        }

        /** Returns {@link #text()}. */
        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * How the authority role of a proposal was found: each role's limit, lowest first, and the first that covers.
     *
     * @param roles each role of the ladder that has an authority entry or a grant for the remedy, lowest first
     * @param coveringRole the lowest role whose authority covers the proposal, or null when none does
     * @param beyond when no role covers it, what {@code beyondAuthority} made of it; otherwise null. Read it as the
     *               one vocabulary type with {@link #beyondAuthority()}
     * @param siblings the case's earlier proposals of the same remedy, which each limit counted together with this
     *                 one; null when there were none
     */
    @SuppressWarnings("deprecation")
    public record AuthorityTrace(List<RoleLimit> roles, String coveringRole, Beyond beyond, Siblings siblings) {

        /** Creates an authority trace. */
        public AuthorityTrace {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        /**
         * Creates an authority trace with what {@code beyondAuthority} made of the proposal in the one vocabulary
         * type ({@link org.resolutionpolicy.api.Beyond.Kind#DENY}, {@code SWAT} or {@code ESCALATE}), or null.
         *
         * @throws IllegalArgumentException if beyondAuthority is {@code NOTHING}
         */
        public AuthorityTrace(List<RoleLimit> roles, String coveringRole, org.resolutionpolicy.api.Beyond beyondAuthority,
                              Siblings siblings) {
            this(roles, coveringRole, Deprecations.explanationBeyond(beyondAuthority), siblings);
        }

        /** Returns what {@code beyondAuthority} made of a proposal no role covers, or null when a role covers it. */
        public org.resolutionpolicy.api.Beyond beyondAuthority() {
            return beyond == null ? null : beyond.toBeyond();
        }

        /** Creates an authority trace of a proposal that counted no earlier proposal with it. */
        public AuthorityTrace(List<RoleLimit> roles, String coveringRole, Beyond beyond) {
            this(roles, coveringRole, beyond, null);
        }
    }

    /**
     * The case's earlier proposals of a remedy, which count together with the proposal explained: its per-grant
     * limit is held to their total plus its amount, and its windows count them beside the history; {@link #text()}
     * says it in words.
     *
     * @param proposals their places in the case, 0 for the first
     * @param count how many there are
     * @param total their amounts added up, without trailing zeros
     */
    public record Siblings(List<Integer> proposals, int count, BigDecimal total) {

        /**
         * Creates the siblings of a proposal.
         *
         * @throws NullPointerException if total is null
         * @throws IllegalArgumentException if count is not the number of proposals
         */
        public Siblings {
            proposals = proposals == null ? List.of() : Places.copyOf(proposals);
            Objects.requireNonNull(total, "total must not be null");
            if (count != proposals.size()) {
                throw new IllegalArgumentException("count [" + count + "] is not the number of proposals "
                        + Places.brief(proposals));
            }
            total = Amounts.normalize(total);
        }

        /**
         * Returns them in words, e.g. {@code counted with this case's earlier proposals [0, 1]: 2 grants totalling
         * 80}.
         */
        public String text() {
            return "counted with this case's earlier proposals " + Places.brief(proposals) + ": " + count
                    + (count == 1 ? " grant" : " grants") + " totalling " + total.toPlainString();
        }

        /** Returns {@link #text()}. */
        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * One role's authority for the proposal's remedy.
     *
     * @param role the role
     * @param perGrant the per-grant limit that applied, grants included
     * @param grants the ids of the matching grant rules that raised it; empty when none did
     * @param window the role's per-customer window and what the customer had used in it, or null without a
     *               window; its {@link Window#text() text} reads e.g. {@code at most 30 in total per customer in
     *               P30D; before this the customer had 1 grant totalling 10}
     * @param covers whether this role's own entry covers the proposal
     */
    public record RoleLimit(String role, Limit perGrant, List<String> grants, Window window, boolean covers) {

        /** Creates a role limit. */
        public RoleLimit {
            Objects.requireNonNull(role, "role must not be null");
            Objects.requireNonNull(perGrant, "perGrant must not be null");
            grants = grants == null ? List.of() : List.copyOf(grants);
        }
    }

    /**
     * What a rule does when it matches, as data; {@link #text()} says it in words.
     *
     * @param kind the kind of effect
     * @param role for {@link Kind#REQUIRE} and {@link Kind#GRANT}, the role; otherwise null
     * @param upTo for {@link Kind#GRANT}, the raised per-grant limit; otherwise null, and null when
     *             {@code computed} gives it
     * @param followUp the action of the follow-up the rule asks for, or null when it asks for none
     * @param approvers for {@link Kind#REQUIRE}, every role that must sign off, highest first (more than one for a
     *                  dual approval; {@code role} is the first); otherwise empty
     * @param followUpWhen the outcomes the follow-up applies to, as the policy names them ({@code granted},
     *                     {@code alone}, {@code escalated}, {@code swat}, {@code denied}); empty when it applies to
     *                     every outcome, or there is no follow-up
     * @param computed for {@link Kind#GRANT}, the expression the limit is computed by from the case's facts (the
     *                 authority trace shows its value); otherwise null
     * @param entitlement for {@link Kind#GRANT}, true when the rule states the customer's entitlement
     *                    ({@code entitled:}), which every role may grant
     */
    public record Effect(Kind kind, String role, Limit upTo, String followUp, List<String> approvers,
                         List<String> followUpWhen, String computed, boolean entitlement) {

        /** The kinds of effect. */
        public enum Kind {
            /** Nothing but the follow-up, if any. */
            NONE,
            /** {@code deny: true}: the proposal is denied. */
            DENY,
            /** {@code route: swat}: the proposal goes to the SWAT team. */
            SWAT,
            /** {@code require: <role>}: the role must approve. */
            REQUIRE,
            /** {@code grant: {role, upTo}}: the role's per-grant limit is raised. */
            GRANT,
            /** A DRL rule that did not match: what it does is known only when its consequence runs. */
            DRL
        }

        /**
         * Creates an effect.
         *
         * @throws NullPointerException if kind is null, role is null for REQUIRE or GRANT, or upTo is null for GRANT
         */
        public Effect {
            Objects.requireNonNull(kind, "kind must not be null");
            if ((kind == Kind.REQUIRE || kind == Kind.GRANT) && role == null) {
                // the message is built only when it is needed: explanations make many effects
                throw new NullPointerException("role must not be null for " + kind);
            }
            if (kind == Kind.GRANT && computed == null) {
                Objects.requireNonNull(upTo, "upTo must not be null for GRANT");
            }
            if (kind != Kind.REQUIRE) {
                approvers = List.of();
            } else {
                approvers = approvers == null || approvers.isEmpty() ? List.of(role) : List.copyOf(approvers);
            }
            followUpWhen = followUpWhen == null || followUp == null ? List.of() : List.copyOf(followUpWhen);
        }

        /**
         * Creates an effect whose limit, if any, is a constant.
         *
         * @throws NullPointerException if kind is null, role is null for REQUIRE or GRANT, or upTo is null for GRANT
         */
        public Effect(Kind kind, String role, Limit upTo, String followUp, List<String> approvers,
                      List<String> followUpWhen) {
            this(kind, role, upTo, followUp, approvers, followUpWhen, null, false);
        }

        /**
         * Creates an effect that names at most one approver and whose follow-up, if any, applies to every outcome.
         *
         * @throws NullPointerException if kind is null, role is null for REQUIRE or GRANT, or upTo is null for GRANT
         */
        public Effect(Kind kind, String role, Limit upTo, String followUp, String computed, boolean entitlement) {
            this(kind, role, upTo, followUp, null, null, computed, entitlement);
        }

        /**
         * Creates an effect whose follow-up, if any, applies to every outcome.
         *
         * @throws NullPointerException if kind is null, role is null for REQUIRE or GRANT, or upTo is null for GRANT
         */
        public Effect(Kind kind, String role, Limit upTo, String followUp, List<String> approvers) {
            this(kind, role, upTo, followUp, approvers, null, null, false);
        }

        /**
         * Creates an effect that names at most one role.
         *
         * @throws NullPointerException if kind is null, role is null for REQUIRE or GRANT, or upTo is null for GRANT
         */
        public Effect(Kind kind, String role, Limit upTo, String followUp) {
            this(kind, role, upTo, followUp, null, null, null, false);
        }

        /**
         * Returns the effect in words, e.g. {@code grant agent up to 50, follow-up call}, {@code entitled to 40},
         * {@code require director and finance} or {@code follow-up credit when granted}; empty for no effect.
         */
        public String text() {
            String effect = switch (kind) {
                case NONE -> "";
                case DENY -> "deny";
                case SWAT -> "route to swat";
                case REQUIRE -> "require " + String.join(" and ", approvers);
                case GRANT -> entitlement ? "entitled to " + (computed != null ? computed : upTo)
                        : "grant " + role + " up to " + (computed != null ? computed : upTo);
                case DRL -> "drl";
            };
            if (followUp == null) {
                return effect;
            }
            String when = followUpWhen.isEmpty() ? "" : " when " + String.join(" or ", followUpWhen);
            return (effect.isEmpty() ? "" : effect + ", ") + "follow-up " + followUp + when;
        }

        /** Returns {@link #text()}. */
        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * What {@code beyondAuthority} makes of a proposal no role covers, as data; {@link #text()} says it in words.
     *
     * @param kind deny, swat or a role
     * @param role for {@link Kind#ROLE}, the role that must approve; otherwise null
     * @deprecated the one type for what lies beyond a limit is {@link org.resolutionpolicy.api.Beyond}: read it with
     *             {@link AuthorityTrace#beyondAuthority()}; this type goes in a later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public record Beyond(Kind kind, String role) {

        /** Returns the same beyond in the one vocabulary type: a role is an {@code ESCALATE}. */
        public org.resolutionpolicy.api.Beyond toBeyond() {
            return switch (kind) {
                case DENY -> org.resolutionpolicy.api.Beyond.deny();
                case SWAT -> org.resolutionpolicy.api.Beyond.swat(null);
                case ROLE -> org.resolutionpolicy.api.Beyond.escalate(role);
            };
        }

        /** The kinds of {@code beyondAuthority}. */
        public enum Kind {
            /** {@code deny}: the proposal is denied. */
            DENY,
            /** {@code swat}: the proposal goes to the SWAT team. */
            SWAT,
            /** A role name: that role must approve. */
            ROLE
        }

        /**
         * Creates a beyond.
         *
         * @throws NullPointerException if kind is null, or role is null for ROLE
         */
        public Beyond {
            Objects.requireNonNull(kind, "kind must not be null");
            if (kind == Kind.ROLE) {
                Objects.requireNonNull(role, "role must not be null for ROLE");
            }
        }

        /** Returns it as the policy writes it: {@code deny}, {@code swat} or the role. */
        public String text() {
            return kind == Kind.ROLE ? role : kind.name().toLowerCase(Locale.ROOT);
        }

        /** Returns {@link #text()}. */
        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * A role's per-customer window for a remedy, and what the customer had used in it before this proposal, as
     * data; {@link #text()} says it in words.
     *
     * @param maxTotal the most the customer may get in the window in total, or null when only the count is capped
     * @param maxCount the most grants the customer may get in the window, or null when only the total is capped
     * @param period how far back the window reaches from the case's opening, a {@link Period} or a {@link Duration}
     * @param usedCount how many grants of the remedy the customer had in the window
     * @param usedTotal what those grants came to, without trailing zeros
     */
    public record Window(Limit maxTotal, Integer maxCount, TemporalAmount period, int usedCount, BigDecimal usedTotal) {

        /**
         * Creates a window from its limits in the one vocabulary type and what the customer had used in it.
         *
         * @throws NullPointerException if limits or usedTotal is null
         */
        public Window(org.resolutionpolicy.api.Window limits, int usedCount, BigDecimal usedTotal) {
            this(limits.maxTotal(), limits.maxCount(), limits.period(), usedCount, usedTotal);
        }

        /** Returns the window's limits, without what was used, in the one vocabulary type. */
        public org.resolutionpolicy.api.Window limits() {
            return new org.resolutionpolicy.api.Window(maxTotal, maxCount, period);
        }

        /**
         * Creates a window.
         *
         * @throws NullPointerException if period or usedTotal is null
         * @throws IllegalArgumentException if neither maxTotal nor maxCount is given
         */
        public Window {
            Objects.requireNonNull(period, "period must not be null");
            Objects.requireNonNull(usedTotal, "usedTotal must not be null");
            if (maxTotal == null && maxCount == null) {
                throw new IllegalArgumentException("a window caps the total, the count or both");
            }
            usedTotal = Amounts.normalize(usedTotal);
        }

        /**
         * Returns the window in words, e.g. {@code at most 30 in total per customer in P30D; before this the
         * customer had 1 grant totalling 10}.
         */
        public String text() {
            return limits().text() + "; before this the customer had " + usedCount
                    + (usedCount == 1 ? " grant" : " grants") + " totalling " + usedTotal.toPlainString();
        }

        /** Returns {@link #text()}. */
        @Override
        public String toString() {
            return text();
        }
    }
}
