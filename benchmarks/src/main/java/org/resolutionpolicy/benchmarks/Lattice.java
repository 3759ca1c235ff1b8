package org.resolutionpolicy.benchmarks;

/**
 * The reference policy's authority table and the outcome lattice, written by hand for the peers: deny, then
 * SWAT, then the highest of the lowest covering role and every required role; beyond authority: denied.
 */
final class Lattice {

    static final String[] ROLES = {"agent", "senior", "supervisor", "manager", "director"};
    static final double U = Double.POSITIVE_INFINITY;
    static final double N = Double.NaN;
    /** Per remedy (refund, voucher, discount, apology), each role's own per-grant limit; NaN for none. */
    static final double[][] LIMITS = {
        {50, 150, 500, 2000, U},
        {25, 50, 100, 250, U},
        {10, 15, 25, 50, 100},
        {U, N, N, N, N},
    };

    private Lattice() {
    }

    static Verdict verdict(Request r, Collector c, int employee) {
        if (c.deny) {
            return Verdict.DENIED;
        }
        if (c.swat) {
            return Verdict.SWAT;
        }
        int authority = -1;
        double amount = r.getAmount();
        double[] limits = LIMITS[r.getRemedy()];
        for (int role = 0; role < ROLES.length && authority < 0; role++) {
            double limit = limits[role];
            double grant = c.grants[role];
            double perGrant = Double.isNaN(limit) ? grant : Double.isNaN(grant) ? limit : Math.max(limit, grant);
            if (Double.isNaN(perGrant)) {
                continue;
            }
            if (Double.isNaN(amount) ? perGrant > 0 : amount <= perGrant) {
                authority = role;
            }
        }
        if (authority < 0) {
            return Verdict.DENIED;
        }
        int level = Math.max(authority, c.require);
        return level <= employee ? Verdict.ALONE : Verdict.escalate(ROLES[level]);
    }
}
