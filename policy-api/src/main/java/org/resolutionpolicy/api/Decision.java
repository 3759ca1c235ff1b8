package org.resolutionpolicy.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds what a policy decided for a case: an outcome per proposal (or the latitude per remedy when the case
 * has no proposals), the follow-ups, and which policy version and revision decided it.
 *
 * <p>Immutable and safe to share.
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
 */
public record Decision(String policyId, String policyVersion, String caseId, String employeeRole, boolean swat,
                       List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps,
                       String revision) {

    /**
     * Creates a decision.
     *
     * @throws NullPointerException if policyId is null
     */
    public Decision {
        Objects.requireNonNull(policyId, "policyId must not be null");
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
        latitude = latitude == null ? List.of() : List.copyOf(latitude);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /**
     * Creates a decision that names no revision, for decisions made by hand (tests, fixtures).
     *
     * @throws NullPointerException if policyId is null
     */
    public Decision(String policyId, String policyVersion, String caseId, String employeeRole, boolean swat,
                    List<ProposalDecision> proposals, List<Latitude> latitude, List<FollowUp> followUps) {
        this(policyId, policyVersion, caseId, employeeRole, swat, proposals, latitude, followUps, null);
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
}
