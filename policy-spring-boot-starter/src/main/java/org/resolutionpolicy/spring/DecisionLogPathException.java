package org.resolutionpolicy.spring;

import java.nio.file.Files;
import java.nio.file.Path;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.PolicyException;

/**
 * Stops the start when the decision log of {@code resolution.policy.decision-log.path} cannot be written: its folder is
 * missing or is not writable, or the file cannot be opened. {@link DecisionLogFailureAnalyzer} says it in one line,
 * with what to do, instead of a stack trace of bean creation.
 */
public final class DecisionLogPathException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    /**
     * Creates the failure.
     *
     * @param path the configured path of the log
     * @param reason why it cannot be written, such as {@code folder [/var/log/helpdesk] does not exist}
     * @param cause what opening the log threw, or null
     */
    public DecisionLogPathException(Path path, String reason, Throwable cause) {
        super("the decision log [" + path + "] of [" + PolicyProperties.PREFIX + ".decision-log.path] cannot be "
                + "written: " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** Returns the configured path of the log. */
    public Path path() {
        return path;
    }

    /** Returns why the log cannot be written. */
    public String reason() {
        return reason;
    }

    /**
     * Opens the log, first checking its folder, so that a missing or read-only folder is said as such.
     *
     * @param path the log file
     * @param options the log's options
     * @return the log
     * @throws DecisionLogPathException if the folder is missing, is not a folder or not writable, or the file cannot
     *                                  be opened
     */
    static DecisionLog open(Path path, DecisionLog.Options options) {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null && !Files.exists(folder)) {
            throw new DecisionLogPathException(path, "folder [" + folder + "] does not exist", null);
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new DecisionLogPathException(path, "[" + folder + "] is not a folder", null);
        }
        if (folder != null && !Files.isWritable(folder) && !Files.isWritable(path)) {
            throw new DecisionLogPathException(path, "folder [" + folder + "] is not writable by this process", null);
        }
        if (Files.isDirectory(path)) {
            throw new DecisionLogPathException(path, "it is a folder, not a file", null);
        }
        try {
            return DecisionLog.jsonLines(path, options);
        } catch (PolicyException e) {
            throw new DecisionLogPathException(path, String.valueOf(e.getMessage()), e);
        }
    }
}
