package org.resolutionpolicy.engine.internal.eval;

import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.api.PolicySource;
import java.time.Clock;
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

/**
 * A policy compiled from its sources: immutable, and safe to share between any number of threads.
 *
 * <p>Deciding never parses or compiles anything; it checks the case, then applies the lattice. Listeners added
 * with {@link #withListener} give a new policy that shares everything else with this one.
 */
public final class CompiledPolicy implements ModelledPolicy {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CompiledPolicy.class);

    private final PolicyModel model;
    private final CaseChecker checker;
    private final Evaluator evaluator;
    private final Explainer explainer;
    private final Clock clock;
    private final List<Problem> warnings;
    private final String revision;
    private final DecisionListener[] listeners;
    /** The authority table, made when first asked for: a tool's view, which no decision reads. */
    private final LazyTable authority;
    private final AboutReader about;

    /** Builds a policy's authority table once, on first use, shared by the policy's listening copies. */
    private static final class LazyTable {
        private final PolicyModel model;
        private volatile AuthorityTable table;

        LazyTable(PolicyModel model) {
            this.model = model;
        }

        AuthorityTable get() {
            AuthorityTable made = table;
            if (made == null) {
                synchronized (this) {
                    made = table;
                    if (made == null) {
                        made = AuthorityTables.of(model);
                        table = made;
                    }
                }
            }
            return made;
        }
    }

    /** Reads rules written about a policy with the facts it defines: the YAML reader's {@code readAbout}. */
    @FunctionalInterface
    public interface AboutReader {
        /** Returns the model of the rules, or null after recording an error. */
        PolicyModel read(List<PolicySource> sources, Map<String, org.resolutionpolicy.model.FactPath> defined,
                         Problems problems);
    }

    /**
     * Creates a policy from its checked model.
     *
     * @param model the model
     * @param clock gives the decision time for cases without {@code openedAt}
     * @param warnings the problems found at load that did not stop it
     * @param revision the revision it was compiled from ({@link org.resolutionpolicy.engine.internal.support.Revisions})
     * @param about reads rules written about the policy ({@link #readAbout})
     * @param maxProposals the most proposals one case may make ({@link org.resolutionpolicy.api.LoadOptions#maxProposals()})
     */
    public CompiledPolicy(PolicyModel model, Clock clock, List<Problem> warnings, String revision, AboutReader about,
                          int maxProposals) {
        this.model = model;
        Map<String, RemedyPlan> plans = RemedyPlan.all(model);
        this.checker = new CaseChecker(model, plans, maxProposals);
        this.evaluator = new Evaluator(model, plans);
        this.explainer = new Explainer(model, evaluator);
        this.clock = clock;
        this.warnings = List.copyOf(warnings);
        this.revision = Objects.requireNonNull(revision, "revision must not be null");
        this.listeners = new DecisionListener[0];
        // a tenth of loading a 10,000-rule policy, for the matrix and the reports alone
        this.authority = new LazyTable(model);
        this.about = Objects.requireNonNull(about, "about must not be null");
    }

    private CompiledPolicy(CompiledPolicy policy, DecisionListener[] listeners) {
        this.model = policy.model;
        this.checker = policy.checker;
        this.evaluator = policy.evaluator;
        this.explainer = policy.explainer;
        this.clock = policy.clock;
        this.warnings = policy.warnings;
        this.revision = policy.revision;
        this.listeners = listeners;
        this.authority = policy.authority;
        this.about = policy.about;
    }

    @Override
    public Policy withListener(DecisionListener listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        DecisionListener[] more = java.util.Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        return new CompiledPolicy(this, more);
    }

    /** Returns the model, for tools that inspect a policy. */
    @Override
    public PolicyModel model() {
        return model;
    }

    /** Returns this policy alone: it has one version. */
    @Override
    public List<ModelledPolicy> versions() {
        return List.of(this);
    }

    @Override
    public PolicyModel readAbout(List<PolicySource> sources) {
        Problems problems = new Problems();
        PolicyModel read = about.read(sources, model.defined(), problems);
        problems.throwIfErrors();
        return read;
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public String revision() {
        return revision;
    }

    /**
     * Releases what the policy holds beyond the heap's reach (Drools sessions of DRL rules), once nothing decides
     * with it any more; a decision still running finishes, and a later one rebuilds what it needs.
     */
    public void release() {
        if (model.external() != null) {
            model.external().release();
        }
    }

    @Override
    public String description() {
        return model.description();
    }

    @Override
    public List<String> severities() {
        return model.severities();
    }

    @Override
    public List<String> roles() {
        return model.roles();
    }

    @Override
    public Map<String, RemedyUnit> remedies() {
        return model.remedies();
    }

    @Override
    public Map<String, AttributeType> attributes() {
        Map<String, AttributeType> attributes = new java.util.LinkedHashMap<>();
        model.attributes().forEach((name, type) -> attributes.put(name, type == FactType.NUMBER ? AttributeType.NUMBER
                : type == FactType.BOOLEAN ? AttributeType.BOOLEAN : type == FactType.DATETIME ? AttributeType.DATE
                : AttributeType.STRING));
        return java.util.Collections.unmodifiableMap(attributes);
    }

    @Override
    public List<String> ruleIds() {
        List<String> ids = new java.util.ArrayList<>();
        model.rules().forEach(r -> ids.add(r.id()));
        if (model.external() != null) {
            ids.addAll(model.external().ruleIds());
        }
        return List.copyOf(ids);
    }

    @Override
    public AuthorityTable authority() {
        return authority.get();
    }

    @Override
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public Decision decide(CustomerCase customerCase) {
        Decision decision = decided(customerCase, Evaluator.Reasons.SENTENCES);
        for (DecisionListener listener : listeners) {
            try {
                listener.onDecision(customerCase, decision);
            } catch (RuntimeException e) {
                // a listener never breaks a decision: the caller gets it, the failure goes to the log
                LOG.warn("decision listener [{}] failed on case [{}] of policy [{} {}]; the decision stands",
                        listener, customerCase.id(), model.id(), model.version(), e);
            }
        }
        return decision;
    }

    /**
     * Decides a case as {@link #decide} does, except that the authority table's reasons have no sentence (an empty
     * {@code because}; the rule ids are all there): for a replay, which counts outcomes and rule ids over millions of
     * cases and shows no sentence. A policy with decision listeners decides in full, so that they get what they
     * always get.
     */
    @Override
    public Decision decideWithoutSentences(CustomerCase customerCase) {
        return listeners.length > 0 ? decide(customerCase) : decided(customerCase, Evaluator.Reasons.RULES);
    }

    /** Checks and decides a case, its reasons made as asked, telling no listener. */
    private Decision decided(CustomerCase customerCase, Evaluator.Reasons reasons) {
        Objects.requireNonNull(customerCase, "case must not be null");
        Scratch s = evaluator.decide(checker, customerCase, clock, false, reasons);
        // its id is drawn when first read: most decisions never are
        return Decision.identified(model.id(), model.version(), customerCase.id(), customerCase.employee().role(),
                s.swat, s.decided, s.latitudes, s.caseFollowUps, revision, s.severity);
    }

    @Override
    public Explanation explain(CustomerCase customerCase) {
        Objects.requireNonNull(customerCase, "case must not be null");
        Evaluation evaluation = evaluator.evaluate(checker, customerCase, clock, true,
                Evaluator.Reasons.SENTENCES);
        return explainer.explain(decision(customerCase, evaluation), evaluation);
    }

    private Decision decision(CustomerCase customerCase, Evaluation e) {
        // its id is drawn when first read: most decisions never are
        return Decision.identified(model.id(), model.version(), customerCase.id(), customerCase.employee().role(),
                e.swat(), e.proposals(), e.latitude(), e.followUps(), revision, e.severity());
    }

    @Override
    public String toString() {
        return "Policy[" + model.id() + " " + revision + ", " + model.rules().size() + " rules]";
    }
}
