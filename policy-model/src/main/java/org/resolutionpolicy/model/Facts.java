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

        private Case(CustomerCase customerCase, int severityRank, int employeeRank, Instant windowEnd,
                     java.time.Clock clock, Map<String, Object> attributes) {
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
        this(new Case(customerCase, severityRank, employeeRank, windowEnd, null, attributes), null, null);
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
        this(new Case(customerCase, severityRank, employeeRank, customerCase.openedAt(), clock, attributes), null,
                null);
    }

    private Facts(Case shared, String remedy, BigDecimal amount) {
        this.shared = shared;
        this.remedy = remedy;
        this.amount = amount;
    }

    /**
     * Returns these case-level facts at another severity (the one a {@link SeverityScale} raised the case to),
     * sharing the decision time if it was read already.
     */
    public Facts withSeverityRank(int severityRank) {
        Case c = new Case(shared.customerCase, severityRank, shared.employeeRank, shared.windowEnd, shared.clock,
                shared.attributes);
        return new Facts(c, remedy, amount);
    }

    /** Returns these facts with a proposal to decide. */
    public Facts withProposal(String remedy, BigDecimal amount) {
        return new Facts(shared, remedy, amount);
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
