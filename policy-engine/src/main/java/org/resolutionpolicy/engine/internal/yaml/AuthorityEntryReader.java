package org.resolutionpolicy.engine.internal.yaml;

import org.resolutionpolicy.format.yaml.NodeReader;

import java.math.BigDecimal;
import java.time.temporal.TemporalAmount;
import java.util.Map;
import org.resolutionpolicy.api.Limit;
import org.resolutionpolicy.api.Window;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.AuthorityEntry;
import org.resolutionpolicy.model.ComputedAmount;
import org.resolutionpolicy.model.value.Values;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one entry of a policy's {@code authority:} section for {@link PolicyReader}: a per-grant limit, constant or
 * computed from the case's facts, and optional per-customer totals over a window. Stateless.
 */
final class AuthorityEntryReader {

    private AuthorityEntryReader() {
    }

    /**
     * Reads the authority entry of one role and remedy: a limit (a number, {@code unlimited} or an amount
     * expression), or {@code {perGrant, perCustomer}}; null when it has an error, which is recorded.
     *
     * @param amounts reads limits that may be expressions over the case's facts
     * @param what the entry's name in messages, {@code role.remedy}
     * @param place where the entry is written
     */
    static AuthorityEntry read(NodeReader r, AmountReader amounts, Node node, String what, Place place) {
        if (node instanceof ScalarNode) {
            AmountReader.Amount limit = amounts.read(r, node, "the limit of [" + what + "]", true);
            return limit == null ? null : entry(limit.constant(), limit.computed(), null, null, place);
        }
        Map<String, NodeReader.Entry> spec = r.mapping(node, "the authority entry [" + what + "]");
        if (spec == null) {
            return null;
        }
        r.onlyKeys(spec, PolicyReader.AUTHORITY_ENTRY_KEYS, "the authority entry [" + what + "]");
        Limit perGrant = Limit.unlimited();
        ComputedAmount computed = null;
        if (spec.containsKey("perGrant")) {
            AmountReader.Amount read = amounts.read(r, spec.get("perGrant").value(), "perGrant of [" + what + "]", true);
            perGrant = read == null ? null : read.constant();
            computed = read == null ? null : read.computed();
        } else if (!spec.containsKey("perCustomer")) {
            r.error(node, "the authority entry [" + what + "] needs perGrant or perCustomer");
            return null;
        }
        if (!spec.containsKey("perCustomer")) {
            return perGrant == null && computed == null ? null : entry(perGrant, computed, null, null, place);
        }
        Node pcNode = spec.get("perCustomer").value();
        Map<String, NodeReader.Entry> pc = r.mapping(pcNode, "perCustomer of [" + what + "]");
        if (pc == null) {
            return null;
        }
        r.onlyKeys(pc, PolicyReader.PER_CUSTOMER_KEYS, "perCustomer of [" + what + "]");
        Limit max = null;
        Integer count = null;
        if (pc.containsKey("max")) {
            max = PolicyReader.limit(r, pc.get("max").value(), "perCustomer.max of [" + what + "]");
        }
        if (pc.containsKey("count")) {
            BigDecimal c = r.number(pc.get("count").value(), "perCustomer.count of [" + what + "]");
            if (c != null) {
                if (c.signum() <= 0 || Values.hasFraction(c) || c.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    r.error(pc.get("count").value(), "perCustomer.count of [" + what + "] must be a whole number of at least 1");
                } else {
                    count = c.intValue();
                }
            }
        }
        if (!pc.containsKey("max") && !pc.containsKey("count")) {
            r.error(pcNode, "perCustomer of [" + what + "] needs max, count or both");
        }
        TemporalAmount window = null;
        String windowText = null;
        if (r.require(pc, pcNode, "window", "perCustomer of [" + what + "]")) {
            window = r.period(pc.get("window").value(), "window of [" + what + "]");
            windowText = window == null ? null : ((ScalarNode) pc.get("window").value()).getValue().trim();
        }
        if (perGrant == null && computed == null || window == null || (pc.containsKey("max") && max == null)
                || (pc.containsKey("count") && count == null) || max == null && count == null) {
            return null;
        }
        return entry(perGrant, computed, new Window(max, count, window), windowText, place);
    }

    /** Returns an entry of a fixed per-grant limit, or of a computed one when {@code computed} is given. */
    private static AuthorityEntry entry(Limit fixed, ComputedAmount computed, Window perCustomer, String windowText,
                                        Place place) {
        return computed != null ? AuthorityEntry.computed(computed, perCustomer, windowText, place)
                : new AuthorityEntry(fixed, perCustomer, windowText, null, place);
    }
}
