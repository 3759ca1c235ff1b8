package org.resolutionpolicy.examples;

import java.nio.file.Path;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;

/** Turns on a JSON-lines decision log and decides every example case of the coffee shop: the README's log example. */
public final class DecisionLogExample {

    private DecisionLogExample() {
    }

    /**
     * Decides the example cases in {@code cases} with logging to {@code logFile}.
     *
     * @param policyFile the policy
     * @param cases the case files
     * @param logFile where the log goes (appended)
     * @return how many decisions could not be written
     */
    public static long decideAndLog(Path policyFile, Iterable<Path> cases, Path logFile) {
        try (DecisionLog log = DecisionLog.jsonLines(logFile)) {
            Policy policy = Policies.load(policyFile).withListener(log);
            for (Path c : cases) {
                policy.decide(Cases.load(c));
            }
            return log.failedWrites();   // lines it could not write (a full disk): never thrown into a decision
        }
    }
}
