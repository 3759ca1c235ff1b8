package org.resolutionpolicy.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;

/**
 * Holds the facts of one validated case, and of one proposal when one is being decided.
 *
 * <p>Immutable but for the decision time, read once when first needed; {@link #withProposal} derives the
 * per-proposal view cheaply. Used by one decision on one thread.
 */
public final class Facts {

    /**
     * What every view of one case shares: the case, its ranks and attributes, and where windows end. Apart from the
     * proposal, so that the view of each proposal is three fields, not a copy of all of them.
     */
    private static final class Case {
        private final CustomerCase customerCase;
        private final int severityRank;
        private final int employeeRank;
        /** Where windows end, or null until asked when it is the decision time: see {@link #windowEnd()}. */
        private Instant windowEnd;
        private final java.time.Clock clock;
        private final Map<String, Object> attributes;
        private final PolicyTime policyTime;
        /** The zone and calendar of the case, chosen on first use: see {@link #time()}. */
        private CaseTime time;

        private Case(CustomerCase customerCase, int severityRank, int employeeRank, Instant windowEnd,
                     java.time.Clock clock, Map<String, Object> attributes, PolicyTime policyTime) {
            this.policyTime = policyTime;
            this.customerCase = customerCase;
            this.severityRank = severityRank;
            this.employeeRank = employeeRank;
            this.windowEnd = windowEnd;
            this.clock = clock;
            this.attributes = attributes;
        }
    }

    private final Case shared;
    private final String remedy;
    private final BigDecimal amount;
    /** The case's earlier proposals of the remedy, which {@code total} and {@code count} add; null for none. */
    private final Earlier earlier;

    /**
     * The earlier proposals of a proposal's remedy in its case, as its authority counts them.
     *
     * @param count how many
     * @param total their amounts added up (a proposal without an amount adds nothing)
     * @param places their places in the case's proposals, 0 for the first
     */
    public record Earlier(int count, BigDecimal total, List<Integer> places) {
    }

    /**
     * Creates case-level facts.
     *
     * @param customerCase the validated case
     * @param severityRank the rank of its severity on the policy's scale
     * @param employeeRank the rank of the employee's role on the ladder
     * @param windowEnd where cumulative windows end: the case's openedAt, or the decision time
     * @param attributes the attributes converted to their declared types
     */
    public Facts(CustomerCase customerCase, int severityRank, int employeeRank, Instant windowEnd,
                 Map<String, Object> attributes) {
        this(new Case(customerCase, severityRank, employeeRank, windowEnd, null, attributes, null), null, null, null);
    }

    /**
     * Creates case-level facts whose windows end at the case's openedAt or, without one, at the decision time,
     * read from the clock only if a window is asked for (most policies have none; reading a clock costs more
     * than the rest of a small decision).
     *
     * @param customerCase the validated case
     * @param severityRank the rank of its severity on the policy's scale
     * @param employeeRank the rank of the employee's role on the ladder
     * @param clock gives the decision time
     * @param attributes the attributes converted to their declared types
     */
    public Facts(CustomerCase customerCase, int severityRank, int employeeRank, java.time.Clock clock,
                 Map<String, Object> attributes) {
        this(customerCase, severityRank, employeeRank, clock, attributes, null);
    }

    /**
     * Creates case-level facts as {@link #Facts(CustomerCase, int, int, java.time.Clock, Map)} does, counted in the
     * zone and on the calendar the policy's time chooses for the case.
     *
     * @param time the policy's zone and calendars; null for UTC and the default calendar
     */
    public Facts(CustomerCase customerCase, int severityRank, int employeeRank, java.time.Clock clock,
                 Map<String, Object> attributes, PolicyTime time) {
        this(new Case(customerCase, severityRank, employeeRank, customerCase.openedAt(), clock, attributes, time),
                null, null, null);
    }

