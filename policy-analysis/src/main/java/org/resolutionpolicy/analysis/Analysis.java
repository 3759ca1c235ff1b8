package org.resolutionpolicy.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.analysis.internal.ChangeProver;
import org.resolutionpolicy.analysis.internal.Checker;
import org.resolutionpolicy.analysis.internal.FindingsAnalyzer;
import org.resolutionpolicy.analysis.internal.GuaranteeProver;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/**
 * Analyses a policy with an SMT solver: its findings, its owner's guarantees, and what changed against an older
 * version. Each call makes one solver context of its own and closes it; every check has a time limit, and a check
 * out of time is "not decided", never "holds". Every case shown was decided by the real engine as claimed.
 *
 * <p>Immutable; safe to share, each call running on its caller's thread.
 */
public final class Analysis {

    /** The default time limit of one solver check. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    private final Policy policy;
    private final Duration limit;

    private Analysis(Policy policy, Duration limit) {
        this.policy = policy;
        this.limit = limit;
    }

    /**
     * Loads a policy to analyse from files or directories (together one policy).
     *
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors
     */
    public static Analysis of(Collection<Path> paths) {
        return new Analysis(Policies.load(List.copyOf(paths)), DEFAULT_TIME_LIMIT);
    }

    /**
     * Loads a policy to analyse from files or directories (together one policy).
     *
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors
     */
    public static Analysis of(Path first, Path... more) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return of(all);
    }

    /**
     * Analyses a policy already loaded: a compiled policy, a live one (the revision it serves now) or a registry's.
     * Findings about the header (roles, remedies, authority) name the line of the source that declares them.
     *
     * @throws IllegalArgumentException if the policy was not compiled by policy-engine
     */
    public static Analysis of(Policy policy) {
        Objects.requireNonNull(policy, "policy must not be null");
        Checker.model(policy);
        return new Analysis(policy, DEFAULT_TIME_LIMIT);
    }

    /**
     * Returns the same analysis with another time limit for each solver check.
     *
     * @throws IllegalArgumentException if the limit is not positive
     */
    public Analysis withTimeLimit(Duration perCheck) {
        if (perCheck.isNegative() || perCheck.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, was [" + perCheck + "]");
        }
        return new Analysis(policy, perCheck);
    }

    /** Returns the policy analysed. */
    public Policy policy() {
        return policy;
    }

    /** Finds rules that never match or never change an outcome, useless grants, gaps, shrinking ladders and roles. */
    public Report findings() {
        return new FindingsAnalyzer(policy, "policy " + policy.id(), limit).run();
    }

    /**
     * Proves each guarantee or finds a counterexample case.
     *
     * @throws GuaranteeException if a guarantee's condition does not fit this policy (an unknown fact, say)
     */
    public List<GuaranteeResult> prove(List<Guarantee> guarantees) {
        return new GuaranteeProver(policy, guarantees, limit).run();
    }

    /**
     * Compares this policy, the newer version, with an older one: per remedy and employee role, whether it is
     * equivalent, only stricter, only looser or both, with a case for each direction that exists.
     *
     * @throws IllegalArgumentException if the two policies have different severities or roles
     */
    public ChangeProof against(Analysis older) {
        return new ChangeProver(older.policy, policy, limit).run();
    }

}
