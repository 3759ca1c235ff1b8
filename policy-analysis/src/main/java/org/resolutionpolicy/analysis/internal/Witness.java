package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.logic.Term;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.Cases;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.RemedyUnit;
import org.resolutionpolicy.format.json.JsonText;
import org.resolutionpolicy.model.FactType;
import org.resolutionpolicy.model.Facts;

/**
 * A case read from a solver model: its JSON in the case format {@code policy decide} accepts, the case the engine
 * reads from that very JSON, and the facts a condition of the policy can be tested on.
 *
 * @param tree the case as a tree of maps and lists, for JSON output
 * @param json the case as JSON text
 * @param customerCase the case parsed from the JSON
 * @param remedy the remedy of its one proposal
 * @param amount the amount of its one proposal, null for a remedy without amounts
 * @param attributes the attributes in the types the policy declares
 */
public record Witness(Map<String, Object> tree, String json, CustomerCase customerCase, String remedy, BigDecimal amount,
                      Map<String, Object> attributes) {

    /** Reads the case of the last SAT model of the space's solver: the proposal decided last, after the earlier ones of its remedy. */
    /** The most earlier grants a witness writes out: a case the solver needs more of is not shown (UNKNOWN). */
    static final long MOST_WRITTEN_GRANTS = 10_000;

    /**
     * Thrown when the case the solver found cannot be written as a case: more earlier grants than a witness writes
     * out, or grants that windows which do not nest cannot hold together. Such a case proves nothing: UNKNOWN.
     */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    public static Witness read(FactSpace space, String remedy, String id) {
        Smt smt = space.smt();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", id);
        root.put("severity", space.severities().get(smt.intValue(space.fact("severity").raw()).intValue()));
        Map<String, Object> employee = new LinkedHashMap<>();
        Map<String, Object> customer = new LinkedHashMap<>();
        Map<String, Object> impact = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        Instant opened = null;
        for (FactSpace.Var v : space.facts().values()) {
            if (v.raw() == null || v.type() == FactType.SEVERITY || !smt.boolValue(v.present())) {
                continue;
            }
            Object value = value(space, v);
            if (value instanceof Instant i && v.name().equals("openedAt")) {
                opened = i;
            }
            String name = v.name();
            Object json = value instanceof Instant i ? i.toString() : value;
            if (name.startsWith("attributes.")) {
                attributes.put(name.substring("attributes.".length()), json);
                typed.put(name.substring("attributes.".length()), value);
            } else if (name.startsWith("customer.")) {
                customer.put(name.substring("customer.".length()), json);
            } else if (name.startsWith("impact.")) {
                impact.put(name.substring("impact.".length()), json);
            } else if (name.startsWith("employee.")) {
                employee.put(name.substring("employee.".length()), json);
            } else {
                root.put(name, json);
            }
        }
        if (opened == null && space.undatedAt() != null) {
            // a case without openedAt is decided by the version in force on the day: dated in the one the solver chose
            opened = space.undatedAt();
            root.put("openedAt", opened.toString());
        }
        List<Object> history = history(space, opened);
        if (!history.isEmpty()) {
            customer.put("history", history);
        }
        root.put("employee", employee);
        if (!customer.isEmpty()) {
            root.put("customer", customer);
        }
        if (!impact.isEmpty()) {
            root.put("impact", impact);
        }
        if (!attributes.isEmpty()) {
            root.put("attributes", attributes);
        }
        BigDecimal amount = amount(space, remedy);
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("remedy", remedy);
        if (amount != null) {
            proposal.put("amount", amount);
        }
        List<Object> proposals = earlier(space, remedy);
        proposals.add(proposal);
        root.put("proposals", proposals);
        String text = JsonText.pretty(root);
        return new Witness(root, text, Cases.parse(text), remedy, amount, typed);
    }

    /**
     * Returns the case's earlier proposals of the remedy the model counted, before the one decided: the total on the
     * first of them, each within what a case may hold.
     */
    private static List<Object> earlier(FactSpace space, String remedy) {
        Smt smt = space.smt();
        Term[] vars = space.amountVars();
        BigInteger count = smt.intValue(vars[2]);
        if (count.compareTo(BigInteger.valueOf(MOST_WRITTEN_GRANTS)) > 0) {
            throw new TooLarge("the case found has " + count + " earlier proposals of [" + remedy + "], more than the "
                    + MOST_WRITTEN_GRANTS + " a case shown may have");
        }
        RemedyUnit unit = space.units().get(remedy);
        BigInteger left = smt.intValue(vars[3]);
        BigInteger largest = space.largestEarlier(unit);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < count.longValueExact(); i++) {
            BigInteger here = left.min(largest);
            left = left.subtract(here);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("remedy", remedy);
            if (unit != RemedyUnit.NONE) {
                p.put("amount", unit == RemedyUnit.COUNT ? new BigDecimal(here.divide(space.scale()))
                        : fromGrid(space, here));
            }
            out.add(p);
        }
        return out;
    }

    /** Returns the proposal's amount in the model, null for a remedy without amounts. */
    private static BigDecimal amount(FactSpace space, String remedy) {
        if (space.amountGrid(remedy) == null) {
            return null;
        }
        Term[] vars = space.amountVars();
        Smt smt = space.smt();
        return space.units().get(remedy) == RemedyUnit.COUNT ? new BigDecimal(smt.intValue(vars[1]))
                : fromGrid(space, smt.intValue(vars[0]));
    }

    private static Object value(FactSpace space, FactSpace.Var v) {
        Smt smt = space.smt();
        return switch (v.type()) {
            case ROLE -> space.roles().get(smt.intValue(v.raw()).intValue());
            case STRING -> {
                int code = smt.intValue(v.raw()).intValue();
                yield code < space.strings().size() ? space.strings().get(code) : space.other();
            }
            case NUMBER -> {
                BigDecimal n = fromGrid(space, smt.intValue(v.raw()));
                boolean whole = v.name().equals("impact.affectedCustomers") || v.name().equals("impact.socialReach");
                yield whole ? (Object) n.longValueExact() : n;
            }
            case BOOLEAN -> smt.boolValue(v.raw());
            case DATETIME -> Instant.ofEpochSecond(smt.intValue(v.raw()).longValueExact());
            default -> throw new IllegalStateException("fact [" + v.name() + "] of type [" + v.type() + "]");
        };
    }

    private static BigDecimal fromGrid(FactSpace space, BigInteger n) {
        // exact: every grid number has at most 18 digits before and after the point, as a case may hold
        BigDecimal value = new BigDecimal(n, space.decimals());
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * Places the earlier grants the model counted: for each remedy, the shortest window's grants just inside it, each
     * longer window's extra grants between its start and the shorter one's, the total on the first of them.
     */
    private static List<Object> history(FactSpace space, Instant opened) {
        Smt smt = space.smt();
        List<Object> out = new ArrayList<>();
        Map<String, List<FactSpace.Use>> byRemedy = new LinkedHashMap<>();
        space.uses().values().forEach(u -> byRemedy.computeIfAbsent(u.remedy(), k -> new ArrayList<>()).add(u));
        Instant end = opened != null ? opened : Instant.parse("2026-01-01T00:00:00Z");
        for (List<FactSpace.Use> uses : byRemedy.values()) {
            uses.sort((a, b) -> FactSpace.start(b.window()).compareTo(FactSpace.start(a.window())));
            Instant later = end;
            long count = 0;
            BigInteger total = BigInteger.ZERO;
            for (FactSpace.Use u : uses) {
                Instant start = u.window() == null ? later.minus(Duration.ofDays(800))
                        : end.atZone(ZoneOffset.UTC).minus(u.window()).toInstant();
                BigInteger counted = smt.intValue(u.count());
                if (counted.compareTo(BigInteger.valueOf(MOST_WRITTEN_GRANTS)) > 0) {
                    throw new TooLarge("the case found has " + counted + " earlier grants of [" + u.remedy()
                            + "], more than the " + MOST_WRITTEN_GRANTS + " a case shown may have");
                }
                long c = counted.longValueExact();
                BigInteger t = smt.intValue(u.total());
                Instant at = start.plus(Duration.between(start, later).dividedBy(2));
                if (c < count || t.compareTo(total) < 0) {
                    // windows that do not nest (P1M and P30D): the counts found cannot all be written as grants
                    throw new TooLarge("the case found has earlier grants of [" + u.remedy() + "] that windows "
                            + "which do not nest cannot hold together");
                }
                for (long i = count; i < c; i++) {
                    BigInteger amount = i == count ? t.subtract(total) : BigInteger.ZERO;
                    out.add(entry(u.remedy(), fromGrid(space, amount), at));
                }
                count = c;
                total = t;
                if (u.window() != null) {
                    later = start;
                }
            }
        }
        if (smt.boolValue(space.historyOlder())) {
            String remedy = space.units().keySet().stream().filter(r -> space.use(r, null) == null).findFirst()
                    .orElseThrow();
            Instant oldest = end.minus(Duration.ofDays(3650));
            out.add(entry(remedy, BigDecimal.ZERO, oldest));
        }
        return out;
    }

    private static Map<String, Object> entry(String remedy, BigDecimal amount, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("remedy", remedy);
        e.put("amount", amount);
        e.put("at", at.toString());
        return e;
    }

    /** Returns the facts of the case with its proposal, as the engine's conditions read them. */
    public Facts facts(List<String> severities, List<String> roles) {
        CustomerCase c = customerCase;
        Instant end = c.openedAt() != null ? c.openedAt() : Instant.now();
        Facts facts = new Facts(c, severities.indexOf(c.severity()), roles.indexOf(c.employee().role()), end,
                attributes);
        return facts.withProposal(remedy, amount != null ? amount
                : c.proposals().get(c.proposals().size() - 1).amount());
    }

    /** Returns the place in the case of the proposal decided: the last, after the earlier ones of its remedy. */
    public int decided() {
        return customerCase.proposals().size() - 1;
    }

    /** Returns the case as one line of JSON, for messages. */
    public String line() {
        return JsonText.line(tree);
    }
}
