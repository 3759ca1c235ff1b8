package org.resolutionpolicy.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Outcome;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.ProposalDecision;

/**
 * The soundness harness (issue 29): generates policies from the format's features (windows of fixed and calendar
 * length, dual approval, computed limits, dated versions, text tests, big and tiny amounts, dates before 2000 and
 * after 2100) and cases for them (several proposals of one remedy, histories, every kind of amount and date), and
 * checks every result the analysis claims against the engine's decisions: every PROVEN guarantee, every "never
 * matches", "unreachable", "masked" and "raises nothing" finding, and every change proof's verdict. Any
 * contradiction fails the build; at least 10,000 (policy, case) pairs are decided in each run.
 */
class SoundnessHarness {

    static final List<String> ROLES = List.of("agent", "lead", "manager", "finance", "director");
    static final int TRIES = 48;
    static final int CASES = 250;
    static final AtomicLong PAIRS = new AtomicLong();

    static final List<String> CONDITIONS = List.of(
            "{ amount: { above: 20.2 } }",
            "{ amount: { above: 0.000005 } }",
            "{ amount: { atLeast: 10000000000000 } }",
            "\"amount > attributes.paid + 10.1\"",
            "\"amount * 3 > attributes.paid\"",
            "{ attributes.birthDate: { below: 1960-01-01 } }",
            "{ attributes.birthDate: { above: 2100-06-01 } }",
            "\"category.startsWith('web') && category.endsWith('app') && !category.contains('-m')\"",
            "\"category.contains('mobile')\"",
            "{ customer.tier: GOLD }",
            "{ severity: { atLeast: HIGH } }",
            "\"history.count('drink', 'P30D') >= 2\"",
            "{ impact.legalThreat: true }",
            "\"round(amount / 3, 2) > 10.1\"",
            "\"floor(amount) >= 20 && ceil(amount) < 21\"",
            "\"(attributes.paid != null ? attributes.paid : 0) > 100\"",
            "{ total: { above: 100 } }");
    static final List<String> EFFECTS = List.of(
            "deny: true",
            "route: swat",
            "require: lead",
            "require: manager",
            "require: [director, finance]",
            "require: [manager, lead]",
            "grant: { role: agent, upTo: 100 }",
            "grant: { role: lead, upTo: \"attributes.paid / 3\" }",
            "grant: { role: agent, upTo: \"attributes.paid != null ? round(attributes.paid / 3, 2) : 0\" }");
    static final List<String> REMEDIES = List.of("[refund]", "[voucher]", "[drink]", "[refund, voucher]");
    static final List<String> WINDOWS = List.of("P30D", "P1M", "P1Y", "PT48H", "calendar month",
            "calendar year from 1 April");

    /** One generated rule. */
    record RuleSpec(int condition, int effect, int remedies) {
        String yaml(int i) {
            return "  - id: r" + i + "\n    when: " + CONDITIONS.get(condition) + "\n    remedies: "
                    + REMEDIES.get(remedies) + "\n    " + EFFECTS.get(effect) + "\n    because: generated\n";
        }
    }

