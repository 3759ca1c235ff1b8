package org.resolutionpolicy.benchmarks;

import java.nio.charset.StandardCharsets;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.resolutionpolicy.api.CustomerCase;

/**
 * The reference policy in plain Drools 10 DRL, two ways: one reused session per thread with a global collector and
 * without Drools' internal locking (the fastest strategy found), and a stateless session per decision step.
 */
final class PlainDrools implements Implementation {

    private final KieBase kieBase;
    private final boolean stateless;
    private final ThreadLocal<KieSession> sessions;
    private final ThreadLocal<Collector> collectors = ThreadLocal.withInitial(Collector::new);

    private PlainDrools(boolean stateless) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(
                Resources.text("reference/plain-drools.drl").getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        this.kieBase = builder.newKieBase();
        this.stateless = stateless;
        // a session per thread needs none of Drools' own locking: the peer gets the setting ours uses (ThreadSafeOption.NO)
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        this.sessions = ThreadLocal.withInitial(() -> kieBase.newKieSession(conf, null));
    }

    static PlainDrools session() {
        return new PlainDrools(false);
    }

    static PlainDrools stateless() {
        return new PlainDrools(true);
    }

    @Override
    public Verdict[] decide(CustomerCase c) {
        Verdict[] out = new Verdict[c.proposals().size()];
        int employee = java.util.Arrays.asList(Lattice.ROLES).indexOf(c.employee().role());
        Collector col = collectors.get();
        for (int i = 0; i < out.length; i++) {
            Request r = new Request(c, c.proposals().get(i));
            col.reset();
            if (stateless) {
                StatelessKieSession s = kieBase.newStatelessKieSession();
                s.setGlobal("result", col);
                s.execute(r);
            } else {
                KieSession s = sessions.get();
                s.setGlobal("result", col);
                FactHandle h = s.insert(r);
                s.fireAllRules();
                s.delete(h);
            }
            out[i] = Lattice.verdict(r, col, employee);
        }
        return out;
    }
}
