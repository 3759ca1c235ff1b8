package org.resolutionpolicy.api;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes who may grant what under a policy, as written: per remedy and role the most one grant may be, the
 * per-customer windows, who approves beyond, and the grant rules that raise a limit with their conditions in
 * words; then every rule with its effect. Obtain one from {@link Policy#authority()}.
 *
 * <p>The table is the policy's baseline, read without deciding a case: the authority entries and the ladder
 * ({@code beyondAuthority} included). Rules never lower it there; they are listed in {@link #rules()} with what they
 * do, and grants also under each role they raise. Immutable and thread-safe.
 *
 * @param roles the role ladder, lowest first
 * @param severities the severity scale, lowest first
 * @param beyond what happens to a proposal that no role's own authority covers ({@code beyondAuthority}); read it
 *               as the one vocabulary type with {@link #beyondAuthority()}
 * @param remedies one entry per remedy, in declaration order
 * @param rules every rule the policy can describe, disabled ones included, in policy order
 */
public record AuthorityTable(List<String> roles, List<String> severities,
                             @SuppressWarnings("deprecation") Beyond beyond, List<Remedy> remedies,
                             List<Rule> rules) {

    /**
     * Creates a table with what lies beyond every role's authority in the one vocabulary type.
     *
     * @throws NullPointerException if any argument is null
     */
    @SuppressWarnings("deprecation")
    public AuthorityTable(List<String> roles, List<String> severities, org.resolutionpolicy.api.Beyond beyondAuthority,
                          List<Remedy> remedies, List<Rule> rules) {
        this(roles, severities, Beyond.from(beyondAuthority), remedies, rules);
    }

    /** Returns what happens to a proposal that no role's own authority covers: the policy's {@code beyondAuthority}. */
    @SuppressWarnings("deprecation")
    public org.resolutionpolicy.api.Beyond beyondAuthority() {
        return beyond.toBeyond();
    }

    /**
     * Creates a table.
     *
     * @throws NullPointerException if any argument is null
     */
    public AuthorityTable {
        roles = List.copyOf(roles);
        severities = List.copyOf(severities);
        Objects.requireNonNull(beyond, "beyond must not be null");
        remedies = List.copyOf(remedies);
        rules = List.copyOf(rules);
    }

    /** Returns the entry of a remedy, or empty when the policy has no such remedy. */
    public Optional<Remedy> remedy(String remedy) {
        return remedies.stream().filter(r -> r.remedy().equals(remedy)).findFirst();
    }

    /** Returns the enabled rules with the given effect, in policy order. */
    public List<Rule> rules(Rule.Effect effect) {
        return rules.stream().filter(r -> r.enabled() && r.effect() == effect).toList();
    }

    /**
     * States where a proposal goes when it is above a limit.
     *
     * @param kind what happens
     * @param role for {@link Kind#ESCALATE}, the approving role; otherwise null
     * @param team for {@link Kind#SWAT}, the SWAT team; otherwise null
     * @deprecated the one type for what lies beyond a limit is {@link org.resolutionpolicy.api.Beyond}: read it with
     *             {@link AuthorityTable#beyondAuthority()} and {@link Role#beyondLimit()}; this type goes in a later
     *             release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public record Beyond(Kind kind, String role, String team) {

        /** Returns the same beyond in the one vocabulary type. */
        public org.resolutionpolicy.api.Beyond toBeyond() {
            return new org.resolutionpolicy.api.Beyond(org.resolutionpolicy.api.Beyond.Kind.valueOf(kind.name()), role,
                    team);
        }

        /** Returns the deprecated form of a beyond, for tables built with the one vocabulary type. */
        static Beyond from(org.resolutionpolicy.api.Beyond beyond) {
            Objects.requireNonNull(beyond, "beyond must not be null");
            return new Beyond(Kind.valueOf(beyond.kind().name()), beyond.role(),
                    beyond.kind() == org.resolutionpolicy.api.Beyond.Kind.SWAT && beyond.team() == null ? ""
                            : beyond.team());
        }

        /** The kinds of what lies beyond a limit. */
        public enum Kind {
            /** Nothing: the limit is unlimited. */
            NOTHING,
            /** A higher role approves. */
            ESCALATE,
            /** The SWAT team takes it. */
            SWAT,
            /** Nobody may grant more: it is denied. */
            DENY
        }

        /**
         * Creates what lies beyond a limit.
         *
         * @throws NullPointerException if kind is null, or role for ESCALATE, or team for SWAT
         */
        public Beyond {
            Objects.requireNonNull(kind, "kind must not be null");
            if (kind == Kind.ESCALATE) {
                Objects.requireNonNull(role, "role must not be null for ESCALATE");
            }
            if (kind == Kind.SWAT) {
                Objects.requireNonNull(team, "team must not be null for SWAT");
            }
        }

        /** Returns the words a table shows: {@code ESCALATE to shift-lead}, {@code SWAT (team)}, {@code DENIED}, {@code no limit}. */
        @Override
        public String toString() {
            return switch (kind) {
                case NOTHING -> "no limit";
                case ESCALATE -> "ESCALATE to " + role;
                case SWAT -> "SWAT (" + team + ")";
                case DENY -> "DENIED";
            };
        }
    }

    /**
     * States the authority of every role for one remedy.
     *
     * @param remedy the remedy id
     * @param unit its unit
     * @param roles one entry per role of the ladder, lowest first
     */
    public record Remedy(String remedy, RemedyUnit unit, List<Role> roles) {

        /**
         * Creates a remedy's entry.
         *
         * @throws NullPointerException if any argument is null
         */
        public Remedy {
            Objects.requireNonNull(remedy, "remedy must not be null");
            Objects.requireNonNull(unit, "unit must not be null");
            roles = List.copyOf(roles);
        }

        /**
         * Returns the entry of a role.
         *
         * @throws IllegalArgumentException if the ladder has no such role
         */
        public Role role(String role) {
            return roles.stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown role [" + role + "] for remedy [" + remedy + "]"));
        }
    }

    /**
     * States what one role may grant of one remedy alone, before any rule.
     *
     * @param role the role
     * @param perGrant the most one grant may be: the largest entry at or below the role on the ladder;
     *                 {@link Limit#zero()} when none (for a {@code none} remedy: zero or unlimited); unlimited at and
     *                 above a {@code beyondAuthority} role; for a {@code percent} remedy at most 100 (then nothing
     *                 lies beyond), as latitude answers it
     * @param limitFrom the role whose own entry gives {@code perGrant}, or null when none does
     * @param perCustomer the per-customer limits of that entry, or null when it has none; read them as the one
     *                    vocabulary type with {@link #window()}
     * @param beyond who approves a grant above {@code perGrant}; read it as the one vocabulary type with
     *               {@link #beyondLimit()}
     * @param grants the enabled grant rules that raise this role's limit above {@code perGrant}, in policy order
     * @param computed the per-grant limit computed from the case's facts, as written (e.g. {@code attributes.paid}),
     *                 of the role's own entry or the nearest below it that has one; a case may then allow more
     *                 than {@code perGrant}, the largest fixed limit at or below the role ({@link Limit#zero()} when
     *                 every entry at or below is computed); null when no entry is computed. {@link #computedLimit()}
     *                 gives it as a {@link Limit}
     */
    @SuppressWarnings("deprecation")
    public record Role(String role, Limit perGrant, String limitFrom, PerCustomer perCustomer, Beyond beyond,
                       List<Grant> grants, String computed) {

        /**
         * Creates a role's entry in the one vocabulary types.
         *
         * @param window the per-customer window of the entry that gives {@code perGrant}, or null
         * @param beyondLimit who approves a grant above {@code perGrant}
         * @param computed the computed per-grant limit ({@link Limit#computed}) of the role's own entry or the
         *                 nearest below it with one, or null
         * @throws NullPointerException if role, perGrant, beyondLimit or grants is null
         * @throws IllegalArgumentException if perGrant is computed, or computed is not
         */
        public Role(String role, Limit perGrant, String limitFrom, Window window,
                    org.resolutionpolicy.api.Beyond beyondLimit, List<Grant> grants, Limit computed) {
            this(role, perGrant, limitFrom, PerCustomer.from(window), Beyond.from(beyondLimit), grants,
                    computedText(perGrant, computed));
        }

        private static String computedText(Limit perGrant, Limit computed) {
            if (perGrant != null && perGrant.isComputed()) {
                throw new IllegalArgumentException("perGrant is the fixed part of a role's limit, not computed: ["
                        + perGrant + "]");
            }
            if (computed != null && !computed.isComputed()) {
                throw new IllegalArgumentException("computed must be a computed limit, was [" + computed + "]");
            }
            return computed == null ? null : computed.toString();
        }

        /** Returns who approves a grant above {@link #perGrant()}. */
        public org.resolutionpolicy.api.Beyond beyondLimit() {
            return beyond.toBeyond();
        }

        /** Returns the per-customer window of the entry that gives {@link #perGrant()}, or null when it has none. */
        public Window window() {
            return perCustomer == null ? null : perCustomer.toWindow();
        }

        /** Returns the computed per-grant limit of the role's own entry or the nearest below it, or null. */
        public Limit computedLimit() {
            return computed == null ? null : Limit.computed(computed);
        }

        /**
         * Creates a role's entry.
         *
         * @throws NullPointerException if role, perGrant, beyond or grants is null
         */
        public Role {
            Objects.requireNonNull(role, "role must not be null");
            Objects.requireNonNull(perGrant, "perGrant must not be null");
            Objects.requireNonNull(beyond, "beyond must not be null");
            grants = List.copyOf(grants);
        }

        /**
         * Creates a role's entry whose limits are all constants.
         *
         * @throws NullPointerException if role, perGrant, beyond or grants is null
         */
        public Role(String role, Limit perGrant, String limitFrom, PerCustomer perCustomer, Beyond beyond,
                    List<Grant> grants) {
            this(role, perGrant, limitFrom, perCustomer, beyond, grants, null);
        }

        /**
         * Returns the per-grant limit in words: {@code 50}, or with a computed entry {@code attributes.paid} (when
         * nothing fixed lies below) or {@code the larger of 50 and attributes.paid}.
         */
        public String perGrantText() {
            if (computed == null) {
                return perGrant.toString();
            }
            return perGrant.equals(Limit.zero()) ? computed : "the larger of " + perGrant + " and " + computed;
        }
    }

    /**
     * States the per-customer limits of an authority entry: totals over a window that ends when the case opened.
     *
     * @param max the most the customer may get in the window, or null for no total
     * @param count how many grants the customer may get in the window, or null for no count
     * @param window the window, a {@link Period} or a {@link Duration}
     * @deprecated the one type for a per-customer window is {@link Window}: read it with {@link Role#window()};
     *             this type goes in a later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public record PerCustomer(Limit max, Integer count, TemporalAmount window) {

        /** Returns the same limits in the one vocabulary type. */
        public Window toWindow() {
            return new Window(max, count, window);
        }

        /** Returns the deprecated form of a window, or null for none. */
        static PerCustomer from(Window window) {
            return window == null ? null : new PerCustomer(window.maxTotal(), window.maxCount(), window.period());
        }

        /**
         * Creates per-customer limits.
         *
         * @throws NullPointerException if window is null
         */
        public PerCustomer {
            Objects.requireNonNull(window, "window must not be null");
        }

        /** Returns the limits in words: {@code at most 30 and 4 grants per customer in P30D}. */
        @Override
        public String toString() {
            String total = max == null ? "" : "at most " + max;
            String grants = count == null ? "" : (max == null ? "at most " : " and ") + count + " grants";
            return total + grants + " per customer in " + window;
        }
    }

    /**
     * States a rule that raises a role's per-grant limit while its condition holds.
     *
     * @param rule the rule id
     * @param role the role whose limit it raises (roles above inherit it)
     * @param upTo the raised per-grant limit; null when {@code computed} gives it
     * @param condition the rule's condition in words
     * @param because the rule's sentence, or empty
     * @param computed the raised limit computed from the case's facts, as written (e.g. {@code tables.band}), or
     *                 null when {@code upTo} is a constant
     */
    public record Grant(String rule, String role, Limit upTo, String condition, String because, String computed) {

        /**
         * Creates a grant.
         *
         * @throws NullPointerException if an argument but computed is null (upTo may be null when computed is not)
         */
        public Grant {
            Objects.requireNonNull(rule, "rule must not be null");
            Objects.requireNonNull(role, "role must not be null");
            if (computed == null) {
                Objects.requireNonNull(upTo, "upTo must not be null");
            }
            Objects.requireNonNull(condition, "condition must not be null");
            Objects.requireNonNull(because, "because must not be null");
        }

        /**
         * Creates a grant of a constant limit.
         *
         * @throws NullPointerException if any argument is null
         */
        public Grant(String rule, String role, Limit upTo, String condition, String because) {
            this(rule, role, upTo, condition, because, null);
        }

        /** Returns the raised limit in words: the constant, or the expression it is computed by. */
        public String upToText() {
            return computed != null ? computed : upTo.toString();
        }
    }

    /**
     * Describes one rule as far as its source can tell without deciding a case.
     *
     * @param id the rule id
     * @param effect what it does when it matches
     * @param role for REQUIRE and GRANT, the role; otherwise null
     * @param upTo for GRANT, the raised limit; otherwise null, and null when {@code computed} gives it
     * @param remedies the remedies it is about; empty for every remedy (or, for a rule whose source cannot tell,
     *                 for any remedy it may be about)
     * @param condition its condition in words: matchers as explanations show them, expressions as written
     * @param because its sentence, or empty
     * @param followUp its follow-up (with this rule's id), or null
     * @param enabled false when switched off
     * @param values for each fact the condition compares with fixed values for equality (such as
     *               {@code customer.tier} or {@code category}), those values sorted; facts only an expression
     *               tests are absent
     * @param computed for GRANT, the raised limit computed from the case's facts, as written (e.g.
     *                 {@code tables.band * 0.5}); otherwise null
     * @param entitlement for GRANT, true when the rule states what the customer is entitled to ({@code entitled:}),
     *                    which every role may grant: {@code role} is then the lowest
     */
    public record Rule(String id, Effect effect, String role, Limit upTo, List<String> remedies, String condition,
                       String because, FollowUp followUp, boolean enabled, Map<String, List<String>> values,
                       String computed, boolean entitlement) {

        /** The effects a rule may have. */
        public enum Effect {
            /** Only a follow-up. */
            NONE,
            /** {@code deny: true}. */
            DENY,
            /** {@code route: swat}. */
            SWAT,
            /** {@code require: <role>}. */
            REQUIRE,
            /** {@code grant: {role, upTo}}. */
            GRANT,
            /** Its source does not say without deciding (a DRL rule whose consequence is not a plain call). */
            UNKNOWN
        }

        /**
         * Creates a rule's description.
         *
         * @throws NullPointerException if id, effect, remedies, condition, because or values is null
         */
        public Rule {
            Objects.requireNonNull(id, "id must not be null");
            Objects.requireNonNull(effect, "effect must not be null");
            remedies = List.copyOf(remedies);
            Objects.requireNonNull(condition, "condition must not be null");
            Objects.requireNonNull(because, "because must not be null");
            values = Map.copyOf(values);
        }

        /**
         * Creates the description of a rule whose limit, if any, is a constant.
         *
         * @throws NullPointerException if id, effect, remedies, condition, because or values is null
         */
        public Rule(String id, Effect effect, String role, Limit upTo, List<String> remedies, String condition,
                    String because, FollowUp followUp, boolean enabled, Map<String, List<String>> values) {
            this(id, effect, role, upTo, remedies, condition, because, followUp, enabled, values, null, false);
        }

        /** Returns, for GRANT, the raised limit in words: the constant, or the expression; otherwise null. */
        public String upToText() {
            return computed != null ? computed : upTo == null ? null : upTo.toString();
        }

        /** Returns true if the rule is about this remedy. */
        public boolean appliesTo(String remedy) {
            return remedies.isEmpty() || remedies.contains(remedy);
        }
    }
}
