package org.resolutionpolicy.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resolutionpolicy.api.CustomerCase;

/** Every implementation of the reference policy, by name, and the check that they all agree. */
final class Implementations {

    static final List<String> NAMES = List.of("hand-written", "ours-yaml", "ours-drl", "drools-session",
            "drools-same-drl", "drools-stateless", "easy-rules");

    private Implementations() {
    }

    static Implementation create(String name) {
        switch (name) {
            case "hand-written":
                return new HandWritten();
            case "ours-yaml":
                return Ours.yaml();
            case "ours-drl":
                return Ours.drl();
            case "drools-session":
                return PlainDrools.session();
            case "drools-stateless":
                return PlainDrools.stateless();
            case "drools-same-drl":
                return new PlainDroolsSameDrl();
            case "easy-rules":
                return new EasyRules();
            default:
                throw new IllegalArgumentException("no implementation [" + name + "]");
        }
    }

    /**
     * Decides every case with every implementation and fails on the first disagreement with the hand-written one.
     *
     * @return how many proposals were compared per implementation
     */
    static int checkAgreement(List<CustomerCase> cases) {
        Map<String, Implementation> all = new LinkedHashMap<>();
        NAMES.forEach(n -> all.put(n, create(n)));
        Implementation reference = all.get("hand-written");
        int proposals = 0;
        for (CustomerCase c : cases) {
            Verdict[] expected = reference.decide(c);
            proposals += expected.length;
            for (Map.Entry<String, Implementation> e : all.entrySet()) {
                Verdict[] actual = e.getValue().decide(c);
                if (!java.util.Arrays.equals(expected, actual)) {
                    throw new IllegalStateException(e.getKey() + " disagrees with hand-written on case " + c.id() + ": "
                            + java.util.Arrays.toString(actual) + " vs " + java.util.Arrays.toString(expected) + "\n" + c);
                }
            }
        }
        return proposals;
    }
}
