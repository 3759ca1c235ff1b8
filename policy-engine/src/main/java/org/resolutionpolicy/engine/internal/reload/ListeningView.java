package org.resolutionpolicy.engine.internal.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resolutionpolicy.api.AttributeType;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionListener;
import org.resolutionpolicy.api.Explanation;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.api.RemedyUnit;

/**
 * A live policy with decision listeners: each decision is made by the snapshot the live policy serves at that
 * moment, with the listeners attached to it (attached once per snapshot, not per decision). Thread-safe.
 */
final class ListeningView implements Policy {

    /** A snapshot and the same snapshot with the listeners. */
    private record Attached(Policy snapshot, Policy listening) {
    }

    private final LivePolicy live;
    private final List<DecisionListener> listeners;
    private volatile Attached attached;

    ListeningView(LivePolicy live, List<DecisionListener> listeners) {
        this.live = live;
        this.listeners = List.copyOf(listeners);
    }

    private Policy listening() {
        Policy snapshot = live.current();
        Attached a = attached;
        if (a == null || a.snapshot != snapshot) {
            Policy p = snapshot;
            for (DecisionListener l : listeners) {
                p = p.withListener(l);
            }
            a = new Attached(snapshot, p);
            attached = a;
        }
        return a.listening;
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        return listening().decide(customerCase);
    }

    @Override
    public Decision decideWithoutSentences(CustomerCase customerCase) {
        return listening().decideWithoutSentences(customerCase);
    }

    /** Returns the snapshot the live policy serves now, with the listeners attached. */
    @Override
    public Policy current() {
        return listening();
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        return live.explain(customerCase);
    }

    @Override
    public Policy withListener(DecisionListener listener) {
        List<DecisionListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener must not be null"));
        return new ListeningView(live, more);
    }

    @Override
    public String revision() {
        return live.revision();
    }

    @Override
    public String id() {
        return live.id();
    }

    @Override
    public String version() {
        return live.version();
    }

    @Override
    public String description() {
        return live.description();
    }

    @Override
    public List<String> severities() {
        return live.severities();
    }

    @Override
    public List<String> roles() {
        return live.roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return live.remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        return live.attributes();
    }

    @Override
    public List<String> ruleIds() {
        return live.ruleIds();
    }

    @Override
    public AuthorityTable authority() {
        return live.authority();
    }

    @Override
    public List<Problem> warnings() {
        return live.warnings();
    }
}
