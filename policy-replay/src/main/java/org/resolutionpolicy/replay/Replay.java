package org.resolutionpolicy.replay;

import java.util.Objects;
import org.resolutionpolicy.api.Policy;

/**
 * Decides every case of a history with one policy and reports what it decided: outcomes and money per remedy, each
 * role's escalations per day or week, SWAT routes by rule, the rules that decided most, the follow-ups owed.
 *
 * <pre>{@code
 * ReplayReport report = Replay.of(policy).onBadLine(BadLines.SKIP).run(History.of(Path.of("history.jsonl.gz")));
 * }</pre>
 *
 * <p>A run streams the history through all cores in constant memory; its report is the same whatever the number of
 * threads. Immutable and thread-safe: each method returns a changed copy, and one instance may run many histories.
 */
public final class Replay {

    private final Policy policy;
    private final RunOptions options;
    private final Granularity granularity;

    private Replay(Policy policy, RunOptions options, Granularity granularity) {
        this.policy = policy;
        this.options = options;
        this.granularity = granularity;
    }

    /**
     * Returns a replay with the defaults: all cores, bad lines fail the run, workload per week.
     *
     * @param policy the policy that decides
     * @return the replay
     * @throws NullPointerException if policy is null
     */
    public static Replay of(Policy policy) {
        return new Replay(Objects.requireNonNull(policy, "policy must not be null"), RunOptions.DEFAULTS, Granularity.WEEK);
    }

    /**
     * Returns this replay with another number of deciding threads.
     *
     * @param threads at least 1
     * @return the changed copy
     * @throws IllegalArgumentException if threads is below 1
     */
    public Replay threads(int threads) {
        return new Replay(policy, options.threads(threads), granularity);
    }

    /**
     * Returns this replay with bad lines skipped or failing the run.
     *
     * @param badLines what to do with a line that cannot be decided
     * @return the changed copy
     * @throws NullPointerException if badLines is null
     */
    public Replay onBadLine(BadLines badLines) {
        return new Replay(policy, options.badLines(badLines), granularity);
    }

    /**
     * Returns this replay with escalations counted per day or per week.
     *
     * @param granularity the periods
     * @return the changed copy
     * @throws NullPointerException if granularity is null
     */
    public Replay granularity(Granularity granularity) {
        return new Replay(policy, options, Objects.requireNonNull(granularity, "granularity must not be null"));
    }

    /**
     * Returns this replay reporting its progress to a listener.
     *
     * @param progress hears how far the run has come
     * @return the changed copy
     * @throws NullPointerException if progress is null
     */
    public Replay progress(Progress progress) {
        return new Replay(policy, options.progress(progress), granularity);
    }

    /**
     * Decides every case of a history.
     *
     * @param history the cases
     * @return what the policy decided
     * @throws NullPointerException if history is null
     * @throws HistoryException if the history cannot be read, or a line is bad and bad lines fail the run
     */
    public ReplayReport run(History history) {
        Objects.requireNonNull(history, "history must not be null");
        return new Pipeline<ReplayCounts>(history, options.threads(), options.badLines(), options.progress(),
                () -> ReplayCounter.of(policy, granularity)).run().report(history.name());
    }
}