    /** One generated policy: its authority, its rules, and whether it comes in two dated versions. */
    record Spec(String agentRefund, String leadRefund, int drinks, String drinkWindow, String voucherMax,
                String voucherWindow, List<RuleSpec> rules, boolean versioned, String earlierRefund) {

        List<PolicySource> sources() {
            if (!versioned) {
                return List.of(PolicySource.of("gen.yaml", yaml("1", "", agentRefund, rules)));
            }
            return List.of(
                    PolicySource.of("gen-2019.yaml", yaml("2019", "validFrom: 1990-01-01\nvalidUntil: 2026-01-01\n",
                            earlierRefund, rules.subList(0, rules.size() / 2))),
                    PolicySource.of("gen-2026.yaml", yaml("2026", "validFrom: 2026-01-01\n", agentRefund, rules)));
        }

        String yaml(String version, String validity, String agent, List<RuleSpec> which) {
            StringBuilder y = new StringBuilder("policy: gen\nversion: \"" + version + "\"\n" + validity
                    + "roles: " + ROLES + "\nswat: { team: swat }\n"
                    + "attributes: { paid: number, birthDate: date }\n"
                    + (drinks % 3 == 0 ? "severityScale:\n  - id: legal\n    when: { impact.legalThreat: true }\n"
                    + "    severity: CRITICAL\n  - id: big-paid\n    when: \"attributes.paid > 100\"\n"
                    + "    severity: HIGH\n" : "")
                    + "remedies:\n  refund: { unit: money }\n  voucher: { unit: money }\n  drink: { unit: count }\n"
                    + "authority:\n"
                    + "  agent: { refund: " + agent + ", drink: { perGrant: 1, perCustomer: { count: " + drinks
                    + ", window: " + drinkWindow + " } }, voucher: { perGrant: 25, perCustomer: { max: " + voucherMax
                    + ", window: " + voucherWindow + " } } }\n"
                    + "  lead: { refund: " + leadRefund + ", voucher: 100 }\n"
                    + "  manager: { refund: 10000000000000, drink: 10, voucher: 500 }\n"
                    + "  director: { refund: unlimited, drink: unlimited, voucher: unlimited }\n"
                    + "rules:\n" + (which.isEmpty() ? "  []\n" : ""));
            for (int i = 0; i < which.size(); i++) {
                y.append(which.get(i).yaml(i));
            }
            return y.toString();
        }

        Spec without(int rule) {
            List<RuleSpec> fewer = new ArrayList<>(rules);
            fewer.remove(rule);
            return new Spec(agentRefund, leadRefund, drinks, drinkWindow, voucherMax, voucherWindow, fewer, versioned,
                    earlierRefund);
        }
    }

    /** A guarantee about one role's proposals of one remedy above an amount. */
    record GuaranteeSpec(String role, String remedy, BigDecimal above, boolean always, Outcome.Kind kind) {
        Guarantee guarantee() {
            return new Guarantee("g", "generated", Map.of("employee.role", role, "remedy", remedy,
                    "amount", Map.of("above", above)), new Guarantee.Expectation(always, Set.of(kind), null));
        }

        boolean about(CustomerCase c, int proposal) {
            var p = c.proposals().get(proposal);
            return c.employee().role().equals(role) && p.remedy().equals(remedy) && p.amount() != null
                    && p.amount().compareTo(above) > 0;
        }

        boolean holds(Outcome o) {
            return always == (o.kind() == kind);
        }
    }

    @Provide
    Arbitrary<Spec> policies() {
        Arbitrary<RuleSpec> rule = Combinators.combine(Arbitraries.integers().between(0, CONDITIONS.size() - 1),
                Arbitraries.integers().between(0, EFFECTS.size() - 1),
                Arbitraries.integers().between(0, REMEDIES.size() - 1)).as(RuleSpec::new);
        Arbitrary<String> amounts = Arbitraries.of("50", "30.3", "0.000005", "66.67", "1000000000000");
        return Combinators.combine(amounts, Arbitraries.of("300", "\"attributes.paid / 3\"", "20.2"),
                Arbitraries.integers().between(1, 120), Arbitraries.of(WINDOWS), Arbitraries.of("40", "30.30", "1000"),
                Arbitraries.of(WINDOWS), rule.list().ofMaxSize(5), Arbitraries.of(true, false))
                .as((agent, lead, drinks, dw, vmax, vw, rules, versioned) -> new Spec(agent, lead, drinks, dw, vmax, vw,
                        rules, versioned, "60"));
    }

    @Provide
    Arbitrary<GuaranteeSpec> guarantees() {
        return Combinators.combine(Arbitraries.of(ROLES), Arbitraries.of("refund", "voucher", "drink"),
                Arbitraries.of(new BigDecimal("0"), new BigDecimal("20.2"), new BigDecimal("49.99"),
                        new BigDecimal("100"), new BigDecimal("10000000000000")),
                Arbitraries.of(true, false), Arbitraries.of(Outcome.Kind.class)).as(GuaranteeSpec::new);
    }

