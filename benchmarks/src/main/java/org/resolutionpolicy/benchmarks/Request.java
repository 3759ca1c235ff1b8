package org.resolutionpolicy.benchmarks;

import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Proposal;

/** One proposal of a case, flattened for the peers (plain Drools, Easy Rules). Remedies by index. */
public final class Request {

    static final String[] REMEDIES = {"refund", "voucher", "discount", "apology"};
    static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};

    private final int severity;
    private final String tier;
    private final String category;
    private final String channel;
    private final double outOfPocket;
    private final long socialReach;
    private final boolean legalThreat;
    private final boolean safetyIssue;
    private final int remedy;
    private final double amount;

    Request(CustomerCase c, Proposal p) {
        this.severity = java.util.Arrays.asList(SEVERITIES).indexOf(c.severity());
        this.tier = c.customer().tier();
        this.category = c.category();
        this.channel = c.channel();
        this.outOfPocket = c.impact().outOfPocket().doubleValue();
        this.socialReach = c.impact().socialReach();
        this.legalThreat = c.impact().legalThreat();
        this.safetyIssue = c.impact().safetyIssue();
        this.remedy = java.util.Arrays.asList(REMEDIES).indexOf(p.remedy());
        this.amount = p.amount() == null ? Double.NaN : p.amount().doubleValue();
    }

    public int getSeverity() {
        return severity;
    }

    public String getTier() {
        return tier;
    }

    public String getCategory() {
        return category;
    }

    public String getChannel() {
        return channel;
    }

    public double getOutOfPocket() {
        return outOfPocket;
    }

    public long getSocialReach() {
        return socialReach;
    }

    public boolean isLegalThreat() {
        return legalThreat;
    }

    public boolean isSafetyIssue() {
        return safetyIssue;
    }

    public int getRemedy() {
        return remedy;
    }

    public double getAmount() {
        return amount;
    }
}
