package org.resolutionpolicy.examples;

import java.nio.file.Path;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.replay.BadLines;
import org.resolutionpolicy.replay.Diff;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.History;
import org.resolutionpolicy.replay.Replay;
import org.resolutionpolicy.replay.ReplayReport;

/** Replays a history and compares an edit over it from Java, as a CRM's own job would: the README's replay example. */
public final class ReplayExample {

    private ReplayExample() {
    }

    /**
     * Replays a history with a policy, skipping bad lines (they are counted in the report).
     *
     * @param policyFile the policy
     * @param historyFile the history, JSON lines, plain or gzip
     * @return what the policy decided
     */
    public static ReplayReport replay(Path policyFile, Path historyFile) {
        Policy policy = Policies.load(policyFile);
        return Replay.of(policy).onBadLine(BadLines.SKIP).run(History.of(historyFile));
    }

    /**
     * Tells what an edit would have changed over a history.
     *
     * @param current the policy as it is
     * @param edited the policy as edited
     * @param historyFile the history
     * @return the changes; {@link DiffReport#isEmpty()} when there are none
     */
    public static DiffReport whatWouldChange(Path current, Path edited, Path historyFile) {
        DiffReport diff = Diff.of(Policies.load(current), Policies.load(edited)).run(History.of(historyFile));
        if (!diff.isEmpty()) {
            diff.changes().forEach(t -> System.out.println(t.remedy() + ": " + t.from() + " -> " + t.to() + " x" + t.count()));
        }
        return diff;
    }
}
