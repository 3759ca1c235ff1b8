/**
 * Replays histories of cases: {@link org.resolutionpolicy.replay.Replay} decides every case of a
 * {@link org.resolutionpolicy.replay.History} with one policy into a {@link org.resolutionpolicy.replay.ReplayReport};
 * {@link org.resolutionpolicy.replay.Diff} decides it with two into a {@link org.resolutionpolicy.replay.DiffReport};
 * {@link org.resolutionpolicy.replay.HistoryWriter} writes one. Reports are plain immutable records.
 *
 * <p>Both count with a {@link org.resolutionpolicy.replay.ReplayCounter} or a
 * {@link org.resolutionpolicy.replay.DiffCounter} per thread, whose immutable snapshots,
 * {@link org.resolutionpolicy.replay.ReplayCounts} and {@link org.resolutionpolicy.replay.DiffCounts}, add up with
 * {@code plus} into the counts of the whole history and give its report: the same counts and the same reports when
 * the parts are a Spark job's partitions ({@code policy-spark}).
 */
package org.resolutionpolicy.replay;
