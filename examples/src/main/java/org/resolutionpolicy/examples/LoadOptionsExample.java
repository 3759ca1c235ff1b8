package org.resolutionpolicy.examples;

import java.time.Clock;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyLoader;

/**
 * Loads policies under tighter limits than the defaults and with a clock of the caller's choosing: the README's load
 * options note.
 */
public final class LoadOptionsExample {

    private LoadOptionsExample() {
    }

    /**
     * Returns a loader for policies uploaded by tenants: small files, no YAML aliases, and the given clock.
     *
     * @param clock gives the decision time of cases without {@code openedAt}
     * @return the loader; keep it and use it for every load (and {@code watch}) of such policies
     */
    public static PolicyLoader tenantLoader(Clock clock) {
        LoadOptions options = LoadOptions.builder()
                .maxSourceChars(64 * 1024)   // default 512 K characters
                .maxAliases(0)               // default 20; 0 refuses every alias to a map or list
                .clock(clock)                // default Clock.systemUTC()
                .build();
        return Policies.loader(options);
    }
}
