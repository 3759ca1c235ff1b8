package org.resolutionpolicy.drools.internal;

import java.math.BigDecimal;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.resolutionpolicy.api.AuthorityTable;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.Facts;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.model.Rule;

/**
 * DRL rules as evaluation sees them. Drools sessions are not thread-safe, so a decision borrows an idle session from
 * a pool (insert, fire, delete) and gives it back: reused sessions are the fastest strategy measured, and the pool
 * shares no lock between threads. The knowledge base itself is immutable and shared. Each pooled session keeps its
 * effect collector as its {@code effects} global, set once, and reset for each use.
 *
 * <p>When the rules allow it (see {@link CaseSessions}), the proposals of a case share the session: the case fact is
 * inserted once, and, when no rule can join two proposals, every proposal is inserted with it and the rules fired
 * once for all of them, each effect going to the proposal its match holds; otherwise each proposal is inserted, fired
 * and deleted in turn. Firing once instead of once per proposal is most of what deciding costs in Drools.
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

    /**
     * Sessions without Drools' own thread safety (a synchronized propagation list and a concurrent agenda state
     * machine, a quarter of what firing costs): one thread at a time uses a pooled session, and the pool's deque
     * hands it from one thread to the next with the ordering that needs.
     */
    private static final KieSessionConfiguration SESSIONS = sessions();

    private final Deque<Slot> idle = new ConcurrentLinkedDeque<>();
    /**
     * The idle session most recently given back, or null: taken and given back with one atomic exchange or
     * compare-and-set, where the deque allocates a node and links and unlinks it (about 2% of a reference decision);
     * the deque holds the others, when threads decide at the same time.
     */
    private final AtomicReference<Slot> last = new AtomicReference<>();
    private volatile boolean released;
    private final DrlScopes scopes;
    /** True when a case's proposals may share one session (see {@link CaseSessions}). */
    private final boolean shareByCase;
    /** True when a case's proposals may be inserted together and fired once (see {@link CaseSessions}). */
    private final boolean together;
    private final Map<org.kie.api.definition.rule.Rule, RuleInfo> infos;

    private final List<AuthorityTable.Rule> descriptions;

    /** A pooled session and the collector that is its {@code effects} global. */
    private record Slot(KieSession session, EffectCollector effects) {
    }

    /** The globals that hold the numbers of the rules' order tests (see {@link NullGuards}), set on each session. */
    private final Map<String, BigDecimal> constants;

    DrlRules(KieBase kieBase, PolicyModel model, List<String> ruleIds, DrlScopes scopes,
             List<AuthorityTable.Rule> descriptions, Map<String, BigDecimal> constants) {
        this.kieBase = kieBase;
        this.constants = Map.copyOf(constants);
        this.descriptions = List.copyOf(descriptions);
        this.scopes = scopes;
        this.model = model;
        this.ruleIds = List.copyOf(ruleIds);
        this.infos = RuleInfo.of(kieBase);
        String whyNot = CaseSessions.whyNot(kieBase);
        this.shareByCase = whyNot == null;
        if (whyNot != null) {
            LOG.debug("policy [{}]: each proposal gets a session cycle of its own: {}", model.id(), whyNot);
        }
        String whyNotTogether = whyNot != null ? whyNot : CaseSessions.whyNotTogether(kieBase);
        this.together = whyNotTogether == null;
        if (whyNot == null && whyNotTogether != null) {
            LOG.debug("policy [{}]: the proposals of a case are fired one at a time: {}", model.id(), whyNotTogether);
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
        Slot slot = borrow();
        EffectCollector effects = slot.effects();
        try {
            effects.step(perProposal);
            KieSession session = slot.session();
            FactHandle caseHandle = session.insert(new CaseFactView(facts, model));
            if (perProposal) {
                fireThenDelete(session, caseHandle,
                        session.insert(new ProposalFactView(facts)));
            } else {
                fireThenDelete(session, caseHandle);
            }
        } finally {
            giveBack(slot);
        }
        return effects.matched();
    }

    private Slot borrow() {
        Slot slot = last.getAndSet(null);
        if (slot == null) {
            slot = idle.pollFirst();
        }
        if (slot != null) {
            return slot;
        }
        KieSession session = kieBase.newKieSession(SESSIONS, null);
        EffectCollector effects = new EffectCollector(model, infos);
        session.setGlobal("effects", effects);
        constants.forEach(session::setGlobal);
        return new Slot(session, effects);
    }

    private void giveBack(Slot slot) {
        if (released) {
            slot.session().dispose();
            return;
        }
        if (last.compareAndSet(null, slot)) {
            // released meanwhile: release() may have drained before the set, so take it back out ourselves
            if (released && last.compareAndSet(slot, null)) {
                slot.session().dispose();
            }
            return;
        }
        idle.offerFirst(slot);
        // released meanwhile: release() may have drained before the offer, so take it back out ourselves
        if (released && idle.remove(slot)) {
            slot.session().dispose();
        }
    }

    /** Returns the names of the globals that hold the rules' numbers, for tests. */
    java.util.Set<String> constantNames() {
        return constants.keySet();
    }

    /** Returns how many idle sessions the pool holds, for tests. */
    int idleSessions() {
        return idle.size() + (last.get() != null ? 1 : 0);
    }

    private static KieSessionConfiguration sessions() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /**
     * Proposals that the together strategy fired alone all the same, because the proposal asked for was not the one
     * inserted (its total or amount differed): counted for tests, which hold it to zero where the engine and this
     * class count siblings alike. Counted only on that slow path.
     */
    private final java.util.concurrent.atomic.LongAdder firedAlone = new java.util.concurrent.atomic.LongAdder();

    /** Returns how many proposals were fired alone although their case's proposals were inserted together. */
    long proposalsFiredAlone() {
        return firedAlone.sum();
    }

    /** Returns true if the proposals of a case are inserted together and fired once, for tests. */
    boolean firesProposalsTogether() {
        return together;
    }

    @Override
    public void release() {
        released = true;
        Slot slot = last.getAndSet(null);
        if (slot != null) {
            slot.session().dispose();
        }
        while ((slot = idle.pollFirst()) != null) {
            slot.session().dispose();
        }
    }

    /**
     * Decides a case's proposals in one session when the rules allow it: the case fact is inserted once, and the
     * proposals together (or each in turn), so a rule about the case alone fires once for the case.
     */
    @Override
    public CaseRun open(Facts caseFacts) {
        if (!shareByCase || ruleIds.isEmpty()) {
            return ExternalRules.super.open(caseFacts);
        }
        Slot slot = borrow();
        FactHandle caseHandle;
        try {
            slot.effects().sharedByProposals();
            caseHandle = slot.session().insert(new CaseFactView(caseFacts, model));
        } catch (RuntimeException e) {
            giveBack(slot);
            throw e;
        }
        return new SharedRun(slot, caseHandle, together ? caseFacts.customerCase().proposals() : null);
    }

    /** The proposals of one case in a session they share. */
    private final class SharedRun implements CaseRun {

        private final Slot slot;
        private final FactHandle caseHandle;
        /** The case's proposals, to insert together at the first proposal asked; null to fire each in turn. */
        private final List<Proposal> proposals;
        /** The proposals as inserted together, by index; null until then. */
        private ProposalFactView[] inserted;
        private int next;

        SharedRun(Slot slot, FactHandle caseHandle, List<Proposal> proposals) {
            this.slot = slot;
            this.caseHandle = caseHandle;
            this.proposals = proposals;
        }

        @Override
        public List<Rule> matches(Facts proposalFacts) {
            int index = next++;
            EffectCollector effects = slot.effects();
            if (proposals != null && index < proposals.size()) {
                if (inserted == null) {
                    inserted = fireTogether(proposals);
                }
                ProposalFactView view = inserted[index];
                // the proposal asked is the one inserted, as decided; anything else is fired alone below
                if (view.remedy().equals(proposalFacts.remedy()) && same(view.amount(), proposalFacts.amount())
                        && same(view.total(), proposalFacts.total())) {
                    return effects.proposalMatches(index);
                }
            }
            if (proposals != null) {
                firedAlone.increment();
            }
            effects.nextProposal();
            KieSession session = slot.session();
            fireThenDelete(session,
                    session.insert(new ProposalFactView(proposalFacts)));
            return effects.proposalMatches();
        }

        /** Inserts every proposal of the case, as the decider will ask for it, fires once, and deletes them again. */
        private ProposalFactView[] fireTogether(List<Proposal> given) {
            ProposalFactView[] views = new ProposalFactView[given.size()];
            FactHandle[] handles = new FactHandle[views.length];
            slot.effects().together(views.length);
            KieSession session = slot.session();
            int n = 0;
            try {
                BigDecimal[] running = new BigDecimal[views.length];
                for (; n < views.length; n++) {
                    views[n] = view(given, views, running, n);
                    handles[n] = session.insert(views[n]);
                }
            } catch (RuntimeException e) {
                for (int k = 0; k < n; k++) {
                    session.delete(handles[k]);
                }
                throw e;
            }
            fireThenDelete(session, handles);
            return views;
        }

        /**
         * Returns the fact of the proposal at {@code n}, with the case's running total and count of its remedy as the
         * engine counts siblings (the same scale too, as {@link SharedRun#matches} compares them with equals);
         * {@code running[k]} is the running total after the proposal at {@code k} (kept through a proposal without an
         * amount), found by looking back to the last proposal of the same remedy, which a case's handful of remedies
         * keeps short.
         */
        private ProposalFactView view(List<Proposal> given, ProposalFactView[] views, BigDecimal[] running, int n) {
            Proposal p = given.get(n);
            String remedy = p.remedy();
            BigDecimal amount = decided(p);
            int last = n - 1;
            while (last >= 0 && !views[last].remedy().equals(remedy)) {
                last--;
            }
            BigDecimal total;
            if (last < 0) {
                // the first of its remedy: its total is its amount, and the engine counts the ones after it from 0
                total = amount;
                running[n] = amount == null ? BigDecimal.ZERO : amount.scale() >= 0 ? amount : BigDecimal.ZERO.add(amount);
            } else {
                BigDecimal before = running[last];
                total = amount == null ? null : before.add(amount);
                running[n] = amount == null ? before : total;
            }
            int count = last < 0 ? 1 : views[last].count().intValueExact() + 1;
            return new ProposalFactView(remedy, amount, total, BigDecimal.valueOf(count), n);
        }

        @Override
        public List<Rule> caseMatches() {
            return slot.effects().caseMatches();
        }

        @Override
        public void close() {
            try {
                slot.session().delete(caseHandle);
            } finally {
                giveBack(slot);
            }
        }
    }

    /**
     * Returns true if both are null or equal (scale included). Not {@code Objects.equals}, whose one JVM-wide type
     * profile these decimals would make megamorphic for Drools' own hash lookups (see {@code RuleInfo#same}).
     */
    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == b || a != null && a.equals(b);
    }

    /** Returns a proposal's amount as the decider decides it: a count without an amount is one. */
    private BigDecimal decided(Proposal p) {
        return p.amount() == null && model.remedies().get(p.remedy()) == RemedyUnit.COUNT ? BigDecimal.ONE : p.amount();
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
