package org.resolutionpolicy.drools.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.engine.internal.DrlCompiler;
import org.resolutionpolicy.engine.internal.support.Hints;
import org.resolutionpolicy.engine.internal.support.Place;
import org.resolutionpolicy.engine.internal.support.Problems;
import org.resolutionpolicy.engine.internal.model.ExternalRules;
import org.resolutionpolicy.engine.internal.model.PolicyModel;
import org.resolutionpolicy.engine.internal.yaml.PolicyHeader;

/**
 * Compiles DRL with Drools' {@code KnowledgeBuilder} (classic DRL, no {@code KieRepository} entry, so rebuilding
 * a policy leaves nothing behind). Registered for {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class DroolsDrlCompiler implements DrlCompiler {

    private static final Pattern COLUMN = Pattern.compile("Column: (\\d+)");
    /** Roles written as literals in effects, checked against the ladder when the policy loads. */
    private static final Pattern ROLE_LITERAL = Pattern.compile(
            "effects\\s*\\.\\s*(require|grant)\\s*\\(\\s*\\w+\\s*,\\s*\"([^\"]+)\"");

    @Override
    public CompiledDrl compile(List<PolicySource> sources, Problems problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (PolicySource source : sources) {
            Resource resource = ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(path(source.name()));
            builder.add(resource, ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError e : builder.getErrors()) {
                problems.error(place(e, sources), oneLine(e.getMessage()), null);
            }
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
        return new Compiled(sources, kieBase, List.copyOf(ruleIds), header);
    }

    /** DRL compiled into a knowledge base, with its header and rule ids, waiting to be bound to a policy. */
    private record Compiled(List<PolicySource> sources, KieBase kieBase, List<String> ruleIds, PolicyHeader header)
            implements CompiledDrl {

        /** Checks the roles DRL rules name as literals in effects against the ladder, then binds the rules. */
        @Override
        public ExternalRules bind(PolicyModel model, Problems problems) {
            boolean ok = true;
            for (PolicySource source : sources) {
                Matcher m = ROLE_LITERAL.matcher(source.text());
                while (m.find()) {
                    String role = m.group(2);
                    if (!model.roles().contains(role)) {
                        int[] lc = lineAndColumn(source.text(), m.start(2));
                        problems.error(new Place(source.name(), lc[0], lc[1]), "unknown role [" + role
                                + "] in effects." + m.group(1) + "(..)", Hints.didYouMean(role, model.roles()));
                        ok = false;
                    }
                }
            }
            return ok ? new DrlRules(kieBase, model, ruleIds) : null;
        }
    }

    private static String path(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") ? n.substring(1) : n;
    }

    private static Place place(KnowledgeBuilderError e, List<PolicySource> sources) {
        String source = sources.get(0).name();
        if (e.getResource() != null && e.getResource().getSourcePath() != null) {
            for (PolicySource s : sources) {
                if (path(s.name()).equals(e.getResource().getSourcePath())) {
                    source = s.name();
                }
            }
        }
        int line = e.getLines() != null && e.getLines().length > 0 ? Math.max(0, e.getLines()[0]) : 0;
        Matcher column = COLUMN.matcher(e.getMessage() == null ? "" : e.getMessage());
        int col = line > 0 && column.find() ? Integer.parseInt(column.group(1)) + 1 : 0;
        return new Place(source, line, col);
    }

    private static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    private static String oneLine(String s) {
        return s == null ? "DRL error" : s.replaceAll("\\s+", " ").trim();
    }
}
