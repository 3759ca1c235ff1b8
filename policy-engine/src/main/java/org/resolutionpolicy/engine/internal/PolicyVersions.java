package org.resolutionpolicy.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.resolutionpolicy.api.PolicyLoadException;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.model.Validity;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.engine.internal.support.Revisions;

/**
 * Loads several versions of one policy given together (several YAML files with a {@code policy:} header): each
 * header with the rule files and DRL files shared by all, checked as one load, so that a policy owner sees every
 * problem of every version, and the overlaps (errors) and gaps (warnings) between their validities, at once.
 */
final class PolicyVersions {

    /** A header is a top-level {@code policy:} key; a rules file has none. */
    private static final Pattern HEADER = Pattern.compile("(?m)^policy[ \t]*:");

    private PolicyVersions() {
    }

    /** Returns the YAML sources that declare a policy. */
    static List<PolicySource> headers(List<PolicySource> sources) {
        return sources.stream().filter(s -> s.kind() == PolicySource.Kind.YAML && HEADER.matcher(s.text()).find())
                .toList();
    }

    /**
     * Compiles each version and joins them.
     *
     * @param sources every source of the load; at least two declare a policy
     * @param compiler compiles the sources of one version
     * @param clock gives the decision time for cases without {@code openedAt}
     * @throws PolicyLoadException with the problems of every version and of their validities
     */
    static VersionedPolicy compile(List<PolicySource> sources, Function<List<PolicySource>, CompiledPolicy> compiler,
                                   java.time.Clock clock) {
        List<CompiledPolicy> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<PolicySource> headers = headers(sources);
        List<PolicySource> shared = sources.stream().filter(s -> !headers.contains(s)).toList();
        Problems problems = new Problems();
        for (PolicySource header : headers) {
            List<PolicySource> version = new ArrayList<>();
            version.add(header);
            version.addAll(shared);
            try {
                CompiledPolicy policy = compiler.apply(version);
                out.add(policy);
                names.add(header.name());
                problems.addAll(policy.warnings());
            } catch (PolicyLoadException e) {
                // a problem of a shared rules file is reported once, not once per version
                e.problems().stream().filter(p -> !problems.all().contains(p)).forEach(p -> problems.addAll(List.of(p)));
            }
        }
        if (!problems.hasErrors()) {
            check(out, names, problems);
        }
        problems.throwIfErrors();
        String versions = String.join("+", out.stream().map(CompiledPolicy::version).toList());
        return new VersionedPolicy(out, clock, Revisions.of(versions, Revisions.hash(sources)), problems.warnings());
    }

    /** Records versions of different ids, versions without validity, overlaps (errors) and gaps (warnings). */
    private static void check(List<CompiledPolicy> versions, List<String> names, Problems problems) {
        String id = versions.get(0).id();
        for (int i = 1; i < versions.size(); i++) {
            if (!versions.get(i).id().equals(id)) {
                // two policies, not two versions: one error, not one per version without validity
                Validity validity = versions.get(i).model().validity();
                problems.error(validity != null ? validity.place() : Place.of(names.get(i)), "a second policy header: ["
                        + names.get(0) + "] already declares the policy", "load one policy at a time, or several "
                        + "with Policies.registry(directory); versions of one policy share its id, and further files "
                        + "may only add rules");
                return;
            }
        }
        for (int i = 0; i < versions.size(); i++) {
            CompiledPolicy v = versions.get(i);
            Validity validity = v.model().validity();
            if (validity == null) {
                problems.error(Place.of(names.get(i)), "version [" + v.version() + "] of policy [" + id
                        + "] does not say when it is in force, but other versions are loaded with it",
                        "give each version validFrom (and validUntil), e.g. validFrom: 2026-04-01");
            }
        }
        if (problems.hasErrors()) {
            return;
        }
        String by = versions.get(0).model().validity().byName();
        for (int i = 1; i < versions.size(); i++) {
            Validity validity = versions.get(i).model().validity();
            if (!validity.byName().equals(by)) {
                problems.error(validity.place(), "version [" + versions.get(i).version() + "] of policy [" + id
                        + "] is chosen by [" + validity.byName() + "] but version [" + versions.get(0).version()
                        + "] by [" + by + "]", "write the same versionBy: in every version");
            }
        }
        if (problems.hasErrors()) {
            return;
        }
        List<CompiledPolicy> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(p -> p.model().validity().from(),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            Validity a = sorted.get(i).model().validity();
            for (int j = i + 1; j < sorted.size(); j++) {
                Validity b = sorted.get(j).model().validity();
                if (a.overlaps(b)) {
                    problems.error(b.place(), "version [" + sorted.get(j).version() + "] (" + b.text()
                            + ") overlaps version [" + sorted.get(i).version() + "] (" + a.text() + ") of policy ["
                            + id + "]", "end the earlier version with validUntil where the later one starts");
                }
            }
            Validity next = sorted.get(i + 1).model().validity();
            if (a.until() != null && next.from() != null && next.from().isAfter(a.until())) {
                problems.warning(next.place(), "a gap between versions of policy [" + id + "]: cases opened from ["
                        + Validity.show(a.until()) + "] until [" + Validity.show(next.from()) + "] are in no version"
                        + (a.by() == null ? "" : " (by " + a.by() + ")"),
                        "start version [" + sorted.get(i + 1).version() + "] at [" + Validity.show(a.until()) + "]");
            }
        }
    }
}
