package org.resolutionpolicy.engine.internal.shadow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.api.ShadowPolicy;
import org.resolutionpolicy.api.ShadowStatus;

/**
 * Serves the serving policy's decisions and offers each decided case to the {@link ShadowRunner}; every view of the
 * policy is the serving one's. Views with listeners share the runner, so one shadow counts every case.
 */
public final class ShadowedPolicy implements ShadowPolicy {

    private final Policy serving;
    private final ShadowRunner runner;

    private ShadowedPolicy(Policy serving, ShadowRunner runner) {
        this.serving = serving;
        this.runner = runner;
    }

    /**
     * Starts a shadow.
     *
     * @param settings the serving policy, the candidate, the queue and the workers
     * @return the running shadow; its state is FAILED when the candidate's files do not load
     */
    public static ShadowedPolicy start(Settings settings) {
        Objects.requireNonNull(settings, "settings must not be null");
        return new ShadowedPolicy(settings.serving(), ShadowRunner.start(settings));
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        // served exactly as without a shadow: the candidate only ever sees the case after this returns a decision
        Decision decision = serving.decide(customerCase);
        runner.offer(customerCase, serving.current(), decision);
        return decision;
    }

    @Override
    public Decision decideWithoutSentences(CustomerCase customerCase) {
        Decision decision = serving.decideWithoutSentences(customerCase);
        runner.offer(customerCase, serving.current(), decision);
        return decision;
    }

    @Override
    public Policy serving() {
        return serving;
    }

    @Override
    public Policy candidate() {
        return runner.candidate();
    }

    @Override
    public ShadowStatus status() {
        return runner.status();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout must not be null");
        return runner.awaitIdle(timeout);
    }

    @Override
    public void close() {
        runner.close();
    }

    @Override
    public ShadowPolicy withListener(DecisionListener listener) {
        return new ShadowedPolicy(serving.withListener(listener), runner);
    }

    @Override
    public Policy current() {
        return serving.current();
    }

    @Override
    public String id() {
        return serving.id();
    }

    @Override
    public String version() {
        return serving.version();
    }

    @Override
    public String revision() {
        return serving.revision();
    }

    @Override
    public String description() {
        return serving.description();
    }

    @Override
    public List<String> severities() {
        return serving.severities();
    }

    @Override
    public List<String> roles() {
        return serving.roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return serving.remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        return serving.attributes();
    }

    @Override
    public AuthorityTable authority() {
        return serving.authority();
    }

    @Override
    public List<String> ruleIds() {
        return serving.ruleIds();
    }

    @Override
    public List<Problem> warnings() {
        return serving.warnings();
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        return serving.explain(customerCase);
    }

    @Override
    public String toString() {
        return "ShadowPolicy[" + serving + " beside " + runner.candidate() + "]";
    }
}
