package org.resolutionpolicy.benchmarks;

import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Proposal;

/** The reference policy as plain if/else: the speed limit every rule engine is measured against. */
final class HandWritten implements Implementation {

    @Override
    public Verdict[] decide(CustomerCase c) {
        Verdict[] out = new Verdict[c.proposals().size()];
        int employee = java.util.Arrays.asList(Lattice.ROLES).indexOf(c.employee().role());
        Collector col = new Collector();
        for (int i = 0; i < out.length; i++) {
            Proposal p = c.proposals().get(i);
            Request r = new Request(c, p);
            col.reset();
            int remedy = r.getRemedy();
            double amount = r.getAmount();
            String category = r.getCategory();
            String channel = r.getChannel();
            String tier = r.getTier();
            int severity = r.getSeverity();
            if ("gift-card".equals(category) && remedy == 0 || "fraud".equals(category)
                    || "partner".equals(channel) && remedy == 1) {
                col.deny();
            }
            if (r.getSocialReach() >= 10000 || r.isLegalThreat() || r.isSafetyIssue()
                    || severity == 3 && r.getOutOfPocket() > 500) {
                col.swat();
            }
            if (severity >= 2 && remedy == 0 && amount > 50) {
                col.require(2);
            }
            if (severity == 3) {
                col.require(3);
            }
            if ("NEW".equals(tier) && amount > 20) {
                col.require(1);
            }
            if ("social".equals(channel)) {
                col.require(2);
            }
            if (remedy == 2 && amount > 30) {
                col.require(3);
            }
            if ("late-delivery".equals(category) && amount > 40) {
                col.require(1);
            }
            if ("GOLD".equals(tier) && remedy == 1) {
                col.grant(0, 40);
            }
            if ("PLATINUM".equals(tier) && remedy == 1) {
                col.grant(0, 60);
            }
            if ("PLATINUM".equals(tier) && severity >= 2 && remedy == 0) {
                col.grant(1, 300);
            }
            if (amount > 5000) {
                col.require(4);
            }
            if ("damaged".equals(category) && remedy == 0 && amount > 100) {
                col.require(2);
            }
            if ("email".equals(channel) && remedy == 1 && amount > 30) {
                col.require(1);
            }
            out[i] = Lattice.verdict(r, col, employee);
        }
        return out;
    }
}
