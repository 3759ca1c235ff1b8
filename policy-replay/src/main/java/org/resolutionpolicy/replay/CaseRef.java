package org.resolutionpolicy.replay;

import java.io.Serializable;

/**
 * Points at one case of a history, for samples: its line and its id.
 *
 * @param line the line's number in the history, 1-based
 * @param caseId the case id, or {@code null} when the case has none
 */
public record CaseRef(long line, String caseId) implements Serializable {

    /** Returns the case id, or {@code line N} for a case without one. */
    @Override
    public String toString() {
        return caseId == null ? "line " + line : caseId;
    }
}
