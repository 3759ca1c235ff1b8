package org.resolutionpolicy.engine.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Validity;

/**
 * Several versions of one policy, each in force for its {@code validFrom}..{@code validUntil}: a case is decided by
 * the version in force at its {@code openedAt} (at the decision time when it has none), and a case that no version
 * covers is an invalid case, never decided by a guess.
 *
 * <p>{@link #id()} is the versions' shared id; {@link #version()} and {@link #revision()} name them all
 * ({@code 2025.04+2026.04}), while every decision names the one version and revision that decided it. The
 * description, scale, ladder, remedies and attributes are the latest version's; {@link #authority()} is the table of
 * the version in force now. Immutable and thread-safe.
 */
public final class VersionedPolicy implements ModelledPolicy {

    private final List<CompiledPolicy> versions;
    private final List<Validity> validities;
    private final Clock clock;
    private final String revision;
    private final List<Problem> warnings;
    private final DecisionListener[] listeners;

    /**
     * Creates the policy of several versions.
     *
     * @param versions the versions, each with a validity, in any order; they do not overlap
     * @param clock gives the decision time for cases without {@code openedAt}
     * @param revision the revision of all the sources
     * @param warnings every version's warnings and those about the versions (gaps)
     */
    VersionedPolicy(List<CompiledPolicy> versions, Clock clock, String revision, List<Problem> warnings) {
        List<CompiledPolicy> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(p -> p.model().validity().from(), Comparator.nullsFirst(Comparator.naturalOrder())));
        this.versions = List.copyOf(sorted);
        this.validities = sorted.stream().map(p -> p.model().validity()).toList();
        this.clock = clock;
        this.revision = revision;
        this.warnings = List.copyOf(warnings);
        this.listeners = new DecisionListener[0];
    }

    private VersionedPolicy(VersionedPolicy policy, List<CompiledPolicy> versions, DecisionListener[] listeners) {
        this.versions = versions;
        this.validities = policy.validities;
        this.clock = policy.clock;
        this.revision = policy.revision;
        this.warnings = policy.warnings;
        this.listeners = listeners;
    }

    /** Returns the version in force for a case, or throws an invalid case that says which versions there are. */
    CompiledPolicy versionFor(CustomerCase customerCase) {
        Objects.requireNonNull(customerCase, "case must not be null");
        String by = validities.get(0).by();
        Instant at = by == null ? customerCase.openedAt() != null ? customerCase.openedAt() : clock.instant()
                : eventDate(customerCase, by);
        for (int i = 0; i < versions.size(); i++) {
            if (validities.get(i).covers(at)) {
                return versions.get(i);
            }
        }
        String name = customerCase.id() == null ? "case" : "case [" + customerCase.id() + "]";
        throw new InvalidCaseException(name, List.of(new CaseProblem(validities.get(0).byName(), "no version of policy [" + id()
                + "] is in force at [" + Validity.show(at) + "]; versions: " + versionsInForce())));
    }

    /** Returns the date of the fact that selects the version, or throws an invalid case naming the fact. */
    private static Instant eventDate(CustomerCase customerCase, String by) {
        Object value = customerCase.attributes().get(by.substring("attributes.".length()));
        Instant at = value instanceof Instant i ? i
                : value instanceof String text ? org.resolutionpolicy.model.value.Values.parseInstant(text) : null;
        if (at == null) {
            String name = customerCase.id() == null ? "case" : "case [" + customerCase.id() + "]";
            throw new InvalidCaseException(name, List.of(new CaseProblem(by, (value == null ? "missing" : "not a date-time ["
                    + value + "]") + ": the policy's version is chosen by [" + by + "] (versionBy), and the case "
                    + "must state it")));
        }
        return at;
    }

    private String versionsInForce() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            out.add("[" + versions.get(i).version() + "] " + validities.get(i).text());
        }
        return String.join(", ", out);
    }

    /** Returns the versions, earliest first. */
    @Override
    public List<ModelledPolicy> versions() {
        return List.copyOf(versions);
    }

    /** Returns the model of the version in force now, by the clock, or of the latest when none is. */
    @Override
    public PolicyModel model() {
        return inForceNow().model();
    }

    @Override
    public PolicyModel readAbout(List<PolicySource> sources) {
        return inForceNow().readAbout(sources);
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        return versionFor(customerCase).decide(customerCase);
    }

    @Override
    public Decision decideWithoutSentences(CustomerCase customerCase) {
        return versionFor(customerCase).decideWithoutSentences(customerCase);
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        return versionFor(customerCase).explain(customerCase);
    }

    @Override
    public Policy withListener(DecisionListener listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        DecisionListener[] more = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        List<CompiledPolicy> listened = versions.stream().map(v -> (CompiledPolicy) v.withListener(listener)).toList();
        return new VersionedPolicy(this, listened, more);
    }

    /**
     * Returns the authority table of the version in force now, by the clock, or of the latest version when none is:
     * one table cannot show several versions' amounts at once.
     */
    @Override
    public AuthorityTable authority() {
        return inForceNow().authority();
    }

    /**
     * Returns the version in force now, by the clock, or the latest version when none is: what the authority table
     * shows and what the analysis of a versioned policy analyses.
     *
     * @return one version
     */
    public CompiledPolicy inForceNow() {
        Instant now = clock.instant();
        for (int i = 0; i < versions.size(); i++) {
            if (validities.get(i).covers(now)) {
                return versions.get(i);
            }
        }
        return latest();
    }

    private CompiledPolicy latest() {
        return versions.get(versions.size() - 1);
    }

    @Override
    public String id() {
        return latest().id();
    }

    @Override
    public String version() {
        return versions.stream().map(Policy::version).collect(Collectors.joining("+"));
    }

    @Override
    public String revision() {
        return revision;
    }

    @Override
    public String description() {
        return latest().description();
    }

    @Override
    public List<String> severities() {
        return latest().severities();
    }

    @Override
    public List<String> roles() {
        return latest().roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return latest().remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        return latest().attributes();
    }

    @Override
    public List<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        versions.forEach(v -> ids.addAll(v.ruleIds()));
        return List.copyOf(ids);
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Policy[" + id() + " " + revision + ", " + versions.size() + " versions]";
    }
}
