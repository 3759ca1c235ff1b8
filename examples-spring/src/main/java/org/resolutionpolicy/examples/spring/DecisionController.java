package org.resolutionpolicy.examples.spring;

import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.format.json.DecisionJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decides the cases a CRM posts: the case JSON of the policy-format guide in, the decision JSON of
 * {@code decide --format json} out, with the decision's id first, the one the decision log writes.
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
     * @param caseJson the case, as JSON
     * @return the decision, as JSON
     * @throws InvalidCaseException if the case is malformed or does not fit the policy: answered with 400
     */
    @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public String decide(@RequestBody String caseJson) {
        return DecisionJson.write(policy.decide(Cases.parse(caseJson)));
    }

    /**
     * Answers a case that cannot be decided with 400 and every problem with its field, as an RFC 9457 problem
     * ({@code application/problem+json}): the CRM can show the agent what to fix.
     *
     * @param e the problems of the case
     * @return the problem detail, with a {@code problems} list of {@code field} and {@code message}
     */
    @ExceptionHandler(InvalidCaseException.class)
    public ProblemDetail invalidCase(InvalidCaseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.problems().size() + " problem(s) in the case");
        problem.setTitle("Invalid case");
        problem.setProperty("problems", e.problems());
        return problem;
    }
}
