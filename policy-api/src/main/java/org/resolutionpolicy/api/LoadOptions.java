package org.resolutionpolicy.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the limits a policy source must stay within, and the clock its compiled policy decides by.
 *
 * <p>The limits keep a hostile or broken file from costing unbounded time or memory; a source that exceeds one
 * fails to load with a {@link PolicyLoadException} whose problem names the source, the place where known, the
 * value found and the limit. The defaults leave ample room for any real policy (a policy is kilobytes):
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>applies to</th></tr>
 *   <tr><td>{@link #maxSourceChars()}</td><td>{@value #DEFAULT_MAX_SOURCE_CHARS} (512 K) characters</td>
 *       <td>every source, YAML and DRL; files larger than four bytes per allowed character are refused
 *       before they are read</td></tr>
 *   <tr><td>{@link #maxNestingDepth()}</td><td>{@value #DEFAULT_MAX_NESTING_DEPTH} levels</td>
 *       <td>maps and lists in a YAML source</td></tr>
 *   <tr><td>{@link #maxAliases()}</td><td>{@value #DEFAULT_MAX_ALIASES} aliases</td>
 *       <td>aliases ({@code *name}) to maps and lists in a YAML source</td></tr>
 *   <tr><td>{@link #maxNodes()}</td><td>{@value #DEFAULT_MAX_NODES} nodes</td>
 *       <td>nodes of a YAML source once its aliases are expanded</td></tr>
 *   <tr><td>{@link #maxLoadTime()}</td><td>none</td>
 *       <td>the wall time of one load, checked between its steps; hot reload loads with the same options</td></tr>
 *   <tr><td>{@link #clock()}</td><td>{@link Clock#systemUTC()}</td>
 *       <td>the decision time of cases without {@code openedAt}</td></tr>
 * </table>
 *
 * <p>Options are immutable and thread-safe; build them once, like Jackson's {@code StreamReadConstraints}:
 *
 * <pre>{@code
 * LoadOptions options = LoadOptions.builder().maxSourceChars(64 * 1024).clock(clock).build();
 * Policy policy = Policies.loader(options).load(Path.of("policies/coffee-shop.yaml"));
 * }</pre>
 *
 * <p>Cases read with {@link Cases} are held to the default limits.
 */
public final class LoadOptions {

    /** The default of {@link #maxSourceChars()}: 512 K characters. */
    public static final int DEFAULT_MAX_SOURCE_CHARS = 512 * 1024;
    /** The default of {@link #maxNestingDepth()}. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    /** The default of {@link #maxAliases()}. */
    public static final int DEFAULT_MAX_ALIASES = 20;
    /** The default of {@link #maxNodes()}. */
    public static final int DEFAULT_MAX_NODES = 100_000;
    /** The default of {@link #maxProposals()}: a thousand proposals in one case. */
    public static final int DEFAULT_MAX_PROPOSALS = 1_000;

    private static final LoadOptions DEFAULTS = new Builder().build();

    private final int maxSourceChars;
    private final int maxNestingDepth;
    private final int maxAliases;
    private final int maxNodes;
    private final int maxProposals;
    private final Clock clock;
    private final Duration maxLoadTime;

    private LoadOptions(Builder b) {
        this.maxSourceChars = b.maxSourceChars;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxAliases = b.maxAliases;
        this.maxNodes = b.maxNodes;
        this.maxProposals = b.maxProposals;
        this.clock = b.clock;
        this.maxLoadTime = b.maxLoadTime;
    }

    /**
     * Returns the default options, as documented on this class.
     *
     * @return the defaults
     */
    public static LoadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts options from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder from these options, to change some of them.
     *
     * @return a builder holding these options
     */
    public Builder toBuilder() {
        return new Builder().maxSourceChars(maxSourceChars).maxNestingDepth(maxNestingDepth).maxAliases(maxAliases)
                .maxNodes(maxNodes).maxProposals(maxProposals).clock(clock).maxLoadTime(maxLoadTime);
    }

    /**
     * Returns the most characters one source may hold.
     *
     * @return the limit, at least 1
     */
    public int maxSourceChars() {
        return maxSourceChars;
    }

    /**
     * Returns the deepest nesting of maps and lists a YAML source may have.
     *
     * @return the limit, at least 1
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * Returns the most aliases to maps and lists one YAML source may hold.
     *
     * @return the limit, at least 0
     */
    public int maxAliases() {
        return maxAliases;
    }

    /**
     * Returns the most nodes a YAML source may expand to once its aliases are followed.
     *
     * @return the limit, at least 1
     */
    public int maxNodes() {
        return maxNodes;
    }

    /**
     * Returns the most proposals one case may make: a policy refuses a case with more as an invalid case naming
     * {@code proposals}, before deciding any, and a case read from text is refused as it is read.
     *
     * @return the limit, at least 1
     */
    public int maxProposals() {
        return maxProposals;
    }

    /**
     * Returns the clock that gives the decision time of cases without {@code openedAt}.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the longest one load may take, or empty for no limit (the default). A load that takes longer fails
     * with a {@link PolicyLoadException} whose problem names the first source and the limit; the time is checked
     * between the steps of a load (DRL, YAML, binding DRL rules), so a load ends at most one step after its budget.
     *
     * @return the budget, positive, or empty
     */
    public Optional<Duration> maxLoadTime() {
        return Optional.ofNullable(maxLoadTime);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadOptions other && maxSourceChars == other.maxSourceChars
                && maxNestingDepth == other.maxNestingDepth && maxAliases == other.maxAliases
                && maxNodes == other.maxNodes && maxProposals == other.maxProposals && clock.equals(other.clock)
                && Objects.equals(maxLoadTime, other.maxLoadTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxSourceChars, maxNestingDepth, maxAliases, maxNodes, maxProposals, clock, maxLoadTime);
    }

    @Override
    public String toString() {
        return "LoadOptions[maxSourceChars=" + maxSourceChars + ", maxNestingDepth=" + maxNestingDepth
                + ", maxAliases=" + maxAliases + ", maxNodes=" + maxNodes + ", clock=" + clock
                + (maxLoadTime == null ? "" : ", maxLoadTime=" + maxLoadTime) + "]";
    }

    /** Builds {@link LoadOptions}; starts from the defaults, and each setter checks its argument at once. */
    public static final class Builder {

        private int maxSourceChars = DEFAULT_MAX_SOURCE_CHARS;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxAliases = DEFAULT_MAX_ALIASES;
        private int maxNodes = DEFAULT_MAX_NODES;
        private int maxProposals = DEFAULT_MAX_PROPOSALS;
        private Clock clock = Clock.systemUTC();
        private Duration maxLoadTime;

        private Builder() {
        }

        /**
         * Sets the most characters one source may hold.
         *
         * @param chars the limit
         * @return this builder
         * @throws IllegalArgumentException if chars is less than 1
         */
        public Builder maxSourceChars(int chars) {
            this.maxSourceChars = atLeast(1, chars, "maxSourceChars");
            return this;
        }

        /**
         * Sets the deepest nesting of maps and lists a YAML source may have.
         *
         * @param depth the limit
         * @return this builder
         * @throws IllegalArgumentException if depth is less than 1
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = atLeast(1, depth, "maxNestingDepth");
            return this;
        }

        /**
         * Sets the most aliases to maps and lists one YAML source may hold; 0 forbids them.
         *
         * @param aliases the limit
         * @return this builder
         * @throws IllegalArgumentException if aliases is negative
         */
        public Builder maxAliases(int aliases) {
            this.maxAliases = atLeast(0, aliases, "maxAliases");
            return this;
        }

        /**
         * Sets the most nodes a YAML source may expand to once its aliases are followed.
         *
         * @param nodes the limit
         * @return this builder
         * @throws IllegalArgumentException if nodes is less than 1
         */
        public Builder maxNodes(int nodes) {
            this.maxNodes = atLeast(1, nodes, "maxNodes");
            return this;
        }

        /**
         * Sets the most proposals one case may make.
         *
         * @param proposals the limit
         * @return this builder
         * @throws IllegalArgumentException if proposals is less than 1
         */
        public Builder maxProposals(int proposals) {
            this.maxProposals = atLeast(1, proposals, "maxProposals");
            return this;
        }

        /**
         * Sets the clock that gives the decision time of cases without {@code openedAt}.
         *
         * @param clock the clock, for example {@link Clock#fixed} in tests
         * @return this builder
         * @throws NullPointerException if clock is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Sets the longest one load may take; null removes the limit (the default).
         *
         * @param budget the budget, for example {@code Duration.ofSeconds(5)} for a reloading service, or null
         * @return this builder
         * @throws IllegalArgumentException if budget is zero or negative
         */
        public Builder maxLoadTime(Duration budget) {
            if (budget != null && (budget.isZero() || budget.isNegative())) {
                throw new IllegalArgumentException("maxLoadTime must be positive, was [" + budget + "]");
            }
            this.maxLoadTime = budget;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public LoadOptions build() {
            return new LoadOptions(this);
        }

        private static int atLeast(int min, int value, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", was [" + value + "]");
            }
            return value;
        }
    }
}
