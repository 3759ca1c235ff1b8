package org.resolutionpolicy.engine.internal;

import org.resolutionpolicy.engine.spi.DrlCompiler;

import org.resolutionpolicy.model.source.Problems;
import org.resolutionpolicy.engine.internal.support.LoadBudget;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.engine.internal.support.Revisions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.LivePolicy;
import org.resolutionpolicy.api.LivePolicyRegistry;
import org.resolutionpolicy.api.spi.PolicyEngine;
import org.resolutionpolicy.api.spi.WatchRequest;
import org.resolutionpolicy.engine.internal.reload.WatchedPolicy;
import org.resolutionpolicy.engine.internal.reload.WatchedRegistry;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.model.ExternalRules;
import org.resolutionpolicy.model.PolicyModel;
import org.resolutionpolicy.format.yaml.PolicyHeader;
import org.resolutionpolicy.engine.internal.yaml.PolicyReader;
import org.resolutionpolicy.format.yaml.YamlTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link org.resolutionpolicy.api.Policies}: compiles YAML policies with sandboxed MVEL
 * conditions. Registered through {@code META-INF/services} and {@code provides} in the module descriptor.
 * Stateless and thread-safe: the limits and the clock of a policy come with each call, in its {@link LoadOptions}.
 */
public final class YamlPolicyEngine implements PolicyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(YamlPolicyEngine.class);

    /** Creates the engine, as {@link java.util.ServiceLoader} does. */
    public YamlPolicyEngine() {
        // stateless
    }

    /**
     * Compiles YAML and DRL sources into one policy; every source is held to the limits of the options, and the
     * policy decides cases without {@code openedAt} by the options' clock.
     */
    @Override
    public Policy compile(List<PolicySource> sources, LoadOptions options) {
        if (PolicyVersions.headers(sources).size() > 1) {
            // several versions of one policy: each decides the cases opened while it is in force
            return PolicyVersions.compile(sources, version -> compileOne(version, options), options.clock());
        }
        CompiledPolicy policy = compileOne(sources, options);
        // one version that says when it is in force refuses the cases opened outside, as a set of versions does
        return policy.model().validity() == null ? policy
                : new VersionedPolicy(List.of(policy), options.clock(), policy.revision(), policy.warnings());
    }

    private CompiledPolicy compileOne(List<PolicySource> sources, LoadOptions options) {
        long start = System.nanoTime();
        LoadBudget budget = LoadBudget.start(options, sources.isEmpty() ? "<none>" : sources.get(0).name());
        Problems problems = new Problems();
        List<PolicySource> yaml = new ArrayList<>();
        List<PolicySource> drl = new ArrayList<>();
        for (PolicySource source : sources) {
            if (source.kind() == PolicySource.Kind.YAML) {
                yaml.add(source);
            } else if (YamlTree.withinSize(source.name(), source.text(), problems, options)) {
                // YAML sources are measured where they are composed; DRL here, before Drools reads it
                drl.add(source);
            }
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
            budget.check(problems);
        }
        PolicyModel model = yaml.isEmpty() && header == null ? null : PolicyReader.read(yaml, header, problems, options, budget);
        budget.check(problems);
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
            budget.check(problems);
        }
        problems.throwIfErrors();
        if (model == null) {
            throw new IllegalStateException("no model and no error for " + sources);
        }
        String revision = Revisions.of(model.version(), Revisions.hash(sources));
        CompiledPolicy policy = new CompiledPolicy(model, options.clock(), problems.warnings(), revision,
                PolicyReader::readAbout, options.maxProposals());
        if (LOG.isDebugEnabled()) {
            LOG.debug("compiled {} from {} sources in {} ms", policy, sources.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return policy;
    }

    private static DrlCompiler drlCompiler() {
        return FoundDrlCompiler.COMPILER;
    }

    /** Looks the DRL compiler up once, when first needed (a lazy holder: the JVM makes it thread-safe). */
    private static final class FoundDrlCompiler {
        /** The compiler, or null when {@code policy-drools} is not on the classpath; never changed. */
        static final DrlCompiler COMPILER = ServiceLoader.load(DrlCompiler.class, YamlPolicyEngine.class.getClassLoader())
                .findFirst().orElse(null);
    }

    @Override
    public org.resolutionpolicy.api.ShadowPolicy shadow(org.resolutionpolicy.api.ShadowPolicy.Settings settings) {
        return org.resolutionpolicy.engine.internal.shadow.ShadowedPolicy.start(settings);
    }

    @Override
    public LivePolicy watch(WatchRequest request) {
        return WatchedPolicy.start(sources -> watchable(sources, request.options()), request,
                request.options().clock());
    }

    /** Compiles a watched policy, which must be one version: hot reload swaps one compiled policy. */
    private CompiledPolicy watchable(List<PolicySource> sources, LoadOptions options) {
        List<PolicySource> headers = PolicyVersions.headers(sources);
        if (headers.size() > 1) {
            Problems problems = new Problems();
            problems.error(Place.of(headers.get(1).name()), "a watched policy has one version, but [" + headers.get(0).name()
                    + "] and [" + headers.get(1).name() + "] both declare one",
                    "watch each version's directory apart, or load the versions with Policies.load");
            problems.throwIfErrors();
        }
        return compileOne(sources, options);
    }

    @Override
    public LivePolicyRegistry watchRegistry(WatchRequest request,
                                            Function<List<PolicySource>, Map<String, List<PolicySource>>> entries) {
        return WatchedRegistry.start(sources -> PolicyRegistry.compile(entries.apply(sources),
                s -> compile(s, request.options())), request,
                request.options().clock());
    }
}
