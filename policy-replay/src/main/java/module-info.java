/**
 * Replays a history of cases through a policy, and compares two policies over one history: what an edit would have
 * changed in decisions, workload and money.
 *
 * <p>The entry points are {@link org.resolutionpolicy.replay.Replay}, {@link org.resolutionpolicy.replay.Diff} and
 * {@link org.resolutionpolicy.replay.History}; {@link org.resolutionpolicy.replay.ReplayCounts} and
 * {@link org.resolutionpolicy.replay.DiffCounts} are their counts, which add up across the parts of a run split
 * elsewhere (Spark). Decisions go through {@link org.resolutionpolicy.api.Policy}, and the streaming case reader of
 * {@code policy-format} reads each line.
 */
module org.resolutionpolicy.replay {
    requires transitive org.resolutionpolicy.api;
    requires org.resolutionpolicy.model;
    requires org.resolutionpolicy.format;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.resolutionpolicy.replay;
}
