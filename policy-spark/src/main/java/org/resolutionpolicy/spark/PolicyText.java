package org.resolutionpolicy.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.resolutionpolicy.api.Policies;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyException;
import org.resolutionpolicy.api.PolicyFiles;
import org.resolutionpolicy.api.PolicySource;

/**
 * Holds the sources of one policy as text, which is what travels to the executors: a compiled policy does not
 * (a Drools KieBase is not serializable), so each executor JVM compiles the text once, on first use, and keeps it
 * by {@link #revision()}. YAML, DRL and mixed policies alike.
 *
 * <p>Creating one compiles the policy on the driver, so a broken policy fails there, before any job starts, with
 * every problem listed. Immutable.
 */
public final class PolicyText implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final String[] texts;
    private final String revision;

    private PolicyText(String[] names, String[] texts, String revision) {
        this.names = names;
        this.texts = texts;
        this.revision = revision;
    }

    /**
     * Returns the text of a policy held in memory, compiled once here to check it.
     *
     * @param sources the sources of one policy: one YAML policy, optionally with further rule files
     * @return the policy text
     * @throws NullPointerException if the list or a source is null
     * @throws IllegalArgumentException if the list is empty
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors
     */
    public static PolicyText of(List<PolicySource> sources) {
        Objects.requireNonNull(sources, "sources must not be null");
        String[] names = new String[sources.size()];
        String[] texts = new String[sources.size()];
        for (int i = 0; i < sources.size(); i++) {
            PolicySource s = Objects.requireNonNull(sources.get(i), "source must not be null");
            names[i] = s.name();
            texts[i] = s.text();
        }
        Policy compiled = Policies.compile(sources);
        PolicyText text = new PolicyText(names, texts, compiled.revision());
        CompiledPolicies.put(text, compiled);
        return text;
    }

    /**
     * Reads a policy's files as {@link Policies#load(java.util.Collection)} does: a directory contributes every
     * {@code *.yaml}, {@code *.yml} and {@code *.drl} file below it in name order, except scenario files and hidden
     * ones; so the revision is the one {@code policy decide} names.
     *
     * @param paths policy files or directories, at least one
     * @return the policy text
     * @throws IllegalArgumentException if no path is given
     * @throws PolicyException if a file cannot be read
     * @throws org.resolutionpolicy.api.PolicyLoadException if the policy has errors
     */
    public static PolicyText load(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one policy file or directory is needed");
        }
        List<PolicySource> sources = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                try {
                    sources.add(PolicySource.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new PolicyException("cannot read [" + file + "]: " + e.getMessage(), e);
                }
            }
        }
        return of(sources);
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(f -> !PolicyFiles.isHidden(path, f)).filter(Files::isRegularFile)
                    .filter(PolicyFiles::isPolicyFile).sorted().toList();
            if (files.isEmpty()) {
                throw new PolicyException("no policy files (*.yaml, *.yml, *.drl) in directory [" + path + "]");
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            throw new PolicyException("cannot read directory [" + path + "]: " + e.getMessage(), e);
        }
    }

    /** Returns the sources, in the order they compile. */
    public List<PolicySource> sources() {
        List<PolicySource> sources = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            sources.add(PolicySource.of(names[i], texts[i]));
        }
        return List.copyOf(sources);
    }

    /** Returns the revision the sources compile to, as {@link Policy#revision()} names it. */
    public String revision() {
        return revision;
    }

    /**
     * Returns the compiled policy of this JVM: compiled on the first call for this revision, the same object after.
     *
     * @return the compiled policy, safe to share across the threads of an executor
     */
    public Policy compiled() {
        return CompiledPolicies.get(this);
    }

    /** Sends this text to the executors of the session a dataset belongs to, once, for its tasks to compile. */
    Broadcast<PolicyText> broadcast(Dataset<?> of) {
        return JavaSparkContext.fromSparkContext(of.sparkSession().sparkContext()).broadcast(this);
    }

    /** Returns {@code PolicyText[revision]}. */
    @Override
    public String toString() {
        return "PolicyText[" + revision + "]";
    }
}
