package org.resolutionpolicy.api;

import java.util.Collection;
import java.util.function.Function;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Holds several policies of one application keyed by their ids, such as one per brand or channel, loaded together
 * from one directory ({@link Policies#registry}) or followed as one unit ({@link PolicyWatch#startRegistry()}).
 *
 * <p>In the directory, each {@code *.yaml}, {@code *.yml} or {@code *.drl} file directly inside it is a policy of its
 * own, and each subdirectory is one policy made of every policy file below it (a policy file and its rule files).
 * Scenario files ({@code *.test.yaml}) and hidden entries are skipped, as for {@link Policies#load}.
 *
 * <p>A registry is immutable and thread-safe, and so is every policy in it.
 *
 * <pre>{@code
 * PolicyRegistry policies = Policies.registry(Path.of("policies"));
 * Decision decision = policies.get("coffee-shop").decide(customerCase);
 * }</pre>
 */
public interface PolicyRegistry {

    /** Returns the ids of the policies, in alphabetical order. */
    List<String> ids();

    /** Returns the policy with the id, or empty if there is none. */
    Optional<Policy> find(String id);

    /**
     * Returns the policy with the id.
     *
     * @throws NullPointerException if id is null
     * @throws IllegalArgumentException naming the ids there are, if there is no policy with this id
     */
    default Policy get(String id) {
        Objects.requireNonNull(id, "id must not be null");
        return find(id).orElseThrow(() -> new IllegalArgumentException("no policy [" + id + "] in this registry; it has "
                + ids()));
    }

    /**
     * Decides a case with the policy of the id, as {@code get(id).decide(customerCase)}.
     *
     * @throws NullPointerException if id or the case is null
     * @throws IllegalArgumentException if there is no policy with this id
     * @throws InvalidCaseException if the case does not fit that policy
     */
    default Decision decide(String id, CustomerCase customerCase) {
        return get(id).decide(customerCase);
    }

    /**
     * Returns the revision of the registry: the id and revision of each policy in id order, such as
     * {@code coffee-shop@2026.11@3f2a9c41d07e, retail@2026.12@0b1c2d3e4f5a}. Any edit of any policy changes it.
     */
    default String revision() {
        return ids().stream().map(id -> id + "@" + get(id).revision()).collect(Collectors.joining(", "));
    }

    /**
     * Compiles a registry, one policy per entry, with the given compiler: every entry is compiled even when an
     * earlier one failed, so that every problem of every policy is reported at once, one per mistake; two policies
     * with the same id are one more error, on the later entry. Engines and tools that group sources into policies
     * build registries with this, so the rule of ids holds for every registry.
     *
     * @param entries the sources of each policy, keyed by the file or directory they came from, in order
     * @param compile compiles the sources of one policy, throwing {@link PolicyLoadException} with its problems
     * @return the registry
     * @throws NullPointerException if an argument is null
     * @throws PolicyLoadException listing every problem of every policy, if any has an error or two share an id
     */
    static PolicyRegistry compile(Map<String, List<PolicySource>> entries,
                                  Function<List<PolicySource>, Policy> compile) {
        Objects.requireNonNull(entries, "entries must not be null");
        Objects.requireNonNull(compile, "compile must not be null");
        List<Problem> problems = new ArrayList<>();
        Map<String, String> entryOfId = new HashMap<>();
        List<Policy> policies = new ArrayList<>();
        entries.forEach((entry, sources) -> {
            try {
                Policy policy = compile.apply(sources);
                String other = entryOfId.putIfAbsent(policy.id(), entry);
                if (other != null) {
                    problems.add(Problem.error(entry, 0, 0, "policy id [" + policy.id() + "] is declared by [" + other
                            + "] too", "give each policy of a registry an id of its own"));
                } else {
                    policies.add(policy);
                }
            } catch (PolicyLoadException e) {
                problems.addAll(e.problems());
            }
        });
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new PolicyLoadException(problems);
        }
        return of(policies);
    }

    /**
     * Returns a registry of the given policies, keyed by their ids.
     *
     * @param policies the policies, each with an id of its own
     * @return the registry
     * @throws NullPointerException if the collection or a policy is null
     * @throws IllegalArgumentException if two policies have the same id
     */
    static PolicyRegistry of(Collection<? extends Policy> policies) {
        Map<String, Policy> byId = new TreeMap<>();
        for (Policy policy : Objects.requireNonNull(policies, "policies must not be null")) {
            Objects.requireNonNull(policy, "policy must not be null");
            if (byId.putIfAbsent(policy.id(), policy) != null) {
                throw new IllegalArgumentException("two policies have the id [" + policy.id() + "]");
            }
        }
        Map<String, Policy> frozen = Collections.unmodifiableMap(byId);
        List<String> ids = List.copyOf(frozen.keySet());
        return new PolicyRegistry() {
            @Override
            public List<String> ids() {
                return ids;
            }

            @Override
            public Optional<Policy> find(String id) {
                return Optional.ofNullable(frozen.get(Objects.requireNonNull(id, "id must not be null")));
            }

            @Override
            public String toString() {
                return "PolicyRegistry" + ids;
            }
        };
    }
}
