package org.resolutionpolicy.engine.internal;

import org.resolutionpolicy.engine.internal.support.Problems;
import org.resolutionpolicy.engine.internal.support.Place;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.DecisionLog;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.spi.PolicyEngine;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.engine.internal.model.ExternalRules;
import org.resolutionpolicy.engine.internal.model.PolicyModel;
import org.resolutionpolicy.engine.internal.log.JsonLinesDecisionLog;
import org.resolutionpolicy.engine.internal.yaml.CaseReader;
import org.resolutionpolicy.engine.internal.yaml.PolicyHeader;
import org.resolutionpolicy.engine.internal.yaml.PolicyReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link org.resolutionpolicy.api.Policies}: compiles YAML policies with sandboxed MVEL
 * conditions. Registered through {@code META-INF/services}. Stateless and thread-safe.
 */
public final class YamlPolicyEngine implements PolicyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(YamlPolicyEngine.class);

    private final Clock clock;

    /** Creates the engine with the system clock, as {@link java.util.ServiceLoader} does. */
    public YamlPolicyEngine() {
        this(Clock.systemUTC());
    }

    /** Creates the engine with a clock for cases without {@code openedAt} (for tests). */
    public YamlPolicyEngine(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Policy compile(List<PolicySource> sources) {
        long start = System.nanoTime();
        Problems problems = new Problems();
        List<PolicySource> yaml = new ArrayList<>();
        List<PolicySource> drl = new ArrayList<>();
        for (PolicySource source : sources) {
            (source.kind() == PolicySource.Kind.DRL ? drl : yaml).add(source);
        }
        DrlCompiler.CompiledDrl compiledDrl = null;
        PolicyHeader header = null;
        if (!drl.isEmpty()) {
            DrlCompiler compiler = drlCompiler();
            if (compiler == null) {
                for (PolicySource source : drl) {
                    problems.error(Place.of(source.name()), "DRL files need the Drools support, which is not on the "
                            + "classpath", "add the artifact [" + DrlCompiler.ARTIFACT + "]");
                }
            } else {
                compiledDrl = compiler.compile(drl, problems);
                header = compiledDrl == null ? null : compiledDrl.header();
            }
        }
        PolicyModel model = yaml.isEmpty() && header == null ? null : PolicyReader.read(yaml, header, problems);
        if (yaml.isEmpty() && header == null && drl.isEmpty() == false && !problems.hasErrors()) {
            problems.error(Place.of(drl.get(0).name()), "no source declares the policy",
                    "add a YAML policy file, or declare Policy in the DRL (see the DRL guide)");
        }
        if (model != null && compiledDrl != null) {
            for (String id : compiledDrl.ruleIds()) {
                if (model.rules().stream().anyMatch(r -> r.id().equals(id))) {
                    problems.error(Place.of(drl.get(0).name()), "duplicate rule id [" + id + "]: a YAML rule has it too", null);
                }
            }
            ExternalRules external = compiledDrl.bind(model, problems);
            model = external == null ? model : model.withExternal(external);
        }
        problems.throwIfErrors();
        if (model == null) {
            throw new IllegalStateException("no model and no error for " + sources);
        }
        CompiledPolicy policy = new CompiledPolicy(model, clock, problems.warnings());
        if (LOG.isDebugEnabled()) {
            LOG.debug("compiled {} from {} sources in {} ms", policy, sources.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return policy;
    }

    private static DrlCompiler drlCompiler() {
        java.util.Iterator<DrlCompiler> compilers = java.util.ServiceLoader.load(DrlCompiler.class,
                YamlPolicyEngine.class.getClassLoader()).iterator();
        return compilers.hasNext() ? compilers.next() : null;
    }

    @Override
    public CustomerCase readCase(PolicySource source) {
        return CaseReader.read(source);
    }

    @Override
    public DecisionLog openLog(Path file, DecisionLog.Options options) {
        try {
            Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new JsonLinesDecisionLog(writer, options, clock, file.toString());
        } catch (IOException e) {
            throw new PolicyException("cannot open decision log [" + file + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public DecisionLog openLog(Writer writer, DecisionLog.Options options) {
        return new JsonLinesDecisionLog(writer, options, clock, writer.getClass().getSimpleName());
    }
}
