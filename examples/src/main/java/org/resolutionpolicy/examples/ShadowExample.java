package org.resolutionpolicy.examples;

import java.nio.file.Path;
import java.time.Duration;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.ShadowLog;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowStatus;
import org.resolutionpolicy.replay.DiffReport;
import org.resolutionpolicy.replay.ShadowLogSummary;

/** Tries an edited policy in shadow on live traffic and summarises what it would change: docs/shadow.md. */
public final class ShadowExample {

    private ShadowExample() {
    }

    /**
     * Serves a day of traffic with the serving policy while the candidate decides every case beside it.
     *
     * @param serving the policy whose decisions agents are told
     * @param candidate the edited policy's file, followed while the shadow runs
     * @param traffic the cases
     * @param shadowLog where the disagreements go
     * @return what the shadow counted
     * @throws InterruptedException if interrupted while the last cases are shadowed
     */
    public static ShadowStatus tryInShadow(Policy serving, Path candidate, Iterable<CustomerCase> traffic,
                                           Path shadowLog) throws InterruptedException {
        try (ShadowLog log = ShadowLog.jsonLines(shadowLog, ShadowLog.Options.DEFAULTS);
             ShadowPolicy policy = Policies.shadow(serving).candidate(candidate).queueCapacity(4096)
                     .listener(log).build()) {
            for (CustomerCase customerCase : traffic) {
                Decision decision = policy.decide(customerCase); // always the serving policy's
                answer(decision);
            }
            policy.awaitIdle(Duration.ofMinutes(1));
            return policy.status();
        }
    }

    /**
     * Summarises a shadow log as {@code policy diff} reports an edit.
     *
     * @param shadowLog the log
     * @return what the candidate changes
     */
    public static DiffReport summary(Path shadowLog) {
        DiffReport report = ShadowLogSummary.read(shadowLog).report();
        report.changes().forEach(t -> System.out.println(t.remedy() + ": " + t.from() + " -> " + t.to()
                + " x" + t.count()));
        return report;
    }

    private static void answer(Decision decision) {
        // the service answers its caller with the decision here
    }
}
