package org.resolutionpolicy.drools.internal;

import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;

/**
 * DRL rules as evaluation sees them. Drools sessions are not thread-safe, so a decision borrows an idle session from
 * a pool (insert, fire, delete) and gives it back: reused sessions are the fastest strategy measured, and the pool
 * shares no lock between threads. The knowledge base itself is immutable and shared.
 *
 * <p>{@link #release()} disposes the idle sessions, and each session in use when it is given back, so a policy that
 * hot reload replaced holds nothing (a per-thread session would keep the old knowledge base reachable from every
 * thread that ever decided with it).
 */
final class DrlRules implements ExternalRules {

    private final KieBase kieBase;
    private final PolicyModel model;
    private final List<String> ruleIds;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DrlRules.class);

    private final Deque<KieSession> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean released;
    private final DrlScopes scopes;
    /** True when a case's proposals may share one session (see {@link CaseSessions}). */
    private final boolean shareByCase;

    private final List<AuthorityTable.Rule> descriptions;

    DrlRules(KieBase kieBase, PolicyModel model, List<String> ruleIds, DrlScopes scopes,
             List<AuthorityTable.Rule> descriptions) {
        this.kieBase = kieBase;
        this.descriptions = List.copyOf(descriptions);
        this.scopes = scopes;
        this.model = model;
        this.ruleIds = List.copyOf(ruleIds);
        String whyNot = CaseSessions.whyNot(kieBase);
        this.shareByCase = whyNot == null;
        if (whyNot != null) {
            LOG.debug("policy [{}]: each proposal gets a session cycle of its own: {}", model.id(), whyNot);
        }
    }

    @Override
    public List<String> ruleIds() {
        return ruleIds;
    }

    @Override
    public List<AuthorityTable.Rule> describe() {
        return descriptions;
    }

    @Override
    public boolean disabled(String ruleId) {
        return scopes.disabled(ruleId);
    }

    @Override
    public Set<String> remedies(String ruleId) {
        return scopes.remedies(ruleId);
    }

    @Override
    public List<Rule> matches(Facts facts) {
        if (ruleIds.isEmpty()) {
            // DRL without rules (a file emptied, or read mid-save) declares no [effects] global to set
            return List.of();
        }
        boolean perProposal = facts.remedy() != null;
        EffectCollector effects = new EffectCollector(model, perProposal);
        KieSession session = borrow();
        try {
            session.setGlobal("effects", effects);
            FactHandle caseHandle = session.insert(new CaseFactView(facts, model));
            if (perProposal) {
                fireThenDelete(session, caseHandle,
                        session.insert(new ProposalFactView(facts.remedy(), facts.amount())));
            } else {
                fireThenDelete(session, caseHandle);
            }
        } finally {
            giveBack(session);
        }
        return effects.matched();
    }

    private KieSession borrow() {
        KieSession session = idle.pollFirst();
        return session != null ? session : kieBase.newKieSession();
    }

    private void giveBack(KieSession session) {
        if (released) {
            session.dispose();
            return;
        }
        idle.offerFirst(session);
        // released meanwhile: release() may have drained before the offer, so take it back out ourselves
        if (released && idle.remove(session)) {
            session.dispose();
        }
    }

    /** Returns how many idle sessions the pool holds, for tests. */
    int idleSessions() {
        return idle.size();
    }

    @Override
    public void release() {
        released = true;
        KieSession session;
        while ((session = idle.pollFirst()) != null) {
            session.dispose();
        }
    }

    /**
     * Decides a case's proposals in one session when the rules allow it: the case fact is inserted once, and each
     * proposal is inserted, fired and deleted in turn, so a rule about the case alone fires once for the case.
     */
    @Override
    public CaseRun open(Facts caseFacts) {
        if (!shareByCase || ruleIds.isEmpty()) {
            return ExternalRules.super.open(caseFacts);
        }
        KieSession session = borrow();
        EffectCollector effects = EffectCollector.sharedByProposals(model);
        FactHandle caseHandle;
        try {
            session.setGlobal("effects", effects);
            caseHandle = session.insert(new CaseFactView(caseFacts, model));
        } catch (RuntimeException e) {
            giveBack(session);
            throw e;
        }
        return new CaseRun() {
            @Override
            public List<Rule> matches(Facts proposalFacts) {
                effects.nextProposal();
                fireThenDelete(session,
                        session.insert(new ProposalFactView(proposalFacts.remedy(), proposalFacts.amount())));
                return effects.proposalMatches();
            }

            @Override
            public List<Rule> caseMatches() {
                return effects.caseMatches();
            }

            @Override
            public void close() {
                try {
                    session.delete(caseHandle);
                } finally {
                    giveBack(session);
                }
            }
        };
    }

    /** Fires the session, then deletes the given facts from it, whether or not a rule failed. */
    private static void fireThenDelete(KieSession session, FactHandle... facts) {
        try {
            session.fireAllRules();
        } catch (RuntimeException e) {
            throw unwrap(e);
        } finally {
            for (FactHandle f : facts) {
                session.delete(f);
            }
        }
    }

    /** A consequence that failed our checks says so; anything else is reported with the DRL context. */
    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PolicyException) {
                return (PolicyException) t;
            }
        }
        return new PolicyException("a DRL rule failed while deciding: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "DrlRules[" + ruleIds.size() + " rules, " + kieBase.getKiePackages().size() + " packages]";
    }
}
