package org.resolutionpolicy.spark;

import java.util.function.Supplier;
import org.resolutionpolicy.replay.HistoryException;

/**
 * Gives the driver the history problem an executor met, rather than Spark's "job aborted" around an executor's stack
 * trace: a history that cannot be read fails a task with a {@link HistoryException} naming its file, and Spark passes
 * it to the driver as the cause of its own exception.
 */
final class Failures {

    private Failures() {
    }

    /** Runs a Spark action; a failure caused by a history problem is thrown as that problem. */
    static <T> T history(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) {
            throw Failures.<RuntimeException>rethrow(named(e));
        }
    }

    /** Returns the history problem in a failure's causes, or the failure. */
    static Throwable named(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HistoryException h) {
                return h == failure ? h : new HistoryException(h.getMessage(), h.getCause() == null ? h : h.getCause());
            }
        }
        return failure;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
