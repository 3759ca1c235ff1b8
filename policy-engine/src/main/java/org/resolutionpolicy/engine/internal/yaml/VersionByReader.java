package org.resolutionpolicy.engine.internal.yaml;

import java.util.List;
import org.resolutionpolicy.format.yaml.NodeReader;
import org.resolutionpolicy.model.FactCatalog;
import org.resolutionpolicy.model.FactPath;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Validity;
import org.resolutionpolicy.model.source.Hints;

/**
 * Reads {@code versionBy:}, the date fact of a case that selects the version of a policy in force ({@code openedAt}
 * by default): {@code openedAt} or a date attribute, which a case is read by before anything else is checked.
 */
final class VersionByReader {

    private VersionByReader() {
    }

    /**
     * Returns the validity selected by the fact, or the validity unchanged after recording an error.
     *
     * @param validity the policy's validity; null when it has none, which is an error with {@code versionBy:}
     */
    static Validity read(NodeReader r, NodeReader.Entry entry, Validity validity, FactCatalog catalog) {
        String name = r.text(entry.value(), "versionBy");
        if (name == null) {
            return validity;
        }
        List<String> dates = catalog.names().stream().filter(n -> n.equals("openedAt") || n.startsWith("attributes.")
                && catalog.find(n).type() == FactType.DATETIME).toList();
        FactPath path = catalog.find(name);
        if (path == null || !dates.contains(name)) {
            String problem = path == null ? "unknown fact [" + name + "]"
                    : "[" + name + "] is " + (path.type() == FactType.DATETIME ? "not a fact a case states"
                    : "a " + path.type().label() + ", not a date");
            String hint = Hints.didYouMean(name, dates);
            r.error(entry.value(), "versionBy: " + problem + "; the version is chosen by [openedAt] or a date attribute",
                    hint != null ? hint : "declare it, e.g. attributes: { failedAt: date }, and write versionBy: "
                            + "attributes.failedAt");
            return validity;
        }
        if (validity == null) {
            r.error(entry.key(), "versionBy: [" + name + "] chooses among versions, but the policy has no validFrom or "
                    + "validUntil", "give the version its validity, e.g. validFrom: 2026-04-01");
            return null;
        }
        return new Validity(validity.from(), validity.until(), validity.place(),
                name.equals("openedAt") ? null : name, validity.zone());
    }
}
