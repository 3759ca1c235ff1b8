package org.resolutionpolicy.spring.web;

import java.io.IOException;
import java.util.Objects;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.format.CaseFormat;
import org.resolutionpolicy.spring.CaseRequests;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;

/**
 * Reads a {@link CustomerCase} from a request body ({@code @RequestBody CustomerCase}), no more of the body than
 * {@code resolution.policy.request.max-body-size}, with the case reader of {@code Cases.parse}: a longer body throws
 * {@link CaseRequests.CaseTooLargeException} once the limit is read, a malformed case or malformed JSON throws
 * {@link org.resolutionpolicy.api.InvalidCaseException} naming each field, or the line and column of the body.
 * {@link PolicyProblemDetails} answers both. Spring Boot puts the starter's bean of it before the default converters;
 * it reads only, and Jackson (with {@link PolicyJacksonModule}) writes decisions. Thread-safe.
 */
public final class CaseHttpMessageConverter extends AbstractHttpMessageConverter<CustomerCase> {

    /** How a posted case is named in messages. */
    static final String SOURCE = "request body";

    private final CaseRequests requests;

    /**
     * Creates the converter.
     *
     * @param requests reads a body no longer than the limit
     * @throws NullPointerException if requests is null
     */
    public CaseHttpMessageConverter(CaseRequests requests) {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.requests = Objects.requireNonNull(requests, "requests must not be null");
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CustomerCase.class == type;
    }

    /** Writes nothing: Jackson writes cases, with {@link PolicyJacksonModule}. */
    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected CustomerCase readInternal(Class<? extends CustomerCase> type, HttpInputMessage input)
            throws IOException {
        return CaseFormat.read(PolicySource.of(SOURCE, requests.read(input.getBody())));
    }

    @Override
    protected void writeInternal(CustomerCase customerCase, HttpOutputMessage output) {
        throw new UnsupportedOperationException("this converter reads cases only; Jackson writes them");
    }
}
