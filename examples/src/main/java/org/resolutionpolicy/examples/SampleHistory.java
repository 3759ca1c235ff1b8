package org.resolutionpolicy.examples;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.HistoryEntry;
import org.resolutionpolicy.api.Impact;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.replay.HistoryWriter;

/**
 * Generates a realistic, seeded history for a policy: cases spread over a year, with the policy's severities, roles,
 * remedies and attributes, customer tiers, categories and channels, earlier remedies inside the windows of the
 * authority limits, and now and then a public, legal or safety problem. The same policy, seed and count give the
 * same history, line for line; tests, the docs and the benchmarks use it, and no large file is committed.
 *
 * <pre>{@code
 * SampleHistory.write(Policies.load(Path.of("policies/coffee-shop.yaml")), 100_000, 14, Path.of("history.jsonl.gz"));
 * }</pre>
 *
 * <p>From the command line: {@code SampleHistory POLICY CASES SEED OUT} (OUT ending in {@code .gz} is compressed).
 */
public final class SampleHistory implements Iterator<CustomerCase> {

    /** The first moment of the year the cases are opened in. */
    public static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final List<String> CATEGORIES = List.of("late-order", "wrong-item", "damaged", "quality", "billing",
            "spill", "delivery", "gift-card", "promotion");
    private static final int[] CATEGORY_WEIGHTS = {25, 15, 12, 12, 10, 10, 10, 3, 3};
    private static final List<String> TIERS = List.of("BRONZE", "SILVER", "GOLD", "PLATINUM");
    private static final int[] TIER_WEIGHTS = {50, 30, 15, 5};
    private static final List<String> CHANNELS = List.of("phone", "email", "chat", "store");
    private static final int[] MONEY = {5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 500};
    private static final int[] MONEY_WEIGHTS = {12, 18, 14, 12, 9, 8, 7, 6, 4, 4, 2, 2, 1, 1};
    private static final int[] PERCENT = {5, 10, 15, 20, 25, 30, 50};
    private static final int[] SEVERITY_WEIGHTS = {45, 35, 15, 5};
    private static final int[] ROLE_WEIGHTS = {60, 25, 10, 5};

    private final long count;
    private final SplittableRandom random;
    private final List<String> severities;
    private final List<String> roles;
    private final List<String> remedies;
    private final Map<String, RemedyUnit> units;
    private final Map<String, AttributeType> attributes;
    private long next;

    private SampleHistory(Policy policy, long count, long seed) {
        this.count = count;
        this.random = new SplittableRandom(seed);
        this.severities = policy.severities();
        this.roles = policy.roles();
        this.units = policy.remedies();
        this.remedies = List.copyOf(units.keySet());
        this.attributes = policy.attributes();
    }

