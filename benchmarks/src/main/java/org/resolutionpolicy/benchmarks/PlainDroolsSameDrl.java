package org.resolutionpolicy.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Proposal;
import org.resolutionpolicy.drools.CaseFact;
import org.resolutionpolicy.drools.Effects;
import org.resolutionpolicy.drools.ProposalFact;

/**
 * Our DRL ({@code reference-policy.drl}: a case fact and a proposal fact, two-pattern rules, effects through the
 * {@code effects} global) run by plain Drools 10 with the strategy ours uses, without our library: one reused session
 * per thread without Drools' locking, the case and all its proposals inserted, fired once and deleted, the effects
 * into per-proposal {@link Collector}s and the lattice as hand-written Java. What Drools itself costs on this DRL: the
 * floor for {@code ours-drl}, measured apart from the flat single-pattern DRL of {@link PlainDrools}, and the
 * strategy {@link BenchmarkTable} holds {@code ours-drl} to (QUALITY.md: at most 1.3x the best plain-Drools strategy
 * for the same DRL).
 */
final class PlainDroolsSameDrl implements Implementation {

    private final KieBase kieBase;
    private final ThreadLocal<KieSession> sessions;
    private final ThreadLocal<Hand> effects = ThreadLocal.withInitial(Hand::new);

    PlainDroolsSameDrl() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(
                Resources.text("reference/reference-policy.drl").getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        this.kieBase = builder.newKieBase();
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        this.sessions = ThreadLocal.withInitial(() -> {
            KieSession s = kieBase.newKieSession(conf, null);
            s.setGlobal("effects", effects.get());
            return s;
        });
    }

    @Override
    public Verdict[] decide(CustomerCase c) {
        List<Proposal> proposals = c.proposals();
        int n = proposals.size();
        Verdict[] out = new Verdict[n];
        int employee = Arrays.asList(Lattice.ROLES).indexOf(c.employee().role());
        KieSession s = sessions.get();
        Hand hand = effects.get().reset(n);
        FactHandle[] handles = new FactHandle[n + 1];
        handles[n] = s.insert(new Case(c));
        for (int i = 0; i < n; i++) {
            Proposal p = proposals.get(i);
            handles[i] = s.insert(new Prop(p.remedy(), p.amount(), i));
        }
        s.fireAllRules();
        for (FactHandle h : handles) {
            s.delete(h);
        }
        for (int i = 0; i < n; i++) {
            out[i] = Lattice.verdict(new Request(c, proposals.get(i)), hand.of(i), employee);
        }
        return out;
    }

    /** The effects, into a collector per proposal; a rule without a proposal in its match applies to every one. */
    static final class Hand implements Effects {

        private Collector[] each = new Collector[0];
        private int n;

        Hand reset(int count) {
            if (each.length < count) {
                each = Arrays.copyOf(each, count);
                for (int i = 0; i < count; i++) {
                    if (each[i] == null) {
                        each[i] = new Collector();
                    }
                }
            }
            n = count;
            for (int i = 0; i < count; i++) {
                each[i].reset();
            }
            return this;
        }

        Collector of(int i) {
            return each[i];
        }

        private static int proposal(RuleContext rule) {
            for (Object o : rule.getMatch().getObjects()) {
                if (o instanceof Prop) {
                    return ((Prop) o).index;
                }
            }
            return -1;
        }

        private static int role(String name) {
            return Arrays.asList(Lattice.ROLES).indexOf(name);
        }

        private void each(RuleContext rule, java.util.function.Consumer<Collector> effect) {
            int i = proposal(rule);
            if (i >= 0) {
                effect.accept(each[i]);
            } else {
                for (int k = 0; k < n; k++) {
                    effect.accept(each[k]);
                }
            }
        }

        @Override
        public void deny(RuleContext rule, String because) {
            each(rule, Collector::deny);
        }

        @Override
        public void routeToSwat(RuleContext rule, String because) {
            each(rule, Collector::swat);
        }

        @Override
        public void require(RuleContext rule, String role, String because) {
            int r = role(role);
            each(rule, c -> c.require(r));
        }

        @Override
        public void requireAll(RuleContext rule, String roles, String because) {
            throw new UnsupportedOperationException("the reference policy has no dual approval");
        }

