package org.resolutionpolicy.benchmarks;

/** What the peers' rules ask for, for one proposal: the same effects our rules have. Not thread-safe. */
public final class Collector {

    boolean deny;
    boolean swat;
    int require = -1;
    final double[] grants = new double[Lattice.ROLES.length];

    Collector reset() {
        deny = false;
        swat = false;
        require = -1;
        java.util.Arrays.fill(grants, Double.NaN);
        return this;
    }

    public void deny() {
        deny = true;
    }

    public void swat() {
        swat = true;
    }

    public void require(int role) {
        require = Math.max(require, role);
    }

    public void grant(int role, double upTo) {
        grants[role] = Double.isNaN(grants[role]) ? upTo : Math.max(grants[role], upTo);
    }

    public void followUp(String action) {
        // follow-ups do not change outcomes; the peers record nothing for them
    }
}