    /**
     * Returns the cases of a history, one by one, in the order of their lines.
     *
     * @param policy the policy whose names the cases use
     * @param count how many cases
     * @param seed the seed: the same seed gives the same cases
     * @return the cases; not thread-safe
     * @throws IllegalArgumentException if count is negative
     */
    public static SampleHistory of(Policy policy, long count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was [" + count + "]");
        }
        return new SampleHistory(policy, count, seed);
    }

    /**
     * Writes a history file.
     *
     * @param policy the policy whose names the cases use
     * @param count how many cases
     * @param seed the seed
     * @param out the file; compressed with gzip when its name ends in {@code .gz}
     */
    public static void write(Policy policy, long count, long seed, Path out) {
        try (HistoryWriter writer = HistoryWriter.create(out)) {
            of(policy, count, seed).forEachRemaining(writer::write);
        }
    }

    /**
     * Writes a history from the command line: {@code POLICY CASES SEED OUT}.
     *
     * @param args the policy file, the number of cases, the seed and the output file
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: SampleHistory POLICY CASES SEED OUT");
        }
        write(Policies.load(Path.of(args[0])), Long.parseLong(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
    }

    /** Returns true while cases are left. */
    @Override
    public boolean hasNext() {
        return next < count;
    }

    /** Returns the next case. */
    @Override
    public CustomerCase next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all [" + count + "] cases were given");
        }
        next++;
        Instant openedAt = YEAR_START.plusSeconds((long) (random.nextDouble() * YEAR_SECONDS));
        CustomerCase.Builder c = CustomerCase.builder()
                .id(String.format("H-%07d", next))
                .severity(severities.get(pick(SEVERITY_WEIGHTS, severities.size())))
                .category(CATEGORIES.get(pick(CATEGORY_WEIGHTS, CATEGORIES.size())))
                .channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
                .openedAt(openedAt)
                .employee("E-" + (1 + random.nextInt(400)), roles.get(pick(ROLE_WEIGHTS, Math.min(roles.size(), 3))))
                .customer(customer(openedAt))
                .impact(impact());
        attributes.forEach((name, type) -> c.attribute(name, attribute(type, openedAt)));
        // one case in thirty asks for latitude instead of proposing
        int proposals = random.nextInt(30) == 0 ? 0 : 1 + pick(new int[] {70, 25, 5}, 3);
        for (int i = 0; i < proposals; i++) {
            String remedy = remedies.get(random.nextInt(remedies.size()));
            switch (units.get(remedy)) {
                case NONE -> c.propose(remedy);
                case COUNT -> c.propose(remedy, 1 + pick(new int[] {60, 25, 10, 5}, 4));
                case PERCENT -> c.propose(remedy, PERCENT[random.nextInt(PERCENT.length)]);
                case MONEY -> c.propose(remedy, money());
            }
        }
        return c.build();
    }

    private Customer customer(Instant openedAt) {
        Customer.Builder b = Customer.builder().id("K-" + (1 + random.nextInt(25_000)))
                .tier(TIERS.get(pick(TIER_WEIGHTS, TIERS.size())))
                .lifetimeValue(BigDecimal.valueOf(random.nextInt(1_000_000), 2));
        // earlier remedies, most of them inside the 7- to 90-day windows of the authority limits
        int earlier = pick(new int[] {55, 25, 12, 8}, 4);
        for (int i = 0; i < earlier; i++) {
            String remedy = remedies.get(random.nextInt(remedies.size()));
            RemedyUnit unit = units.get(remedy);
            if (unit == RemedyUnit.NONE) {
                continue;
            }
            BigDecimal amount = unit == RemedyUnit.MONEY ? money() : BigDecimal.valueOf(unit == RemedyUnit.PERCENT
                    ? PERCENT[random.nextInt(PERCENT.length)] : 1);
            b.history(new HistoryEntry(remedy, amount, openedAt.minus(Duration.ofHours(1 + random.nextInt(24 * 120)))));
        }
        return b.build();
    }

    private Impact impact() {
        Impact.Builder b = Impact.builder().affectedCustomers(random.nextInt(200) == 0 ? 50 + random.nextInt(100) : 1)
                .socialReach(random.nextInt(100) == 0 ? 10_000 + random.nextInt(90_000) : random.nextInt(500))
                .legalThreat(random.nextInt(200) == 0)
                .safetyIssue(random.nextInt(300) == 0)
                .regulatorInvolved(random.nextInt(1000) == 0);
        if (random.nextInt(4) == 0) {
            b.outOfPocket(BigDecimal.valueOf(50 + random.nextInt(20_000), 2));
        }
        return b.build();
    }

    private Object attribute(AttributeType type, Instant openedAt) {
        return switch (type) {
            case NUMBER -> BigDecimal.valueOf(random.nextInt(120));
            case BOOLEAN -> random.nextInt(10) == 0;
            case STRING -> "S-" + (1 + random.nextInt(40));
            case DATE -> openedAt.minus(Duration.ofDays(random.nextInt(60)));
        };
    }

    private BigDecimal money() {
        return BigDecimal.valueOf(MONEY[pick(MONEY_WEIGHTS, MONEY.length)]);
    }

    /** Returns an index below n, drawn by the first n weights. */
    private int pick(int[] weights, int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += weights[i];
        }
        int r = random.nextInt(total);
        for (int i = 0; i < n; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return n - 1;
    }

    /** Returns the cases left, as a list; for small histories in tests. */
    public List<CustomerCase> toList() {
        List<CustomerCase> all = new ArrayList<>();
        forEachRemaining(all::add);
        return all;
    }
}
