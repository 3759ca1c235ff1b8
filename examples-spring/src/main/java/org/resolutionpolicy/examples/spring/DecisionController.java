package org.resolutionpolicy.examples.spring;

import java.io.IOException;
import java.io.InputStream;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.format.json.DecisionJson;
import org.resolutionpolicy.spring.CaseRequests;
import org.resolutionpolicy.spring.CaseRequests.CaseTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decides the cases a CRM posts: the case JSON of the policy-format guide in, the decision JSON of
 * {@code decide --format json} out, with the decision's id first, the one the decision log writes. A body longer than
 * {@code resolution.policy.request.max-body-size} (1 MiB by default) is refused with 413 before more of it is read.
 */
@RestController
public class DecisionController {

    private final Policy policy;
    private final CaseRequests requests;

    /**
     * Creates the controller with the policy and the reader of posted cases the starter configured.
     *
     * @param policy the policy bean
     * @param requests reads a posted case, no longer than {@code resolution.policy.request.max-body-size}
     */
    public DecisionController(Policy policy, CaseRequests requests) {
        this.policy = policy;
        this.requests = requests;
    }

    /**
     * Decides a case.
     *
     * @param body the case, as JSON
     * @return the decision, as JSON
     * @throws InvalidCaseException if the case is malformed or does not fit the policy: answered with 400
     * @throws CaseTooLargeException if the body is longer than the limit: answered with 413
     * @throws IOException if the body cannot be read
     */
    @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public String decide(InputStream body) throws IOException {
        return DecisionJson.write(policy.decide(requests.parse(body)));
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

    /**
     * Answers a body longer than {@code resolution.policy.request.max-body-size} with 413 and the limit, as an RFC 9457
     * problem: the service read no more of it than the limit.
     *
     * @param e the refusal
     * @return the problem detail, with the limit in bytes under {@code maxBodySize}
     */
    @ExceptionHandler(CaseTooLargeException.class)
    public ProblemDetail caseTooLarge(CaseTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Case too large");
        problem.setProperty("maxBodySize", e.limit().toBytes());
        return problem;
    }
}
