package org.resolutionpolicy.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resolutionpolicy.api.spi.Formats;

/**
 * Holds what a policy decided for a case: an outcome per proposal (or the latitude per remedy when the case
 * has no proposals), the follow-ups, and which policy version and revision decided it.
 *
 * <p>Immutable and safe to share. Every decision a policy makes has an {@link #id()} of its own, the one its
 * decision-log line carries ({@code "decisionId"}), so that a ticket in a CRM can link to the logged decision. Two
 * decisions are {@linkplain #equals(Object) equal} when they decide the same, whatever their ids: the id names the
 * occasion, not what was decided.
 *
 * <p>A class with a record's accessors, equality and {@code toString} rather than a record: the random id of a
 * decision a policy makes ({@link #identified}) is drawn the first time {@link #id()} is read, not when deciding,
 * because most decisions (a replay's millions, a service that logs none) never read it, and drawing it cost about a
 * tenth of a small decision's allocation. Once read it never changes, on any thread.
 */
public final class Decision {

    /** The id of a decision made by {@link #identified} until {@link #id()} is first read: compared by identity. */
    private static final String NOT_DRAWN = new String("not drawn");
    private static final java.lang.invoke.VarHandle ID;

    static {
        try {
            ID = java.lang.invoke.MethodHandles.lookup().findVarHandle(Decision.class, "id", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String policyId;
    private final String policyVersion;
    private final String caseId;
    private final String employeeRole;
    private final boolean swat;
    private final List<ProposalDecision> proposals;
    private final List<Latitude> latitude;
    private final List<FollowUp> followUps;
    private final String revision;
    /** The id, or {@link #NOT_DRAWN} until a random one is drawn: written once more at most, by {@link #id()}. */
    private volatile String id;
    private final CaseSeverity severity;

    /**
     * Creates a decision.
     *
     * @param policyId the id of the policy that decided
     * @param policyVersion its version
     * @param caseId the case id, or {@code null}
     * @param employeeRole the role of the employee who asked
     * @param swat true if any proposal, or for a latitude question the case itself, goes to the SWAT team
     * @param proposals one entry per proposal, in the order of the case; empty when the case had none
     * @param latitude one entry per remedy of the policy when the case had no proposals; otherwise empty
     * @param followUps every follow-up of every matching rule, ordered by action then rule id
     * @param revision the revision of the policy that decided ({@link Policy#revision()}): its version and a hash of
     *                 the content of all its sources; {@code null} only for decisions made by hand
     * @param id the decision's own id; {@code null} only for decisions made by hand (a policy's decisions are made
     *           by {@link #identified}, with a random UUID)
     * @param severity the severity the case was decided at and what raised it, when the policy has a severity
     *                 scale; {@code null} for a policy without one, which decides at the severity the case gives
     * @throws NullPointerException if policyId is null
     */
    public Decision(String policyId, String policyVersion, String caseId, String employeeRole, boolean swat,
                    List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps,
                    String revision, String id, CaseSeverity severity) {
        this.policyId = Objects.requireNonNull(policyId, "policyId must not be null");
        this.policyVersion = policyVersion;
        this.caseId = caseId;
        this.employeeRole = employeeRole;
        this.swat = swat;
        this.proposals = proposals == null ? List.of() : List.copyOf(proposals);
        this.latitude = latitude == null ? List.of() : List.copyOf(latitude);
        this.followUps = followUps == null ? List.of() : List.copyOf(followUps);
        this.revision = revision;
        this.id = id;
        this.severity = severity;
    }

    /**
     * Creates a decision of a policy without a severity scale.
     *
     * @throws NullPointerException if policyId is null
     */
    public Decision(String policyId, String policyVersion, String caseId, String employeeRole, boolean swat,
                    List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps,
                    String revision, String id) {
        this(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps, revision, id, null);
    }

    /**
     * Creates a decision without an id, for decisions made by hand (tests, fixtures).
     *
     * @throws NullPointerException if policyId is null
     */
    public Decision(String policyId, String policyVersion, String caseId, String employeeRole, boolean swat,
                    List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps,
                    String revision) {
        this(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps, revision, null,
                null);
    }

    /**
     * Creates a decision that names no revision and has no id, for decisions made by hand (tests, fixtures).
     *
     * @throws NullPointerException if policyId is null
     */
    public Decision(String policyId, String policyVersion, String caseId, String employeeRole, boolean swat,
                    List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps) {
        this(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps, null, null, null);
    }

    /**
     * Creates a decision whose id is a random (version 4) UUID of its own, as every decision a policy makes has:
     * drawn from the calling thread's generator the first time {@link #id()} is read (a decision id names a
     * decision in a log; it must be unique, it guards nothing, so it need not be unguessable).
     *
     * @param policyId the id of the policy that decided
     * @param policyVersion its version
     * @param caseId the case id, or {@code null}
     * @param employeeRole the role of the employee who asked
     * @param swat true if any proposal, or for a latitude question the case itself, goes to the SWAT team
     * @param proposals one entry per proposal, in the order of the case; empty when the case had none
     * @param latitude one entry per remedy of the policy when the case had no proposals; otherwise empty
     * @param followUps every follow-up of every matching rule, ordered by action then rule id
     * @param revision the revision of the policy that decided
     * @param severity the severity the case was decided at, or {@code null} for a policy without a severity scale
     * @return the decision
     * @throws NullPointerException if policyId is null
     */
    public static Decision identified(String policyId, String policyVersion, String caseId, String employeeRole,
                                      boolean swat, List<ProposalDecision> proposals, List<Latitude> latitude,
                                      List<FollowUp> followUps, String revision, CaseSeverity severity) {
        return new Decision(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps,
                revision, NOT_DRAWN, severity);
    }

    /** Returns the id of the policy that decided. */
    public String policyId() {
        return policyId;
    }

    /** Returns the version of the policy that decided. */
    public String policyVersion() {
        return policyVersion;
    }

    /** Returns the case id, or {@code null}. */
    public String caseId() {
        return caseId;
    }

    /** Returns the role of the employee who asked. */
    public String employeeRole() {
        return employeeRole;
    }

    /** Returns true if any proposal, or for a latitude question the case itself, goes to the SWAT team. */
    public boolean swat() {
        return swat;
    }

    /** Returns one entry per proposal, in the order of the case; empty when the case had none. */
    public List<ProposalDecision> proposals() {
        return proposals;
    }

    /** Returns one entry per remedy of the policy when the case had no proposals; otherwise empty. */
    public List<Latitude> latitude() {
        return latitude;
    }

    /** Returns every follow-up of every matching rule, ordered by action then rule id. */
    public List<FollowUp> followUps() {
        return followUps;
    }

    /**
     * Returns the revision of the policy that decided ({@link Policy#revision()}): its version and a hash of the
     * content of all its sources; {@code null} only for decisions made by hand.
     */
    public String revision() {
        return revision;
    }

    /**
     * Returns the decision's own id: for a decision a policy made, a random UUID unique to each call of
     * {@link Policy#decide} (and {@link Policy#explain}), drawn on the first call of this method and the same on
     * every later call, from any thread; {@code null} only for decisions made by hand.
     */
    public String id() {
        String made = (String) ID.getAcquire(this);
        if (made != NOT_DRAWN) {
            return made;
        }
        String drawn = randomId();
        String won = (String) ID.compareAndExchange(this, NOT_DRAWN, drawn);
        // another thread may have drawn one first: every reader gets the one that was written
        return won == NOT_DRAWN ? drawn : won;
    }

    /**
     * Returns the severity the case was decided at and what raised it, when the policy has a severity scale;
     * {@code null} for a policy without one, which decides at the severity the case gives.
     */
    public CaseSeverity severity() {
        return severity;
    }

    /** Returns a random (version 4) UUID drawn from the calling thread's generator, such as {@code 3f2a9c41-...}. */
    private static String randomId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE; // IETF variant
        return new java.util.UUID(high, low).toString();
    }

    /**
     * Returns this decision with another id, for a caller that assigns ids of its own.
     *
     * @param id the id, or {@code null} for none
     * @return a decision equal to this one, with that id
     */
    public Decision withId(String id) {
        return new Decision(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps,
                revision, id, severity);
    }

    /**
     * Returns the decision as the JSON of the policy-format guide ({@code decide --format json}), with the
     * decision's {@code "decisionId"} first when it has one: the one mapping of the CLI and the decision log, for
     * a service that answers with decisions.
     *
     * @return the JSON text, one object on one line
     * @throws PolicyException if {@code policy-format} is not on the classpath
     * @deprecated a decision is a value and its JSON is a format's: write it with {@code DecisionJson.write(decision)}
     *             of {@code policy-format} (or the Spring starter's JSON support); this method goes in a later release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public String toJson() {
        return Formats.find().json(this);
    }

    /**
     * Returns true if the other object is a decision that decides the same: every component but {@link #id()} is
     * equal. The same policy and case always give equal decisions.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Decision d && swat == d.swat && policyId.equals(d.policyId)
                && Objects.equals(policyVersion, d.policyVersion) && Objects.equals(caseId, d.caseId)
                && Objects.equals(employeeRole, d.employeeRole) && proposals.equals(d.proposals)
                && latitude.equals(d.latitude) && followUps.equals(d.followUps) && Objects.equals(revision, d.revision)
                && Objects.equals(severity, d.severity);
    }

    /** Returns a hash of every component but {@link #id()}, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps,
                revision, severity);
    }

    /**
     * Returns the decision for the first proposal of a remedy.
     *
     * @throws IllegalArgumentException if the case had no proposal of that remedy
     */
    public ProposalDecision proposal(String remedy) {
        return proposals.stream().filter(p -> p.remedy().equals(remedy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no proposal of remedy [" + remedy + "] in this decision"));
    }

    /** Returns the latitude for a remedy, or empty if the decision has none for it. */
    public Optional<Latitude> latitude(String remedy) {
        return latitude.stream().filter(l -> l.remedy().equals(remedy)).findFirst();
    }

    /** Returns true if this decision answers the latitude question (the case had no proposals). */
    public boolean isLatitude() {
        return proposals.isEmpty();
    }

    /** Returns the decision's components as a record's {@code toString} shows them, its id included. */
    @Override
    public String toString() {
        return "Decision[policyId=" + policyId + ", policyVersion=" + policyVersion + ", caseId=" + caseId
                + ", employeeRole=" + employeeRole + ", swat=" + swat + ", proposals=" + proposals + ", latitude="
                + latitude + ", followUps=" + followUps + ", revision=" + revision + ", id=" + id() + ", severity="
                + severity + "]";
    }
}
