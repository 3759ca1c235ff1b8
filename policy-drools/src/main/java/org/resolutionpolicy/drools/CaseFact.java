package org.resolutionpolicy.drools;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The case a DRL rule sees, the same facts a YAML rule sees. One is inserted per decision step.
 *
 * <pre>
 * rule "high-severity-refunds-need-a-manager"
 * when
 *     CaseFact( severityAtLeast("HIGH") )
 *     ProposalFact( remedy == "refund", amount &gt; 50 )
 * then
 *     effects.require(kcontext, "store-manager", "High-severity refunds over $50 are reviewed by the store manager");
 * end
 * </pre>
 *
 * Getters return null for facts the case does not have. In a {@code CaseFact( .. )} or {@code ProposalFact( .. )}
 * pattern a test of an absent fact is false whatever the operator, as in YAML: {@code customerTier != "VIP"} does
 * not hold for a case without a tier (the policy loader guards each such test with {@code != null}); test absence
 * itself with {@code customerTier == null}.
 */
public interface CaseFact {

    /** Returns the case id, or null. */
    String getId();

    /** Returns the name of the severity the case is decided at: the highest of its own and the severity scale's. */
    String getSeverity();

    /** Returns the severity's rank on the policy's scale, 0 for the lowest. */
    int getSeverityRank();

    /** Returns true if the severity is at or above the named one. */
    boolean severityAtLeast(String severity);

    /** Returns the category, or null. */
    String getCategory();

    /** Returns the channel, or null. */
    String getChannel();

    /** Returns when the case was opened, or null. */
    Instant getOpenedAt();

    /** Returns the customer id, or null. */
    String getCustomerId();

    /** Returns the customer's tier, or null. */
    String getCustomerTier();

    /** Returns the customer's lifetime value, or null. */
    BigDecimal getLifetimeValue();

    /** Returns what the customer paid out of pocket, or null. */
    BigDecimal getOutOfPocket();

    /** Returns how many customers were affected, or null. */
    Long getAffectedCustomers();

    /** Returns how many people saw it in public, or null. */
    Long getSocialReach();

    /** Returns whether the customer threatened legal action, or null. */
    Boolean getLegalThreat();

    /** Returns whether someone's safety was at risk, or null. */
    Boolean getSafetyIssue();

    /** Returns whether a regulator is involved, or null. */
    Boolean getRegulatorInvolved();

    /** Returns the employee id, or null. */
    String getEmployeeId();

    /** Returns the employee's role. */
    String getEmployeeRole();

    /** Returns the rank of the employee's role on the ladder, 0 for the lowest. */
    int getEmployeeRank();

    /** Returns true if the employee's role is at or above the named one. */
    boolean roleAtLeast(String role);

    /** Returns a declared attribute (String, Boolean, BigDecimal or Instant), or null. */
    Object attribute(String name);

    /** Returns a declared number attribute, or null. */
    BigDecimal number(String name);

    /**
     * Returns how many grants of a remedy the customer had in the window ({@code P30D}) ending at openedAt, or in the
     * calendar period ({@code calendar year from 1 April}) that contains openedAt, counted in the case's zone.
     */
    long historyCount(String remedy, String window);

    /** Returns the total amount of a remedy the customer had in the window ending at openedAt. */
    BigDecimal historyTotal(String remedy, String window);

    /**
     * Returns the business days on the case's calendar (the policy's, or the one its {@code calendars} choose for the
     * case) after the date of {@code from} up to and including that of {@code to}, the dates being those of the case's
     * zone (UTC unless the policy names a {@code timeZone}); negative when {@code to} is earlier, as
     * {@code businessDaysBetween} in YAML.
     */
    long businessDaysBetween(java.time.Instant from, java.time.Instant to);

    /**
     * Returns the calendar days from the date of {@code from} to that of {@code to} in the case's zone (negative when
     * {@code to} is earlier), as {@code daysBetween} in YAML.
     */
    long daysBetween(java.time.Instant from, java.time.Instant to);

    /** Returns the zone the case's dates are counted in: the policy's {@code timeZone}, or the one it chooses. */
    java.time.ZoneId getTimeZone();
}
