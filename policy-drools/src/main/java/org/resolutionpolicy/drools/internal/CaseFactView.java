package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.TemporalAmount;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.drools.CaseFact;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Windows;
import org.resolutionpolicy.model.value.Values;

/** The case as DRL rules see it, read from the same checked facts YAML rules read. */
final class CaseFactView implements CaseFact {

    private final Facts facts;
    private final PolicyModel model;
    private final CustomerCase c;

    CaseFactView(Facts facts, PolicyModel model) {
        this.facts = facts;
        this.model = model;
        this.c = facts.customerCase();
    }

    @Override
    public String getId() {
        return c.id();
    }

    @Override
    public String getSeverity() {
        // the severity the case is decided at: a policy's severity scale may have raised the one the case gave
        return model.severities().get(facts.severityRank());
    }

    @Override
    public int getSeverityRank() {
        return facts.severityRank();
    }

    @Override
    public boolean severityAtLeast(String severity) {
        return facts.severityRank() >= rank(model.severities().indexOf(severity), "severity", severity);
    }

    @Override
    public String getCategory() {
        return c.category();
    }

    @Override
    public String getChannel() {
        return c.channel();
    }

    @Override
    public Instant getOpenedAt() {
        return c.openedAt();
    }

    @Override
    public String getCustomerId() {
        return c.customer().id();
    }

    @Override
    public String getCustomerTier() {
        return c.customer().tier();
    }

    @Override
    public BigDecimal getLifetimeValue() {
        return c.customer().lifetimeValue();
    }

    @Override
    public BigDecimal getOutOfPocket() {
        return c.impact().outOfPocket();
    }

    @Override
    public Long getAffectedCustomers() {
        return c.impact().affectedCustomers();
    }

    @Override
    public Long getSocialReach() {
        return c.impact().socialReach();
    }

    @Override
    public Boolean getLegalThreat() {
        return c.impact().legalThreat();
    }

    @Override
    public Boolean getSafetyIssue() {
        return c.impact().safetyIssue();
    }

    @Override
    public Boolean getRegulatorInvolved() {
        return c.impact().regulatorInvolved();
    }

    @Override
    public String getEmployeeId() {
        return c.employee().id();
    }

    @Override
    public String getEmployeeRole() {
        return c.employee().role();
    }

    @Override
    public int getEmployeeRank() {
        return facts.employeeRank();
    }

    @Override
    public boolean roleAtLeast(String role) {
        return facts.employeeRank() >= rank(model.roles().indexOf(role), "role", role);
    }

    @Override
    public Object attribute(String name) {
        if (!model.attributes().containsKey(name)) {
            throw new PolicyException("DRL asks for attribute [" + name + "], which the policy does not declare");
        }
        return facts.attribute(name);
    }

    @Override
    public BigDecimal number(String name) {
        Object value = attribute(name);
        return value instanceof BigDecimal ? (BigDecimal) value : null;
    }

    @Override
    public long historyCount(String remedy, String window) {
        return Windows.use(facts, remedy, period(window, model), BigDecimal.ZERO).count();
    }

    @Override
    public BigDecimal historyTotal(String remedy, String window) {
        return Windows.use(facts, remedy, period(window, model), BigDecimal.ZERO).total();
    }

    @Override
    public long businessDaysBetween(java.time.Instant from, java.time.Instant to) {
        if (from == null || to == null) {
            throw new PolicyException("DRL asks for the business days between [" + from + "] and [" + to
                    + "]: both must be present");
        }
        org.resolutionpolicy.model.CaseTime time = facts.time();
        return (time.calendarName() != null ? time.calendar() : model.calendar()).between(from, to, time.zone());
    }

    @Override
    public long daysBetween(java.time.Instant from, java.time.Instant to) {
        if (from == null || to == null) {
            throw new PolicyException("DRL asks for the days between [" + from + "] and [" + to
                    + "]: both must be present");
        }
        return facts.time().date(to).toEpochDay() - facts.time().date(from).toEpochDay();
    }

    @Override
    public java.time.ZoneId getTimeZone() {
        return facts.time().zone();
    }

    private static TemporalAmount period(String window, PolicyModel model) {
        if (window == null) {
            return null;
        }
        TemporalAmount period = Values.parsePeriod(window, model.calendar());
        if (period == null) {
            throw new PolicyException("DRL names the window [" + window + "], which is not an ISO-8601 period such as P30D"
                    + " or a calendar period such as [calendar year from 1 April]");
        }
        return period;
    }

    private static int rank(int rank, String kind, String name) {
        if (rank < 0) {
            throw new PolicyException("DRL names the " + kind + " [" + name + "], which the policy does not declare");
        }
        return rank;
    }

    @Override
    public String toString() {
        return "CaseFact[" + c.id() + "]";
    }
}
