package org.resolutionpolicy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * A condition written as declarative matchers decides exactly as the same condition written in MVEL, absent facts
 * included, in policies large enough that many rules share a severity, tier or category (POLICY-FORMAT: "A known
 * fact that is absent from a case makes every comparison on it false, in matchers and MVEL alike").
 */
class MatcherExpressionEquivalenceProperties {

    static final String HEADER = """
            policy: equivalence
            version: "1"
            roles: [agent, supervisor, manager, director]
            swat: { team: incident-team }
            remedies:
              refund: { unit: money }
              voucher: { unit: money }
              apology: { unit: none }
            authority:
              agent: { refund: 50, voucher: 20, apology: unlimited }
              supervisor: { refund: 200 }
              manager: { refund: 1000, voucher: 100 }
            rules:
            """;

    static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
    static final String[] CATEGORIES = {"late", "spill", "gift-card", "damaged", "rude"};
    static final String[] CHANNELS = {"phone", "chat", "email"};
    static final String[] TIERS = {"GOLD", "SILVER", "PLATINUM", "BRONZE"};
    static final String[] ROLES = {"agent", "supervisor", "manager", "director"};
    static final String[] EFFECTS = {"deny: true", "route: swat", "require: supervisor", "require: manager",
        "require: director", "grant: { role: agent, upTo: 120 }", "grant: { role: supervisor, upTo: 5000 }",
        "followUp: { action: call }"};

    /** One condition in both notations. */
    record Part(String matcher, String mvel) {
    }

    @Property(tries = 25)
    void matchers_and_mvel_decide_alike_in_large_policies(@ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder withMatchers = new StringBuilder(HEADER);
        StringBuilder withMvel = new StringBuilder(HEADER);
        for (int i = 0; i < 90; i++) {
            List<Part> parts = new ArrayList<>();
            // most rules test the severity first, so that many share a bucket of the same value
            if (random.nextInt(10) < 8) {
                parts.add(oneOrList(random, "severity", SEVERITIES));
            }
            int more = 1 + random.nextInt(3);
            while (parts.size() < more + 1) {
                Part part = randomPart(random);
                String path = part.matcher().substring(0, part.matcher().indexOf(':'));
                if (parts.stream().noneMatch(p -> p.matcher().startsWith(path + ":"))) {
                    parts.add(part);
                }
            }
            String effect = EFFECTS[random.nextInt(EFFECTS.length)];
            String remedies = random.nextInt(3) == 0 ? "    remedies: [" + (random.nextBoolean() ? "refund" : "refund, voucher") + "]\n" : "";
            String id = "r" + i;
            withMatchers.append(rule(id, "{ " + join(parts, Part::matcher, ", ") + " }", remedies, effect));
            withMvel.append(rule(id, "\"" + join(parts, Part::mvel, " && ") + "\"", remedies, effect));
        }
        Policy matchers = Policies.parse(withMatchers.toString());
        Policy mvel = Policies.parse(withMvel.toString());

        for (int c = 0; c < 60; c++) {
            CustomerCase aCase = randomCase(random);
            Decision expected = Revisionless.of(mvel.decide(aCase));
            assertThat(Revisionless.of(matchers.decide(aCase))).as("case %s", aCase).isEqualTo(expected);
        }
    }

    static String rule(String id, String when, String remedies, String effect) {
        return "  - id: " + id + "\n    when: " + when + "\n" + remedies + "    " + effect + "\n    because: rule " + id + "\n";
    }

    static String join(List<Part> parts, Function<Part, String> side, String separator) {
        List<String> texts = new ArrayList<>();
        parts.forEach(p -> texts.add(side.apply(p)));
        return String.join(separator, texts);
    }

    static Part randomPart(Random random) {
        switch (random.nextInt(7)) {
            case 0:
                return oneOrList(random, "category", CATEGORIES);
            case 1:
                return oneOrList(random, "channel", CHANNELS);
            case 2:
                return oneOrList(random, "customer.tier", TIERS);
            case 3:
                return oneOrList(random, "employee.role", ROLES);
            case 4: {
                boolean b = random.nextBoolean();
                return new Part("impact.legalThreat: " + b, "impact.legalThreat == " + b);
            }
            case 5: {
                int n = 10 * random.nextInt(30);
                return new Part("amount: { above: " + n + " }", "amount > " + n);
            }
            default: {
                int n = random.nextInt(5);
                return new Part("impact.affectedCustomers: { atLeast: " + n + " }", "impact.affectedCustomers >= " + n);
            }
        }
    }

    /** An equality or a one-of list, and the same in MVEL (a list is an OR of equalities). */
    static Part oneOrList(Random random, String path, String[] values) {
        if (random.nextBoolean()) {
            String v = values[random.nextInt(values.length)];
            return new Part(path + ": " + v, path + " == '" + v + "'");
        }
        String a = values[random.nextInt(values.length)];
        String b = values[random.nextInt(values.length)];
        return new Part(path + ": [" + a + (a.equals(b) ? "" : ", " + b) + "]",
                "(" + path + " == '" + a + "' || " + path + " == '" + b + "')");
    }

    static CustomerCase randomCase(Random random) {
        Impact.Builder impact = Impact.builder();
        if (random.nextInt(4) > 0) {
            impact.legalThreat(random.nextBoolean());
        }
        if (random.nextInt(4) > 0) {
            impact.affectedCustomers(random.nextInt(6));
        }
        CustomerCase.Builder c = CustomerCase.builder().id("C").severity(SEVERITIES[random.nextInt(4)])
                .employee(ROLES[random.nextInt(4)])
                .category(random.nextInt(6) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)])
                .channel(random.nextInt(4) == 0 ? null : CHANNELS[random.nextInt(CHANNELS.length)])
                .customer(Customer.builder().tier(random.nextInt(5) == 0 ? null : TIERS[random.nextInt(TIERS.length)]).build())
                .impact(impact.build());
        if (random.nextInt(8) > 0) {
            c.propose("refund", random.nextInt(3000)).propose("voucher", random.nextInt(150)).propose("apology");
        }
        return c.build();
    }
}
