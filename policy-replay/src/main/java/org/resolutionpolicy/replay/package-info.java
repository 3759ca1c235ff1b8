/**
 * Replays histories of cases: {@link org.resolutionpolicy.replay.Replay} decides every case of a
 * {@link org.resolutionpolicy.replay.History} with one policy into a {@link org.resolutionpolicy.replay.ReplayReport};
 * {@link org.resolutionpolicy.replay.Diff} decides it with two into a {@link org.resolutionpolicy.replay.DiffReport};
 * {@link org.resolutionpolicy.replay.HistoryWriter} writes one. Reports are plain immutable records.
 */
package org.resolutionpolicy.replay;
