package org.resolutionpolicy.examples.spring;

import java.nio.file.Path;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.PolicyRegistry;

/** Several policies in one application, one per brand, from one directory: quoted by the README. */
public final class RegistryExample {

    private RegistryExample() {
    }

    /**
     * Loads every policy of a directory and decides a case with the policy of its brand.
     *
     * @param policyDir one policy file (or directory) per brand
     * @param brand the policy id of the brand
     * @param customerCase the case
     * @return the decision
     */
    public static Decision decide(Path policyDir, String brand, CustomerCase customerCase) {
        // each file directly in the directory is a policy, each subdirectory one policy; every mistake of every
        // policy is reported at once
        PolicyRegistry policies = Policies.registry(policyDir);
        return policies.get(brand).decide(customerCase);
    }

    /**
     * Follows a directory of policies as one unit.
     *
     * @param policyDir one policy file (or directory) per brand
     * @return the live registry; close it to stop watching
     */
    public static LivePolicyRegistry follow(Path policyDir) {
        // an edit serves only when every policy of the directory compiles: the brands never disagree on a revision
        return Policies.watch(policyDir).startRegistry();
    }
}
