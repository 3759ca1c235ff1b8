package org.resolutionpolicy.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Generates valid cases for a policy with jqwik: its severities (left out now and then when the policy has a
 * severity scale), roles, remedies (with plausible amounts for each unit), declared attributes, a customer history
 * and an impact; and entries of a severity scale for it ({@link #severityScaleEntries()}).
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<CustomerCase> cases() {
 *     return PolicyArbitraries.forPolicy(policy).tiers("GOLD", "SILVER").categories("late-order", "gift-card").cases();
 * }
 * }</pre>
 *
 * Text values the policy's rules test (tiers, categories, channels, text attributes) are not visible in a
 * compiled policy; name them with the methods below so that generated cases reach those rules.
 */
public final class PolicyArbitraries {

    /** Cases are opened at this instant, so windows and dates are reproducible. */
    public static final Instant OPENED_AT = Instant.parse("2026-11-20T12:00:00Z");

    private final Policy policy;
    private final List<String> tiers;
    private final List<String> categories;
    private final List<String> channels;
    private final List<String> texts;
    private final int maxAmount;

    private PolicyArbitraries(Policy policy, List<String> tiers, List<String> categories, List<String> channels,
                              List<String> texts, int maxAmount) {
        this.policy = policy;
        this.tiers = tiers;
        this.categories = categories;
        this.channels = channels;
        this.texts = texts;
        this.maxAmount = maxAmount;
    }

    /** Starts generating cases for a policy. */
    public static PolicyArbitraries forPolicy(Policy policy) {
        Objects.requireNonNull(policy, "policy must not be null");
        return new PolicyArbitraries(policy, List.of("GOLD", "SILVER"), List.of("general"), List.of("phone", "email"),
                List.of("a", "b"), 500);
    }

    /** Uses these customer tiers (plus an unknown tier). */
    public PolicyArbitraries tiers(String... tiers) {
        return new PolicyArbitraries(policy, List.of(tiers), categories, channels, texts, maxAmount);
    }

    /** Uses these categories. */
    public PolicyArbitraries categories(String... categories) {
        return new PolicyArbitraries(policy, tiers, List.of(categories), channels, texts, maxAmount);
    }

    /** Uses these channels. */
    public PolicyArbitraries channels(String... channels) {
        return new PolicyArbitraries(policy, tiers, categories, List.of(channels), texts, maxAmount);
    }

    /** Uses these values for text attributes. */
    public PolicyArbitraries texts(String... texts) {
        return new PolicyArbitraries(policy, tiers, categories, channels, List.of(texts), maxAmount);
    }

    /** Caps money amounts (default 500). */
    public PolicyArbitraries maxAmount(int maxAmount) {
        return new PolicyArbitraries(policy, tiers, categories, channels, texts, maxAmount);
    }

    /** Returns cases with one to three proposals. */
    public Arbitrary<CustomerCase> cases() {
        return withProposals(proposals().list().ofMinSize(1).ofMaxSize(3));
    }

    /** Returns cases without proposals: the latitude question. */
    public Arbitrary<CustomerCase> latitudeCases() {
        return withProposals(Arbitraries.just(List.of()));
    }

    /**
     * Returns entries of a severity scale ({@code severityScale:}) for the policy, as YAML list items to add under
     * its {@code severityScale:} key: each puts cases matching one fact of their impact or customer (a band of out of
     * pocket or social reach, a flag, a tier, a category) at one of the policy's severities.
     */
    public Arbitrary<String> severityScaleEntries() {
        Arbitrary<String> when = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 200).map(n -> "{ impact.outOfPocket: { above: " + n + " } }"),
                Arbitraries.of(500, 10_000, 100_000).map(n -> "{ impact.socialReach: { atLeast: " + n + " } }"),
                Arbitraries.of(1, 10, 100).map(n -> "{ impact.affectedCustomers: { above: " + n + " } }"),
                Arbitraries.of("safetyIssue", "legalThreat", "regulatorInvolved").map(f -> "{ impact." + f + ": true }"),
                Arbitraries.of(tiers).map(t -> "{ customer.tier: \"" + t + "\" }"),
                Arbitraries.of(categories).map(c -> "{ category: \"" + c + "\" }"));
        return Combinators.combine(Arbitraries.integers().between(1, 9999), when, Arbitraries.of(policy.severities()))
                .as((n, w, severity) -> "- id: generated-" + n + "\n  when: " + w + "\n  severity: " + severity + "\n");
    }

    private Arbitrary<CustomerCase> withProposals(Arbitrary<List<Proposal>> proposals) {
        // with a severity scale a case may leave its severity out: the scale sets it
        boolean scaled = !org.resolutionpolicy.model.ModelledPolicy.of(policy).model().severityScale().isEmpty();
        Arbitrary<String> severity = scaled ? Arbitraries.of(policy.severities()).injectNull(0.25)
                : Arbitraries.of(policy.severities());
        Arbitrary<String> role = Arbitraries.of(policy.roles());
        Arbitrary<String> tier = Arbitraries.of(tiers).injectNull(0.2);
        Arbitrary<String> category = Arbitraries.of(categories);
        Arbitrary<String> channel = Arbitraries.of(channels).injectNull(0.1);
        return Combinators.combine(severity, role, tier, category, channel, impact(), history(), attributes())
                .as(Parts::new)
                .flatMap(parts -> proposals.map(parts::build));
    }

    /** The parts of a case before its proposals; building is pure, so shrinking never shares state. */
    private record Parts(String severity, String role, String tier, String category, String channel, Impact impact,
                         List<HistoryEntry> history, Map<String, Object> attributes) {
        CustomerCase build(List<Proposal> proposals) {
            CustomerCase.Builder b = CustomerCase.builder().id("generated").severity(severity).employee(role)
                    .category(category).channel(channel).openedAt(OPENED_AT).impact(impact)
                    .customer(new Customer("K-1", tier, null, history));
            attributes.forEach(b::attribute);
            proposals.forEach(b::propose);
            return b.build();
        }
    }

    /** Returns one proposal of any remedy, with a plausible amount for its unit. */
    public Arbitrary<Proposal> proposals() {
        List<Arbitrary<Proposal>> each = new ArrayList<>();
        policy.remedies().forEach((remedy, unit) -> each.add(amount(unit).map(a -> new Proposal(remedy, a))));
        return Arbitraries.oneOf(each);
    }

    private Arbitrary<BigDecimal> amount(RemedyUnit unit) {
        switch (unit) {
            case MONEY:
                return Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.valueOf(maxAmount)).ofScale(2);
            case PERCENT:
                return Arbitraries.integers().between(1, 100).map(BigDecimal::valueOf);
            case COUNT:
                return Arbitraries.integers().between(1, 5).map(BigDecimal::valueOf);
            default:
                return Arbitraries.just(null);
        }
    }

    private Arbitrary<Impact> impact() {
        Arbitrary<BigDecimal> outOfPocket = Arbitraries.integers().between(0, 200).map(BigDecimal::valueOf).injectNull(0.3);
        Arbitrary<Long> affected = Arbitraries.of(1L, 2L, 30L, 500L).injectNull(0.3);
        Arbitrary<Long> reach = Arbitraries.of(0L, 500L, 20_000L, 200_000L).injectNull(0.3);
        Arbitrary<Boolean> flag = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(6, Boolean.FALSE), net.jqwik.api.Tuple.of(1, Boolean.TRUE)).injectNull(0.3);
        return Combinators.combine(outOfPocket, affected, reach, flag, flag, flag).as(Impact::new);
    }

    private Arbitrary<List<HistoryEntry>> history() {
        List<String> remedies = new ArrayList<>(policy.remedies().keySet());
        Arbitrary<HistoryEntry> entry = Combinators.combine(Arbitraries.of(remedies), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(1, 90)).as((remedy, amount, daysAgo) -> new HistoryEntry(remedy,
                policy.remedies().get(remedy) == RemedyUnit.NONE ? null : BigDecimal.valueOf(
                        policy.remedies().get(remedy) == RemedyUnit.COUNT ? 1 : amount),
                OPENED_AT.minus(Duration.ofDays(daysAgo))));
        return entry.list().ofMaxSize(4);
    }

    private Arbitrary<Map<String, Object>> attributes() {
        Arbitrary<Map<String, Object>> all = Arbitraries.just(Map.of());
        for (Map.Entry<String, AttributeType> a : policy.attributes().entrySet()) {
            Arbitrary<Object> value = value(a.getValue()).injectNull(0.15);
            String name = a.getKey();
            all = all.flatMap(m -> value.map(v -> {
                Map<String, Object> next = new java.util.LinkedHashMap<>(m);
                if (v != null) {
                    next.put(name, v);
                }
                return next;
            }));
        }
        return all;
    }

    private Arbitrary<Object> value(AttributeType type) {
        switch (type) {
            case NUMBER:
                return Arbitraries.integers().between(0, 120).map(i -> (Object) BigDecimal.valueOf(i));
            case BOOLEAN:
                return Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b);
            case DATE:
                return Arbitraries.integers().between(0, 120).map(d -> (Object) OPENED_AT.minus(Duration.ofDays(d)));
            default:
                return Arbitraries.of(texts).map(s -> (Object) s);
        }
    }
}
