package org.resolutionpolicy.benchmarks;

/**
 * Writes YAML policies of any size with synthetic rules over severity, tier, remedy, role and an amount
 * threshold, the shape the prototype measured; every tenth rule is a grant, every fiftieth a deny.
 */
final class GeneratedPolicies {

    private static final String[] TIERS = {"NEW", "SILVER", "GOLD", "PLATINUM"};
    private static final String[] REMEDIES = {"refund", "voucher", "discount"};

    private GeneratedPolicies() {
    }

    /** Rules per file: each file stays far below the loader's 512 KiB limit on one source. */
    static final int RULES_PER_FILE = 1000;

    /** Returns the policy as sources: the header with the first rules, then files of rules only. */
    static java.util.List<org.resolutionpolicy.api.PolicySource> sources(int rules) {
        java.util.List<org.resolutionpolicy.api.PolicySource> sources = new java.util.ArrayList<>();
        for (int from = 0; from < rules || from == 0; from += RULES_PER_FILE) {
            int to = Math.min(rules, from + RULES_PER_FILE);
            String text = from == 0 ? yaml(0, to) : "rules:\n" + rulesYaml(from, to);
            sources.add(org.resolutionpolicy.api.PolicySource.of("generated-" + from + ".yaml", text));
        }
        return sources;
    }

    static String yaml(int from, int to) {
        StringBuilder y = new StringBuilder("""
                policy: generated
                version: "1"
                roles: [agent, senior, supervisor, manager, director]
                remedies: { refund: { unit: money }, voucher: { unit: money }, discount: { unit: percent }, apology: { unit: none } }
                authority:
                  agent: { refund: 50, voucher: 25, discount: 10, apology: unlimited }
                  senior: { refund: 150, voucher: 50, discount: 15 }
                  supervisor: { refund: 500, voucher: 100, discount: 25 }
                  manager: { refund: 2000, voucher: 250, discount: 50 }
                  director: { refund: unlimited, voucher: unlimited, discount: 100 }
                rules:
                """);
        return y.append(rulesYaml(from, to)).toString();
    }

    private static String rulesYaml(int from, int to) {
        StringBuilder y = new StringBuilder();
        for (int i = from; i < to; i++) {
            String severity = Request.SEVERITIES[i % 4];
            String tier = TIERS[(i / 4) % 4];
            String remedy = REMEDIES[(i / 16) % 3];
            int threshold = 5 + (i * 37) % 500;
            y.append("  - id: g").append(i).append('\n')
                    .append("    when: { severity: ").append(severity).append(", customer.tier: ").append(tier)
                    .append(", amount: { above: ").append(threshold).append(" } }\n")
                    .append("    remedies: [").append(remedy).append("]\n");
            if (i % 50 == 49) {
                y.append("    deny: true\n");
            } else if (i % 10 == 9) {
                y.append("    grant: { role: agent, upTo: ").append(threshold + 20).append(" }\n");
            } else {
                y.append("    require: ").append(Lattice.ROLES[1 + i % 4]).append('\n');
            }
            y.append("    because: generated rule ").append(i).append('\n');
        }
        return y.toString();
    }
}
