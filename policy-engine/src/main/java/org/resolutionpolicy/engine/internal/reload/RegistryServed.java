package org.resolutionpolicy.engine.internal.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.resolutionpolicy.api.Policy;
import org.resolutionpolicy.api.PolicyRegistry;
import org.resolutionpolicy.api.Problem;
import org.resolutionpolicy.engine.internal.eval.CompiledPolicy;
import org.resolutionpolicy.model.ModelledPolicy;
import org.resolutionpolicy.model.source.Place;

/**
 * What a reloader needs to know of a registry, and what it remembers of the policies a reload took away: an id that
 * disappears (its file deleted, or declaring another id now) is said in the {@code LOADED} event and the log, and
 * {@code get} of it says when and why it went rather than only that it is not there.
 */
final class RegistryServed implements Reloader.Served<PolicyRegistry> {

    /** Why each id that a reload took away is gone, until an id of that name serves again. */
    private final Map<String, String> gone = new ConcurrentHashMap<>();

    @Override
    public String revision(PolicyRegistry registry) {
        return registry.revision();
    }

    @Override
    public List<Problem> warnings(PolicyRegistry registry) {
        return registry.ids().stream().flatMap(id -> registry.get(id).warnings().stream()).toList();
    }

    @Override
    public void release(PolicyRegistry registry) {
        for (String id : registry.ids()) {
            if (registry.get(id) instanceof CompiledPolicy compiled) {
                compiled.release();
            }
        }
    }

    /** Returns a warning for each id that serves now and that the candidate no longer has. */
    @Override
    public List<Problem> compare(PolicyRegistry serving, PolicyRegistry candidate) {
        List<Problem> notes = new ArrayList<>();
        for (String id : serving.ids()) {
            if (candidate.find(id).isEmpty()) {
                Place place = place(serving.get(id));
                notes.add(Problem.warning(place.source(), place.line(), place.column(), "policy [" + id + "] is gone"
                        + " from the registry: " + why(place.source(), candidate), "get(\"" + id + "\") now fails "
                        + "saying so; restore the file, or stop asking for [" + id + "]"));
            }
        }
        return notes;
    }

    @Override
    public void swapped(PolicyRegistry previous, PolicyRegistry next, Instant at) {
        for (String id : previous.ids()) {
            if (next.find(id).isEmpty()) {
                Place place = place(previous.get(id));
                gone.put(id, "policy [" + id + "] is no longer in this registry: the reload at " + at + " took it away ("
                        + why(place.source(), next) + ")");
            }
        }
        next.ids().forEach(gone::remove);
    }

    /** Returns why an id is gone, if a reload took it away; null otherwise. */
    String gone(String id) {
        return gone.get(id);
    }

    /** Says what became of the file that declared a policy: deleted, or declaring another id now. */
    private static String why(String source, PolicyRegistry candidate) {
        for (String id : candidate.ids()) {
            if (place(candidate.get(id)).source().equals(source)) {
                return "[" + source + "] declares [" + id + "] now";
            }
        }
        return source.isEmpty() || !Files.exists(Path.of(source)) ? "[" + source + "] was removed"
                : "[" + source + "] no longer holds it";
    }

    /** Where a policy declares its id, or its id alone when its engine does not say. */
    private static Place place(Policy policy) {
        try {
            return ModelledPolicy.of(policy).model().declarations().policy();
        } catch (IllegalArgumentException e) {
            return Place.of(policy.id());
        }
    }
}
