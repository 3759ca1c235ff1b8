package org.resolutionpolicy.spring;

import java.util.Optional;
import java.util.function.Supplier;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ReloadStatus;

/**
 * One policy the starter serves, as the health indicator and the gauges see it: its id, the snapshot serving now, and
 * how the last reload of what follows it went (empty when it was compiled once).
 *
 * @param id the policy id
 * @param policy the policy serving now
 * @param status the reload status of the policy, or of the directory it is followed with
 */
record ServedPolicy(String id, Supplier<Policy> policy, Supplier<Optional<ReloadStatus>> status) {

    /** Returns true if the last reload failed, so that an older revision than the files' serves. */
    boolean degraded() {
        return status.get().map(ReloadStatus::degraded).orElse(false);
    }
}
