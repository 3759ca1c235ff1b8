package org.resolutionpolicy.examples.spring;

import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policy;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decides the cases a CRM posts: the case JSON of the policy-format guide in, the decision JSON of
 * {@code decide --format json} out, with the decision's id first, the one the decision log writes. The starter reads
 * the case (no more of the body than {@code resolution.policy.request.max-body-size}, 1 MiB by default), writes the
 * decision with Jackson, and answers an invalid case or malformed JSON with 400 and a body past the limit with 413, as
 * RFC 9457 problem details: the controller is only the decision.
 */
@RestController
public class DecisionController {

    private final Policy policy;

    /**
     * Creates the controller with the policy the starter configured.
     *
     * @param policy the policy bean
     */
    public DecisionController(Policy policy) {
        this.policy = policy;
    }

    /**
     * Decides a case.
     *
     * @param customerCase the case, posted as JSON
     * @return the decision, answered as JSON
     * @throws org.resolutionpolicy.api.InvalidCaseException if the case does not fit the policy: answered with 400
     */
    @PostMapping("/decisions")
    public Decision decide(@RequestBody CustomerCase customerCase) {
        return policy.decide(customerCase);
    }
}
