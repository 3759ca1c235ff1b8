package org.resolutionpolicy.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.Beyond;
import org.resolutionpolicy.api.Customer;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Latitude;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * Answers, for every remedy, role and severity, the most the role may grant alone and who approves beyond, for a
 * plain case of that severity (no history, impact or attributes), once for each customer tier and category the
 * policy's rules compare with and once for any other. The policy itself decides every cell (a latitude question,
 * {@link Policy#decide}), so a cell says what deciding would say, for YAML, DRL and mixed policies alike; the
 * {@link #authority() authority table} adds what a plain case cannot show: windows and grants with their conditions.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AuthorityMatrix matrix = AuthorityMatrix.of(policy);
 * AuthorityMatrix.Cell cell = matrix.cell("voucher", "barista", "LOW", "GOLD", null);
 * }</pre>
 */
public final class AuthorityMatrix {

    /** The case fact a tier filter reads. */
    static final String TIER = "customer.tier";
    /** The case fact a category filter reads. */
    static final String CATEGORY = "category";

    private record Key(String remedy, String role, String severity, String tier, String category) {
    }

    /**
     * One cell: what a role may grant alone, and where a larger grant goes.
     *
     * @param aloneUpTo the most the role may grant alone
     * @param beyond where a grant above it goes
     */
    public record Cell(Limit aloneUpTo, Beyond beyond) {

        /**
         * Creates a cell.
         *
         * @throws NullPointerException if an argument is null
         */
        public Cell {
            Objects.requireNonNull(aloneUpTo, "aloneUpTo must not be null");
            Objects.requireNonNull(beyond, "beyond must not be null");
        }

        /** Returns the cell as its page shows it: {@code 20; beyond: ESCALATE to shift-lead}, or {@code unlimited}. */
        @Override
        public String toString() {
            return beyond.kind() == Beyond.Kind.NOTHING ? aloneUpTo.toString()
                    : aloneUpTo + "; beyond: " + beyond;
        }
    }

    private final Policy policy;
    private final AuthorityTable authority;
    private final List<String> tiers;
    private final List<String> categories;
    private final Map<Key, Cell> cells;

    private AuthorityMatrix(Policy policy, AuthorityTable authority, List<String> tiers, List<String> categories,
                            Map<Key, Cell> cells) {
        this.policy = policy;
        this.authority = authority;
        this.tiers = tiers;
        this.categories = categories;
        this.cells = cells;
    }

    /**
     * Returns the matrix of a policy, deciding one latitude case per role, severity, tier and category.
     *
     * @throws NullPointerException if policy is null
     * @throws UnsupportedOperationException if the policy cannot describe its authority
     */
    public static AuthorityMatrix of(Policy policy) {
        return of(policy, null);
    }

    /**
     * Returns the matrix of a policy for cases opened at an instant: the matrix of a dated version, whose cases must
     * be opened while it is in force.
     *
     * @param openedAt when the cases are opened, or null for cases that do not say
     * @throws NullPointerException if policy is null
     * @throws UnsupportedOperationException if the policy cannot describe its authority
     */
    static AuthorityMatrix of(Policy policy, java.time.Instant openedAt) {
        Objects.requireNonNull(policy, "policy must not be null");
        AuthorityTable table = policy.authority();
        List<String> tiers = values(table, TIER);
        List<String> categories = values(table, CATEGORY);
        Map<Key, Cell> cells = new HashMap<>();
        for (String role : table.roles()) {
            for (String severity : table.severities()) {
                for (String tier : withOther(tiers)) {
                    for (String category : withOther(categories)) {
                        CustomerCase c = CustomerCase.builder().severity(severity).category(category).employee(role)
                                .openedAt(openedAt)
                                .customer(Customer.builder().tier(tier).build()).build();
                        Decision d = policy.decide(c);
                        for (Latitude l : d.latitude()) {
                            RemedyUnit unit = policy.remedies().get(l.remedy());
                            cells.put(new Key(l.remedy(), role, severity, tier, category), cell(l, unit));
                        }
                    }
                }
            }
        }
        return new AuthorityMatrix(policy, table, tiers, categories, Map.copyOf(cells));
    }

    private static Cell cell(Latitude l, RemedyUnit unit) {
        Beyond beyond;
        if (l.approverBeyond() != null) {
            beyond = Beyond.escalate(l.approverBeyond());
        } else if (l.teamBeyond() != null) {
            beyond = Beyond.swat(l.teamBeyond());
        } else if (l.aloneUpTo().isUnlimited() || unit == RemedyUnit.PERCENT && l.aloneUpTo().equals(Limit.of(100))) {
            beyond = Beyond.nothing();
        } else {
            beyond = Beyond.deny();
        }
        return new Cell(l.aloneUpTo(), beyond);
    }

    /** Returns the values the enabled rules compare a fact with, sorted. */
    private static List<String> values(AuthorityTable table, String fact) {
        TreeSet<String> values = new TreeSet<>();
        for (AuthorityTable.Rule r : table.rules()) {
            if (r.enabled()) {
                values.addAll(r.values().getOrDefault(fact, List.of()));
            }
        }
        return List.copyOf(values);
    }

    private static List<String> withOther(List<String> values) {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(values);
        return Collections.unmodifiableList(all);
    }

    /** Returns the policy. */
    public Policy policy() {
        return policy;
    }

    /** Returns the policy's authority table. */
    public AuthorityTable authority() {
        return authority;
    }

    /** Returns the customer tiers the policy's rules compare with, sorted; empty when none does. */
    public List<String> tiers() {
        return tiers;
    }

    /** Returns the categories the policy's rules compare with, sorted; empty when none does. */
    public List<String> categories() {
        return categories;
    }

    /**
     * Returns the cell a case of this tier and category gets, or null when the matrix has no such remedy, role or
     * severity: a tier or category the policy's rules never compare with is "any other", as deciding would take it.
     */
    Cell find(String remedy, String role, String severity, String tier, String category) {
        return cells.get(new Key(remedy, role, severity, tier != null && tiers.contains(tier) ? tier : null,
                category != null && categories.contains(category) ? category : null));
    }

    /**
     * Returns one cell.
     *
     * @param tier one of {@link #tiers()}, or null for any other tier
     * @param category one of {@link #categories()}, or null for any other category
     * @throws IllegalArgumentException if the remedy, role, severity, tier or category is not one of the matrix's
     */
    public Cell cell(String remedy, String role, String severity, String tier, String category) {
        Cell cell = cells.get(new Key(remedy, role, severity, tier, category));
        if (cell == null) {
            throw new IllegalArgumentException("no cell for remedy [" + remedy + "], role [" + role + "], severity ["
                    + severity + "], tier [" + tier + "], category [" + category + "] in policy [" + policy.id() + "]");
        }
        return cell;
    }
}