    @Property(tries = TRIES, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void every_proof_and_finding_of_the_analysis_holds_for_the_engine(@ForAll("policies") Spec spec,
            @ForAll("guarantees") GuaranteeSpec g1, @ForAll("guarantees") GuaranteeSpec g2,
            @ForAll("policies") Spec other, @ForAll long seed) {
        Policy policy = Policies.compile(spec.sources());
        Analysis analysis = Analysis.of(policy);
        List<CustomerCase> cases = cases(new Random(seed), spec.versioned());
        List<Decided> decided = decide(policy, cases);
        PAIRS.addAndGet(decided.size());

        // guarantees: a PROVEN one holds for every case; a VIOLATED one's counterexample is confirmed
        List<GuaranteeSpec> specs = List.of(g1, g2);
        List<GuaranteeResult> results = analysis.prove(specs.stream().map(GuaranteeSpec::guarantee).toList());
        for (int i = 0; i < specs.size(); i++) {
            GuaranteeSpec g = specs.get(i);
            GuaranteeResult r = results.get(i);
            assertThat(r.status()).as(r.detail()).isNotEqualTo(GuaranteeResult.Status.INTERNAL);
            if (r.status() == GuaranteeResult.Status.PROVEN) {
                for (Decided d : decided) {
                    for (int p = 0; p < d.c().proposals().size(); p++) {
                        if (g.about(d.c(), p)) {
                            assertThat(g.holds(d.decisions().get(p).outcome()))
                                    .as("PROVEN %s broken by %s\n%s", g, d.c(), spec.sources()).isTrue();
                        }
                    }
                }
            } else if (r.status() == GuaranteeResult.Status.VIOLATED) {
                CustomerCase c = Cases.parse(r.counterexampleJson());
                int last = c.proposals().size() - 1;
                assertThat(g.about(c, last)).isTrue();
                assertThat(g.holds(policy.decide(c).proposals().get(last).outcome())).isFalse();
            }
        }

        // findings: never matches, unreachable, masked and useless grants hold for every case
        Report report = analysis.findings();
        assertThat(report.hasInternalErrors()).as("%s\n%s", report.findings(), spec.sources()).isFalse();
        for (Finding f : report.of(Finding.Kind.NEVER_MATCHES)) {
            for (Decided d : decided.stream().filter(d -> d.about(f)).toList()) {
                for (Explanation.ProposalExplanation p : d.explanation().proposals()) {
                    assertThat(p.rules()).as("%s matched by %s\n%s", f.message(), d.c(), spec.sources())
                            .noneMatch(rc -> rc.rule().equals(f.subject()) && rc.matched());
                }
            }
        }
        for (Finding f : report.of(Finding.Kind.UNREACHABLE_ROLE)) {
            for (Decided d : decided.stream().filter(d -> d.about(f)).toList()) {
                for (ProposalDecision p : d.decisions()) {
                    assertThat(p.outcome().approvers()).as("%s reached by %s\n%s", f.message(), d.c(), spec.sources())
                            .doesNotContain(f.subject());
                }
            }
        }
        List<Finding> unchanging = new ArrayList<>(report.of(Finding.Kind.MASKED));
        unchanging.addAll(report.of(Finding.Kind.USELESS_GRANT));
        unchanging.addAll(report.of(Finding.Kind.DUPLICATE));
        for (Finding f : unchanging) {
            int rule = Integer.parseInt(f.subject().substring(1));
            if (spec.versioned()) {
                continue; // the rule's index differs between the versions' files; covered by the unversioned tries
            }
            Policy without = Policies.compile(spec.without(rule).sources());
            for (Decided d : decided) {
                List<ProposalDecision> other2 = without.decide(d.c()).proposals();
                for (int p = 0; p < other2.size(); p++) {
                    assertThat(other2.get(p).outcome()).as("%s changed by %s\n%s", f.message(), d.c(), spec.sources())
                            .isEqualTo(d.decisions().get(p).outcome());
                }
            }
        }

        // change proofs: no case changes against a verdict
        Policy newer = Policies.compile(other.versioned() == spec.versioned() ? other.sources() : spec.sources());
        ChangeProof proof = Analysis.of(newer).against(analysis);
        for (ChangeProof.Change change : proof.changes()) {
            assertThat(change.detail()).doesNotContain("internal error");
            if (change.verdict() == ChangeProof.Verdict.UNKNOWN || change.verdict() == ChangeProof.Verdict.BOTH) {
                continue;
            }
            for (Decided d : decided) {
                if (!d.c().employee().role().equals(change.role())) {
                    continue;
                }
                List<ProposalDecision> after;
                try {
                    after = newer.decide(d.c()).proposals();
                } catch (InvalidCaseException e) {
                    continue;
                }
                for (int p = 0; p < after.size(); p++) {
                    if (!d.c().proposals().get(p).remedy().equals(change.remedy())) {
                        continue;
                    }
                    if (change.period() != null && !covers(change.period(), d.c().openedAt())) {
                        continue;
                    }
                    int moved = direction(d.decisions().get(p).outcome(), after.get(p).outcome());
                    boolean contradicted = switch (change.verdict()) {
                        case EQUIVALENT -> moved != 0;
                        case ONLY_STRICTER -> moved < 0 || moved == 2;
                        case ONLY_LOOSER -> moved > 0;
                        default -> false;
                    };
                    assertThat(contradicted).as("%s contradicted by %s\n%s", change, d.c(), spec.sources()).isFalse();
                }
            }
        }
    }

    @AfterContainer
    static void at_least_ten_thousand_pairs_were_decided() {
        assertThat(PAIRS.get()).as("(policy, case) pairs decided").isGreaterThanOrEqualTo(10_000);
    }

    /** A case with the engine's decision and explanation. */
    record Decided(CustomerCase c, String version, List<ProposalDecision> decisions, Explanation explanation) {

        /** Returns true if a finding is about the version that decided this case (every version without versions). */
        boolean about(Finding f) {
            return !f.message().startsWith("in version ") || f.message().startsWith("in version " + version + " ");
        }
    }

    static List<Decided> decide(Policy policy, List<CustomerCase> cases) {
        List<Decided> out = new ArrayList<>();
        for (CustomerCase c : cases) {
            try {
                var decision = policy.decide(c);
                out.add(new Decided(c, decision.policyVersion(), decision.proposals(), policy.explain(c)));
            } catch (InvalidCaseException e) {
                // a case no version decides, or that the policy refuses: not a pair
            }
        }
        return out;
    }

    /** Returns 1 if the newer outcome is stricter (a higher code, or a sign-off added), -1 if looser, 0 if equal. */
    static int direction(Outcome before, Outcome after) {
        int a = code(before);
        int b = code(after);
        if (a != b) {
            return Integer.compare(b, a);
        }
        Set<String> was = new HashSet<>(before.approvers());
        Set<String> is = new HashSet<>(after.approvers());
        if (was.equals(is)) {
            return 0;
        }
        return is.containsAll(was) ? 1 : was.containsAll(is) ? -1 : 2;
    }

    static int code(Outcome o) {
        return switch (o.kind()) {
            case ALONE -> -1;
            case ESCALATE -> ROLES.indexOf(o.approver());
            case SWAT -> ROLES.size();
            case DENIED -> ROLES.size() + 1;
        };
    }

    static boolean covers(String period, Instant at) {
        if (at == null) {
            return true;
        }
        String from = period.contains("from ") ? period.replaceAll(".*from (\\S+).*", "$1") : null;
        String until = period.contains("until ") ? period.replaceAll(".*until (\\S+).*", "$1") : null;
        return (from == null || !at.isBefore(Instant.parse(from + "T00:00:00Z")))
                && (until == null || at.isBefore(Instant.parse(until + "T00:00:00Z")));
    }

    static final List<String> AMOUNTS = List.of("0", "0.000005", "0.000004", "1", "10.1", "20.2", "20.21", "25",
            "30.3", "30.31", "33.33", "40", "49.99", "50", "50.01", "66.67", "66.68", "100", "101", "300",
            "10000000000000", "10000000000000.01", "999999999999999999");
    static final List<String> OPENED = List.of("1995-03-01T10:00:00Z", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z",
            "2026-02-28T12:00:00Z", "2026-03-31T12:00:00Z", "2030-07-15T08:00:00Z");
    static final List<String> CATEGORIES = List.of("web-app", "webapp", "web-mobile-app", "mobile", "store", "web");
    static final List<String> PAID = List.of("0", "30.3", "200", "100.01", "0.000001", "1000000000000000");
    static final List<String> BIRTH = List.of("1959-12-31T23:59:59Z", "1960-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
            "2150-01-01T00:00:00Z", "1985-05-05T00:00:00Z");

    /** Generates cases near the policies' thresholds, with histories and several proposals of one remedy. */
    static List<CustomerCase> cases(Random r, boolean versioned) {
        List<CustomerCase> out = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", "c" + i);
            c.put("severity", List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").get(r.nextInt(4)));
            String opened = OPENED.get(r.nextInt(OPENED.size()));
            boolean hasOpened = versioned || r.nextInt(5) > 0;
            if (hasOpened) {
                c.put("openedAt", opened);
            }
            c.put("employee", Map.of("role", ROLES.get(r.nextInt(ROLES.size()))));
            Map<String, Object> customer = new LinkedHashMap<>();
            if (r.nextBoolean()) {
                customer.put("tier", r.nextBoolean() ? "GOLD" : "SILVER");
            }
            if (hasOpened && r.nextBoolean()) {
                List<Object> history = new ArrayList<>();
                Instant end = Instant.parse(opened);
                int n = r.nextInt(4) == 0 ? 100 + r.nextInt(30) : r.nextInt(5);
                for (int h = 0; h < n; h++) {
                    String remedy = List.of("drink", "voucher", "refund").get(r.nextInt(3));
                    long back = List.of(3_600L, 86_400L * 2, 86_400L * 29, 86_400L * 31, 86_400L * 200, 86_400L * 400)
                            .get(r.nextInt(6));
                    history.add(Map.of("remedy", remedy, "amount", remedy.equals("drink") ? 1 : new BigDecimal(
                            List.of("10.1", "20.2", "5").get(r.nextInt(3))), "at", end.minusSeconds(back).toString()));
                }
                customer.put("history", history);
            }
            if (!customer.isEmpty()) {
                c.put("customer", customer);
            }
            if (r.nextBoolean()) {
                c.put("category", CATEGORIES.get(r.nextInt(CATEGORIES.size())));
            }
            c.put("impact", Map.of("legalThreat", r.nextInt(6) == 0));
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (r.nextInt(8) > 0) { // a case without it is refused where a computed limit needs it
                attributes.put("paid", new BigDecimal(PAID.get(r.nextInt(PAID.size()))));
            }
            if (r.nextBoolean()) {
                attributes.put("birthDate", BIRTH.get(r.nextInt(BIRTH.size())));
            }
            if (!attributes.isEmpty()) {
                c.put("attributes", attributes);
            }
            List<Object> proposals = new ArrayList<>();
            int n = 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
            String remedy = List.of("refund", "voucher", "drink").get(r.nextInt(3));
            for (int p = 0; p < n; p++) {
                String which = r.nextInt(4) == 0 ? List.of("refund", "voucher", "drink").get(r.nextInt(3)) : remedy;
                Object amount = which.equals("drink") ? (Object) (long) r.nextInt(3)
                        : new BigDecimal(AMOUNTS.get(r.nextInt(AMOUNTS.size())));
                proposals.add(Map.of("remedy", which, "amount", amount));
            }
            c.put("proposals", proposals);
            out.add(Cases.parse(org.resolutionpolicy.format.json.JsonText.line(c)));
        }
        return out;
    }
}
