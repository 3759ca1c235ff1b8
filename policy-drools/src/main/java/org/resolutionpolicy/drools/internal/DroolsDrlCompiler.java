package org.resolutionpolicy.drools.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.engine.spi.DrlCompiler;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.format.yaml.PolicyHeader;

/**
 * Compiles DRL with Drools' {@code KnowledgeBuilder} (classic DRL, no {@code KieRepository} entry, so rebuilding
 * a policy leaves nothing behind). Registered for {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class DroolsDrlCompiler implements DrlCompiler {

    @Override
    public CompiledDrl compile(List<PolicySource> sources, Problems problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, Read> read = new LinkedHashMap<>();
        Map<String, java.math.BigDecimal> constants = new LinkedHashMap<>();
        for (PolicySource source : sources) {
            DrlText text = new DrlText(source.name(), source.text());
            NullGuards guards = NullGuards.of(text);
            read.put(path(source.name()), new Read(text, guards));
            constants.putAll(guards.constants());
            Resource resource = ResourceFactory.newByteArrayResource(guards.guarded().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(path(source.name()));
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            DrlErrors.report(builder.getErrors(), read, sources.get(0).name(), problems);
            return null;
        }
        KieBase kieBase = builder.newKieBase();
        List<String> ruleIds = new ArrayList<>();
        boolean effectsGlobal = false;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                ruleIds.add(r.getName());
            }
            effectsGlobal |= p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("effects"));
        }
        ruleIds.sort(null);
        if (!ruleIds.isEmpty() && !effectsGlobal) {
            problems.error(Place.of(sources.get(0).name()), "the DRL declares no global [effects]",
                    "add: global org.resolutionpolicy.drools.Effects effects;");
            return null;
        }
        PolicyHeader header = null;
        for (PolicySource source : sources) {
            PolicyHeader h = DrlHeader.of(source, problems);
            if (h != null) {
                header = h;
            }
        }
        List<DrlText> texts = read.values().stream().map(Read::text).toList();
        return new Compiled(texts, kieBase, List.copyOf(ruleIds), header, Map.copyOf(constants));
    }

    /** A source as read: its text, and the null guards Drools reads it with. */
    record Read(DrlText text, NullGuards guards) {
    }

    /** DRL compiled into a knowledge base, with its header and rule ids, waiting to be bound to a policy. */
    private record Compiled(List<DrlText> sources, KieBase kieBase, List<String> ruleIds, PolicyHeader header,
                            Map<String, java.math.BigDecimal> constants) implements CompiledDrl {

        /** Checks every literal the DRL rules pass to the library against the policy (see DrlChecks), then binds. */
        @Override
        public ExternalRules bind(PolicyModel model, Problems problems) {
            boolean ok = true;
            for (DrlText source : sources) {
                ok &= DrlChecks.check(source, model, problems);
            }
            if (!ok) {
                return null;
            }
            DrlScopes scopes = new DrlScopes(sources);
            return new DrlRules(kieBase, model, ruleIds, scopes, DrlDescriptions.describe(sources, scopes), constants);
        }
    }

    static String path(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") ? n.substring(1) : n;
    }
}
