package org.resolutionpolicy.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.springframework.util.unit.DataSize;

/**
 * Reads the cases a service is posted, never more of a request body than {@code resolution.policy.request.max-body-size}
 * (1 MiB by default, twice the largest case a case file may hold): a longer body is refused with a
 * {@link CaseTooLargeException} once that much is read, which a controller answers with 413, where reading a body of
 * 300 MB whole ended in {@code OutOfMemoryError} and a 500. The starter makes one bean of it.
 *
 * <pre>{@code
 * @PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
 * public String decide(InputStream body) throws IOException {
 *     return DecisionJson.write(policy.decide(requests.parse(body)));
 * }
 * }</pre>
 */
public final class CaseRequests {

    private final DataSize maxBodySize;

    /**
     * Creates a reader of request bodies.
     *
     * @param maxBodySize the largest body read
     * @throws IllegalArgumentException if it is not positive, or 2 GiB or more
     */
    public CaseRequests(DataSize maxBodySize) {
        Objects.requireNonNull(maxBodySize, "maxBodySize must not be null");
        if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("[" + PolicyRequestProperties.PREFIX + ".max-body-size] must be more "
                    + "than 0 bytes and less than 2GB, was [" + maxBodySize + "]");
        }
        this.maxBodySize = maxBodySize;
    }

    /** Returns the largest body read. */
    public DataSize maxBodySize() {
        return maxBodySize;
    }

    /**
     * Reads a body as UTF-8 text, reading no more than the limit and one byte.
     *
     * @param body the request body
     * @return its text
     * @throws CaseTooLargeException if the body is longer than the limit
     * @throws IOException if it cannot be read
     */
    public String read(InputStream body) throws IOException {
        int limit = (int) maxBodySize.toBytes();
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new CaseTooLargeException(maxBodySize);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads a case from a body, as {@link Cases#parse(String)} reads it.
     *
     * @param body the request body, a case in JSON (or YAML)
     * @return the case
     * @throws CaseTooLargeException if the body is longer than the limit
     * @throws org.resolutionpolicy.api.InvalidCaseException if the case is malformed
     * @throws IOException if the body cannot be read
     */
    public CustomerCase parse(InputStream body) throws IOException {
        return Cases.parse(read(body));
    }

    /** Refuses a request body longer than {@code resolution.policy.request.max-body-size}: answered with 413. */
    public static final class CaseTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** The limit the body went past. */
        private final transient DataSize limit;

        /**
         * Creates the refusal.
         *
         * @param limit the limit the body went past
         */
        public CaseTooLargeException(DataSize limit) {
            super("the request body is longer than the limit of " + words(limit) + " (" + limit.toBytes()
                    + " bytes, [" + PolicyRequestProperties.PREFIX + ".max-body-size]): a case is far smaller");
            this.limit = limit;
        }

        /** Returns the limit the body went past. */
        public DataSize limit() {
            return limit;
        }

        private static String words(DataSize size) {
            long bytes = size.toBytes();
            if (bytes % (1024 * 1024) == 0) {
                return bytes / (1024 * 1024) + " MiB";
            }
            return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
        }
    }
}
