package org.resolutionpolicy.engine.internal.yaml;

import java.util.List;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.format.yaml.YamlTree;
import org.resolutionpolicy.model.source.Problems;

/**
 * A policy's YAML sources composed side by side, before they are read one by one: composing (SnakeYAML) is half of
 * loading a large policy split into files, and each file is composed alone. Each source's problems are kept apart
 * and handed over in source order, so the problems and the tree are those of composing the sources in turn.
 *
 * @param composed the composed document, or null where it could not be composed
 * @param problems what composing it found, in the order found
 */
record ComposedAhead(YamlTree.Composed composed, List<Problem> problems) {

    /** Sources of fewer characters in all are composed in turn: starting threads would cost more than it saves. */
    static final long FROM_CHARS = 256 * 1024;

    /**
     * Returns the sources composed side by side, in source order; null when they are better composed in turn: one
     * source, a small policy, one processor, or two sources of one name (a quieted range of the first could then
     * hide a problem of the second).
     */
    static List<ComposedAhead> of(List<PolicySource> sources, LoadOptions limits) {
        long chars = sources.stream().mapToLong(s -> s.text().length()).sum();
        if (sources.size() < 2 || chars < FROM_CHARS || Runtime.getRuntime().availableProcessors() < 2
                || sources.stream().map(PolicySource::name).distinct().count() < sources.size()) {
            return null;
        }
        return sources.parallelStream().map(source -> {
            Problems own = new Problems();
            YamlTree.Composed composed = YamlTree.composeRepairing(source.name(), source.text(), own, limits);
            return new ComposedAhead(composed, own.all());
        }).toList();
    }

    /** Hands this source's problems over and returns its document. */
    YamlTree.Composed into(Problems all) {
        all.addAll(problems);
        return composed;
    }
}
