package org.resolutionpolicy.spring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CaseProblem;
import org.resolutionpolicy.api.InvalidCaseException;
import org.resolutionpolicy.spring.CaseRequests.CaseTooLargeException;
import org.resolutionpolicy.spring.PolicyRequestProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a case that cannot be decided with an RFC 9457 problem ({@code application/problem+json}) instead of a
 * 500, for every controller of the application:
 * <ul>
 *   <li>a malformed case, malformed JSON, or a case that does not fit the policy
 *       ({@link InvalidCaseException}): 400, title {@code Invalid case}, the first problem with its field (or line
 *       and column) as the detail, and every problem under {@code problems} as {@code field} and {@code message};</li>
 *   <li>a body longer than {@code resolution.policy.request.max-body-size} ({@link CaseTooLargeException}): 413,
 *       title {@code Case too large}, the limit in bytes under {@code maxBodySize}.</li>
 * </ul>
 * A case nested in another request body, read by {@link PolicyJacksonModule}, is answered the same way; any other
 * unreadable body is left to Spring. Ordered last, so that an application's own handlers of these exceptions win;
 * {@code resolution.policy.request.problem-details=false} leaves it out.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PolicyProblemDetails {

    /** Creates the handlers; the starter does. */
    public PolicyProblemDetails() {
    }

    /**
     * Answers a case that cannot be decided with 400 and every problem with its field.
     *
     * @param e the problems of the case
     * @return the problem detail
     */
    @ExceptionHandler(InvalidCaseException.class)
    public ProblemDetail invalidCase(InvalidCaseException e) {
        List<CaseProblem> problems = e.problems();
        String detail = problems.get(0) + (problems.size() == 1 ? ""
                : " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s") + ")");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid case");
        problem.setProperty("problems", problems.stream().map(PolicyProblemDetails::fields).toList());
        return problem;
    }

    /**
     * Answers a body longer than {@code resolution.policy.request.max-body-size} with 413 and the limit.
     *
     * @param e the refusal
     * @return the problem detail
     */
    @ExceptionHandler(CaseTooLargeException.class)
    public ProblemDetail caseTooLarge(CaseTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Case too large");
        problem.setProperty("maxBodySize", e.limit().toBytes());
        return problem;
    }

    /**
     * Answers a body that Jackson could not read because a case nested in it is invalid, as {@link #invalidCase};
     * throws any other unreadable body on, so that Spring answers it as it would without the starter.
     *
     * @param e the unreadable body
     * @return the problem detail
     * @throws HttpMessageNotReadableException if no invalid case caused it
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidCaseException invalid) {
                return invalidCase(invalid);
            }
            if (cause instanceof CaseTooLargeException tooLarge) {
                return caseTooLarge(tooLarge);
            }
        }
        // rethrowing the exception handled declines it: Spring's own resolvers answer it
        throw e;
    }

    private static Map<String, Object> fields(CaseProblem p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("field", p.field());
        fields.put("message", p.message());
        return fields;
    }

    /** The property that turns these handlers off. */
    static final String PROPERTY = PolicyRequestProperties.PREFIX + ".problem-details";
}