    private Facts(Case shared, String remedy, BigDecimal amount, Earlier earlier) {
        this.shared = shared;
        this.remedy = remedy;
        this.amount = amount;
        this.earlier = earlier;
    }

    /**
     * Returns these case-level facts at another severity (the one a {@link SeverityScale} raised the case to),
     * sharing the decision time if it was read already.
     */
    public Facts withSeverityRank(int severityRank) {
        Case c = new Case(shared.customerCase, severityRank, shared.employeeRank, shared.windowEnd, shared.clock,
                shared.attributes, shared.policyTime);
        return new Facts(c, remedy, amount, earlier);
    }

    /** Returns these facts with a proposal to decide, the first of its remedy in the case. */
    public Facts withProposal(String remedy, BigDecimal amount) {
        return new Facts(shared, remedy, amount, null);
    }

    /**
     * Returns these facts with a proposal to decide after earlier proposals of its remedy in the case, which its
     * {@link #total()} and {@link #count()} add up with it.
     *
     * @param earlier the earlier proposals, or null for none
     */
    public Facts withProposal(String remedy, BigDecimal amount, Earlier earlier) {
        return new Facts(shared, remedy, amount, earlier == null || earlier.count() == 0 ? null : earlier);
    }

    /**
     * Returns the case's total of the proposal's remedy so far: its amount plus those of the earlier proposals of the
     * remedy (the running total its authority is held to); null when the proposal has no amount.
     */
    public BigDecimal total() {
        return amount == null || earlier == null ? amount : earlier.total().add(amount);
    }

    /** Returns how many proposals of the remedy the case has made so far, this one included; null at case level. */
    public BigDecimal count() {
        return remedy == null ? null : BigDecimal.valueOf(earlier == null ? 1 : earlier.count() + 1L);
    }

    /**
     * Shows the total with its parts, as explanations do: {@code 120 (60 + 60 of earlier proposals [0])}, or the
     * amount alone for the first proposal of its remedy; null without an amount.
     */
    public String totalShown() {
        BigDecimal t = total();
        if (t == null || earlier == null) {
            return t == null ? null : t.toPlainString();
        }
        return t.toPlainString() + " (" + amount.toPlainString() + " + " + earlier.total().toPlainString()
                + " of earlier proposals " + earlier.places() + ")";
    }

    /** Returns the earlier proposals of the remedy, or null when this is the first (or at case level). */
    public Earlier earlier() {
        return earlier;
    }

    /** Returns the case. */
    public CustomerCase customerCase() {
        return shared.customerCase;
    }

    /** Returns the severity's rank, 0 for the lowest. */
    public int severityRank() {
        return shared.severityRank;
    }

    /** Returns the employee role's rank, 0 for the lowest. */
    public int employeeRank() {
        return shared.employeeRank;
    }

    /**
     * Returns where cumulative windows end. The decision time is read from the clock once, on first use, and
     * shared with every proposal's view of these facts; facts belong to one decision on one thread.
     */
    public Instant windowEnd() {
        Instant end = shared.windowEnd;
        if (end == null) {
            end = shared.clock.instant();
            shared.windowEnd = end;
        }
        return end;
    }

    /**
     * Returns the zone and business calendar the case is counted in, chosen by its facts on first use and shared with
     * every proposal's view of these facts.
     */
    public CaseTime time() {
        CaseTime t = shared.time;
        if (t == null) {
            t = shared.policyTime == null ? CaseTime.UTC : shared.policyTime.of(this);
            shared.time = t;
        }
        return t;
    }

    /** Returns a typed attribute, or null when absent. */
    public Object attribute(String name) {
        return shared.attributes.get(name);
    }

    /** Returns the remedy being decided, or null at case level. */
    public String remedy() {
        return remedy;
    }

    /** Returns the amount being decided, or null when the proposal has none. */
    public BigDecimal amount() {
        return amount;
    }

    /** Returns the customer's history. */
    public List<HistoryEntry> history() {
        return shared.customerCase.customer().history();
    }
}