        @Override
        public void grant(RuleContext rule, String role, Object upTo, String because) {
            int r = role(role);
            double limit = ((Number) upTo).doubleValue();
            each(rule, c -> c.grant(r, limit));
        }

        @Override
        public void entitled(RuleContext rule, Object amount, String working, String because) {
            throw new UnsupportedOperationException("the reference policy has no entitlement");
        }

        @Override
        public void followUp(RuleContext rule, String action, String within, String owner, String because) {
            // follow-ups do not change outcomes; the peers record nothing for them
        }

        @Override
        public void followUp(RuleContext rule, String action, String within, String owner, String when,
                             String because) {
            // as above
        }
    }

    /** A proposal as the DRL sees it. */
    record Prop(String remedy, BigDecimal amount, int index) implements ProposalFact {

        @Override
        public String getRemedy() {
            return remedy;
        }

        @Override
        public BigDecimal getAmount() {
            return amount;
        }

        @Override
        public BigDecimal getTotal() {
            return amount; // the reference cases have one proposal per remedy
        }

        @Override
        public BigDecimal getCount() {
            return BigDecimal.ONE;
        }
    }

    /** The case as the DRL sees it: the reference policy's facts, read straight from the case. */
    static final class Case implements CaseFact {

        private final CustomerCase c;
        private final int severity;

        Case(CustomerCase c) {
            this.c = c;
            this.severity = Arrays.asList(Request.SEVERITIES).indexOf(c.severity());
        }

        @Override
        public String getId() {
            return c.id();
        }

        @Override
        public String getSeverity() {
            return c.severity();
        }

        @Override
        public int getSeverityRank() {
            return severity;
        }

        @Override
        public boolean severityAtLeast(String s) {
            return severity >= Arrays.asList(Request.SEVERITIES).indexOf(s);
        }

        @Override
        public String getCategory() {
            return c.category();
        }

        @Override
        public String getChannel() {
            return c.channel();
        }

        @Override
        public Instant getOpenedAt() {
            return c.openedAt();
        }

        @Override
        public String getCustomerId() {
            return c.customer().id();
        }

        @Override
        public String getCustomerTier() {
            return c.customer().tier();
        }

        @Override
        public BigDecimal getLifetimeValue() {
            return c.customer().lifetimeValue();
        }

        @Override
        public BigDecimal getOutOfPocket() {
            return c.impact().outOfPocket();
        }

        @Override
        public Long getAffectedCustomers() {
            return c.impact().affectedCustomers();
        }

        @Override
        public Long getSocialReach() {
            return c.impact().socialReach();
        }

        @Override
        public Boolean getLegalThreat() {
            return c.impact().legalThreat();
        }

        @Override
        public Boolean getSafetyIssue() {
            return c.impact().safetyIssue();
        }

        @Override
        public Boolean getRegulatorInvolved() {
            return c.impact().regulatorInvolved();
        }

        @Override
        public String getEmployeeId() {
            return c.employee().id();
        }

        @Override
        public String getEmployeeRole() {
            return c.employee().role();
        }

        @Override
        public int getEmployeeRank() {
            return Arrays.asList(Lattice.ROLES).indexOf(c.employee().role());
        }

        @Override
        public boolean roleAtLeast(String role) {
            return getEmployeeRank() >= Arrays.asList(Lattice.ROLES).indexOf(role);
        }

        @Override
        public Object attribute(String name) {
            return c.attributes().get(name);
        }

        @Override
        public BigDecimal number(String name) {
            Object v = attribute(name);
            return v instanceof BigDecimal ? (BigDecimal) v : null;
        }

        @Override
        public long historyCount(String remedy, String window) {
            throw new UnsupportedOperationException("the reference policy reads no history");
        }

        @Override
        public BigDecimal historyTotal(String remedy, String window) {
            throw new UnsupportedOperationException("the reference policy reads no history");
        }

        @Override
        public long businessDaysBetween(Instant from, Instant to) {
            throw new UnsupportedOperationException("the reference policy counts no days");
        }

        @Override
        public long daysBetween(Instant from, Instant to) {
            throw new UnsupportedOperationException("the reference policy counts no days");
        }

        @Override
        public ZoneId getTimeZone() {
            return ZoneId.of("UTC");
        }
    }
}
