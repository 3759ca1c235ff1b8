package org.resolutionpolicy.benchmarks;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.mvel.MVELRule;
import org.resolutionpolicy.api.CustomerCase;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The reference policy as Easy Rules 4.1 MVEL rules read from YAML, fired by its default engine. */
final class EasyRules implements Implementation {

    private final Rules rules = new Rules();
    private final RulesEngine engine = new DefaultRulesEngine();
    private final ThreadLocal<Collector> collectors = ThreadLocal.withInitial(Collector::new);

    @SuppressWarnings("unchecked")
    EasyRules() {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> definitions = yaml.load(new StringReader(Resources.text("reference/easy-rules.yaml")));
        for (Map<String, Object> d : definitions) {
            MVELRule rule = new MVELRule().name((String) d.get("name")).when((String) d.get("condition"));
            for (String action : (List<String>) d.get("actions")) {
                rule.then(action);
            }
            rules.register(rule);
        }
    }

    @Override
    public Verdict[] decide(CustomerCase c) {
        Verdict[] out = new Verdict[c.proposals().size()];
        int employee = java.util.Arrays.asList(Lattice.ROLES).indexOf(c.employee().role());
        Collector col = collectors.get();
        for (int i = 0; i < out.length; i++) {
            Request r = new Request(c, c.proposals().get(i));
            col.reset();
            Facts facts = new Facts();
            facts.put("req", r);
            facts.put("result", col);
            engine.fire(rules, facts);
            out[i] = Lattice.verdict(r, col, employee);
        }
        return out;
    }
}
