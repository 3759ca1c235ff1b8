package org.resolutionpolicy.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * plain case of that severity (no history, impact or attributes), and for a case of each combination of the
 * {@linkplain #filters() filters}: every fact the policy's rules test, by the values they compare it with or the
 * bands their thresholds make. The policy itself decides every cell (a latitude question,
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

    /** The most combinations of filter options decided together; beyond it each filter is decided alone. */
    static final int MAX_COMBINATIONS = 512;

    /** A cell's key: its remedy, role, severity and the combination of filter options ({@link #key}). */
    private record Key(String remedy, String role, String severity, String combination) {
    }

    /**
     * A fact the policy's rules test, by which the matrix is decided: the values a text or flag fact is compared
     * with, or the bands a number fact's thresholds make ({@code above 100} and {@code at least 500} make
     * {@code at most 100}, {@code above 100 and below 500} and {@code at least 500}). A case that does not give the
     * fact (the plain case) is decided too.
     *
     * @param fact the fact as policies write it: {@code customer.tier}, {@code attributes.itemPrice}
     * @param options the values or bands, in order
     */
    public record Filter(String fact, List<String> options) {

        /** Creates a filter, copying the options. */
        public Filter {
            Objects.requireNonNull(fact, "fact must not be null");
            options = List.copyOf(options);
        }
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
    private final java.time.Instant openedAt;
    private final AuthorityTable authority;
    private final List<MatrixFacts.Filter> filters;
    private final Map<String, String> notFiltered;
    private final int together;
    private final List<String> combinations;
    private final Map<Key, Cell> cells;

    private AuthorityMatrix(Policy policy, java.time.Instant openedAt, AuthorityTable authority, MatrixFacts facts,
                            int together, List<String> combinations, Map<Key, Cell> cells) {
        this.policy = policy;
        this.openedAt = openedAt;
        this.authority = authority;
        this.filters = facts.filters();
        this.notFiltered = facts.notOffered();
        this.together = together;
        this.combinations = combinations;
        this.cells = cells;
    }

    /**
     * Returns the matrix of a policy, deciding one latitude case per role, severity and combination of the
     * filters' options.
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
        return of(policy, openedAt, facts(List.of(policy)));
    }

    /** Returns the facts the rules of some policies test (every dated version of each), to filter them alike. */
    static MatrixFacts facts(List<Policy> policies) {
        List<org.resolutionpolicy.model.PolicyModel> models = new ArrayList<>();
        List<AuthorityTable> tables = new ArrayList<>();
        for (Policy p : policies) {
            tables.add(p.authority());
            try {
                org.resolutionpolicy.model.ModelledPolicy.of(p).versions().forEach(v -> {
                    models.add(v.model());
                    tables.add(v.authority());
                });
            } catch (IllegalArgumentException e) {
                // a policy that publishes no model: the values its authority table names are all there is
            }
        }
        return MatrixFacts.of(models, tables);
    }

    /** Returns the matrix of a policy decided for the given facts' filters (those of several versions, say). */
    static AuthorityMatrix of(Policy policy, java.time.Instant openedAt, MatrixFacts facts) {
        AuthorityTable table = policy.authority();
        List<MatrixFacts.Filter> filters = facts.filters();
        // every combination when they are few; else as many facts together as keeps them few (at least one)
        int depth = filters.size();
        while (depth > 1 && count(filters, 0, depth) > MAX_COMBINATIONS) {
            depth--;
        }
        List<int[]> chosen = new ArrayList<>();
        combinations(filters, 0, depth, new int[filters.size()], chosen);
        Map<Key, Cell> cells = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int[] choice : chosen) {
            String key = key(choice);
            keys.add(key);
            for (String role : table.roles()) {
                for (String severity : table.severities()) {
                    CustomerCase.Builder c = CustomerCase.builder().severity(severity).employee(role)
                            .openedAt(openedAt);
                    Customer.Builder customer = Customer.builder();
                    org.resolutionpolicy.api.Impact.Builder impact = org.resolutionpolicy.api.Impact.builder();
                    MatrixFacts.apply(c, customer, impact, filters, choice);
                    c.customer(customer.build());
                    if (touchesImpact(filters, choice)) {
                        c.impact(impact.build());
                    }
                    Decision d = policy.decide(c.build());
                    for (Latitude l : d.latitude()) {
                        RemedyUnit unit = policy.remedies().get(l.remedy());
                        cells.put(new Key(l.remedy(), role, severity, key), cell(l, unit));
                    }
                }
            }
        }
        return new AuthorityMatrix(policy, openedAt, table, facts, depth, List.copyOf(keys), Map.copyOf(cells));
    }

    private static boolean touchesImpact(List<MatrixFacts.Filter> filters, int[] choice) {
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] != 0 && filters.get(i).fact().startsWith("impact.")) {
                return true;
            }
        }
        return false;
    }

    /** Adds every combination of options that chooses at most {@code depth} of the filters from {@code at} on. */
    private static void combinations(List<MatrixFacts.Filter> filters, int at, int depth, int[] choice,
                                     List<int[]> out) {
        if (at == filters.size()) {
            out.add(choice.clone());
            return;
        }
        combinations(filters, at + 1, depth, choice, out);
        if (depth > 0) {
            for (int j = 1; j <= filters.get(at).options().size(); j++) {
                choice[at] = j;
                combinations(filters, at + 1, depth - 1, choice, out);
            }
            choice[at] = 0;
        }
    }

    /** Returns how many combinations choose at most {@code depth} of the filters from {@code at} on, capped. */
    private static long count(List<MatrixFacts.Filter> filters, int at, int depth) {
        if (at == filters.size()) {
            return 1;
        }
        long n = count(filters, at + 1, depth);
        if (depth > 0) {
            n += filters.get(at).options().size() * count(filters, at + 1, depth - 1);
        }
        return Math.min(n, Long.MAX_VALUE / 64);
    }

    /**
     * Returns the key of a combination of options, as the page's script builds it: {@code -} for the plain case,
     * else {@code i.j} for the j-th option (from 1) of the i-th filter (from 0), joined by {@code _}.
     */
    static String key(int[] choice) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < choice.length; i++) {
            if (choice[i] != 0) {
                key.append(key.length() == 0 ? "" : "_").append(i).append('.').append(choice[i]);
            }
        }
        return key.length() == 0 ? "-" : key.toString();
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

    /** Returns the policy. */
    public Policy policy() {
        return policy;
    }

    /**
     * Returns the cell of a typical case: the given case asked by this role at this severity, without its proposals
     * (and, for a dated version, opened on its first day), as the policy decides it.
     *
     * @throws org.resolutionpolicy.api.InvalidCaseException when the case cannot be decided (it lacks a fact a
     *                                                        computed limit needs, say)
     */
    Cell typical(CustomerCase typical, String remedy, String role, String severity) {
        CustomerCase.Builder b = typical.toBuilder().clearProposals().employee(role).severity(severity);
        if (openedAt != null) {
            b.openedAt(openedAt);
        }
        for (Latitude l : policy.decide(b.build()).latitude()) {
            if (l.remedy().equals(remedy)) {
                return cell(l, policy.remedies().get(remedy));
            }
        }
        return null;
    }

    /** Returns the policy's authority table. */
    public AuthorityTable authority() {
        return authority;
    }

    /**
     * Returns the facts the matrix is decided by: every fact of a case the policy's rules (and its severity scale)
     * test for which a case can be built, tier and category first. Empty when the rules test none.
     */
    public List<Filter> filters() {
        return filters.stream().map(f -> new Filter(f.fact(), f.options().stream().map(MatrixFacts.Option::label)
                .toList())).toList();
    }

    /** Returns the filters with the values their cases are decided with. */
    List<MatrixFacts.Filter> factFilters() {
        return filters;
    }

    /**
     * Returns the facts the rules test that the matrix does not filter by, each with why (a date, a fact computed
     * from others, one compared with another fact): a cell does not show what they change.
     */
    public Map<String, String> notFiltered() {
        return notFiltered;
    }

    /**
     * Returns true if every combination of the filters' options was decided; false when there are more than
     * {@value #MAX_COMBINATIONS}: then every combination of up to {@link #together()} facts was.
     */
    public boolean combined() {
        return together >= filters.size();
    }

    /**
     * Returns how many of the filtered facts a case may give together for its cells to be decided: every filter when
     * {@link #combined()}, else as many as keep the combinations to at most {@value #MAX_COMBINATIONS} (one at
     * least).
     */
    public int together() {
        return together;
    }

    /** Returns the keys of the decided combinations, the plain case ({@code -}) first. */
    List<String> combinations() {
        return combinations;
    }

    /** Returns the cell of a combination by its key, or null when the remedy, role or severity is not the matrix's. */
    Cell cellAt(String remedy, String role, String severity, String key) {
        return cells.get(new Key(remedy, role, severity, key));
    }

    /** Returns the customer tiers the policy's rules compare with, sorted; empty when none does. */
    public List<String> tiers() {
        return options(TIER);
    }

    /** Returns the categories the policy's rules compare with, sorted; empty when none does. */
    public List<String> categories() {
        return options(CATEGORY);
    }

    private List<String> options(String fact) {
        for (MatrixFacts.Filter f : filters) {
            if (f.fact().equals(fact)) {
                return f.options().stream().map(MatrixFacts.Option::label).toList();
            }
        }
        return List.of();
    }

    /**
     * Returns the cell a case of this tier and category gets (other facts not given), or null when the matrix has
     * no such remedy, role or severity, or did not decide the combination: a tier or category the policy's rules
     * never compare with is "any other", as deciding would take it.
     */
    Cell find(String remedy, String role, String severity, String tier, String category) {
        Map<String, String> chosen = new HashMap<>();
        if (tier != null && tiers().contains(tier)) {
            chosen.put(TIER, tier);
        }
        if (category != null && categories().contains(category)) {
            chosen.put(CATEGORY, category);
        }
        return cells.get(new Key(remedy, role, severity, key(choice(chosen))));
    }

    /** Returns the option indexes of chosen options by fact, or null when a fact or option is not the matrix's. */
    private int[] choice(Map<String, String> chosen) {
        int[] choice = new int[filters.size()];
        int matched = 0;
        for (int i = 0; i < filters.size(); i++) {
            String wanted = chosen.get(filters.get(i).fact());
            if (wanted == null) {
                continue;
            }
            List<MatrixFacts.Option> options = filters.get(i).options();
            for (int j = 0; j < options.size(); j++) {
                if (options.get(j).label().equals(wanted)) {
                    choice[i] = j + 1;
                }
            }
            if (choice[i] == 0) {
                return null;
            }
            matched++;
        }
        return matched == chosen.size() ? choice : null;
    }

    /**
     * Returns one cell.
     *
     * @param tier one of {@link #tiers()}, or null for any other tier
     * @param category one of {@link #categories()}, or null for any other category
     * @throws IllegalArgumentException if the remedy, role, severity, tier or category is not one of the matrix's
     */
    public Cell cell(String remedy, String role, String severity, String tier, String category) {
        Map<String, String> chosen = new HashMap<>();
        if (tier != null) {
            chosen.put(TIER, tier);
        }
        if (category != null) {
            chosen.put(CATEGORY, category);
        }
        int[] choice = choice(chosen);
        Cell cell = choice == null ? null : cells.get(new Key(remedy, role, severity, key(choice)));
        if (cell == null) {
            throw new IllegalArgumentException("no cell for remedy [" + remedy + "], role [" + role + "], severity ["
                    + severity + "], tier [" + tier + "], category [" + category + "] in policy [" + policy.id() + "]");
        }
        return cell;
    }

    /**
     * Returns the cell of a case that gives some of the filtered facts: each fact's option as {@link #filters()}
     * names it ({@code "customer.tier" -> "GOLD"}, {@code "attributes.itemPrice" -> "at least 500"}); the facts not
     * named are not given.
     *
     * @throws IllegalArgumentException if the remedy, role or severity is not the matrix's, a fact or option is not
     *                                  one of its filters', or the combination was not decided ({@link #combined()})
     */
    public Cell cell(String remedy, String role, String severity, Map<String, String> chosen) {
        int[] choice = choice(Objects.requireNonNull(chosen, "chosen must not be null"));
        Cell cell = choice == null ? null : cells.get(new Key(remedy, role, severity, key(choice)));
        if (cell == null) {
            throw new IllegalArgumentException("no cell for remedy [" + remedy + "], role [" + role + "], severity ["
                    + severity + "] and " + chosen + " in policy [" + policy.id() + "]"
                    + (choice != null && !combined() ? ": the matrix decides at most " + together + " of its "
                    + filters.size() + " filtered facts together (more would be over " + MAX_COMBINATIONS
                    + " combinations)" : ""));
        }
        return cell;
    }
}
