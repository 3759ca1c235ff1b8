package org.resolutionpolicy.analysis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Validity;

/**
 * One version of a policy as the analysis sees it: its model, and the period whose cases it decides (null for a
 * policy without dated versions, which decides every case).
 *
 * @param model the version's model
 * @param period when the version is in force, or null
 * @param inForceNow true if the version decides a case without {@code openedAt} now, when the analysis runs
 */
public record Scope(PolicyModel model, Validity period, boolean inForceNow) {

    /** Returns the versions of a policy, earliest first: one scope without a period for a policy without versions. */
    public static List<Scope> of(Policy policy) {
        ModelledPolicy modelled = ModelledPolicy.of(policy);
        List<ModelledPolicy> versions = modelled.versions();
        if (versions.size() <= 1 && modelled.model().validity() == null) {
            return List.of(new Scope(modelled.model(), null, true));
        }
        Instant now = Instant.now();
        List<Scope> out = new ArrayList<>();
        for (ModelledPolicy v : versions) {
            Validity period = v.model().validity();
            out.add(new Scope(v.model(), period, period == null || period.covers(now)));
        }
        return out;
    }

    /** Returns true if the policy has dated versions, so that results name the version they hold in. */
    public boolean dated() {
        return period != null;
    }

    /** Returns {@code version 2025 (from 2025-01-01 until 2026-01-01)}. */
    public String label() {
        return "version " + model.version() + (period == null || period.text().isEmpty() ? ""
                : " (" + period.text() + ")");
    }

    /**
     * Returns the part of this version's period that another version's overlaps, or null if they do not; a
     * scope without a period is taken to cover every date.
     */
    Validity overlap(Scope other) {
        Validity a = period;
        Validity b = other.period;
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (!a.overlaps(b)) {
            return null;
        }
        Instant from = a.from() == null ? b.from() : b.from() == null ? a.from()
                : a.from().isAfter(b.from()) ? a.from() : b.from();
        Instant until = a.until() == null ? b.until() : b.until() == null ? a.until()
                : a.until().isBefore(b.until()) ? a.until() : b.until();
        return new Validity(from, until, a.place(), a.by(), a.zone());
    }
}
