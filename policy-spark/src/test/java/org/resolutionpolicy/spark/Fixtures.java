package org.resolutionpolicy.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.resolutionpolicy.api.PolicySource;

/** The example policies the tests replay, and an edit of each for the diffs. */
final class Fixtures {

    static final Path POLICIES = Path.of("..", "examples", "policies");
    static final Path YAML = POLICIES.resolve("coffee-shop.yaml");
    static final Path DRL = POLICIES.resolve("drl/coffee-shop/coffee-shop.drl");
    static final Path MIXED = POLICIES.resolve("drl/coffee-shop-mixed");

    private Fixtures() {
    }

    /** Returns the sources of a policy file. */
    static List<PolicySource> sources(Path file) {
        try {
            return List.of(PolicySource.of(file.toString(), Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the policy of a file with an edit that moves cases in every way a diff reports: a barista's voucher
     * limit up (escalated becomes alone), the store manager's refund limit down (more escalations, a workload
     * change), and the callback's window longer (follow-ups removed and added).
     */
    static List<PolicySource> edited(Path file) {
        String text = sources(file).get(0).text();
        String edited = text.replace("voucher: { perGrant: 10,", "voucher: { perGrant: 15,")
                .replace("refund: 200", "refund: 120")
                .replace("P2D", "P3D");
        if (edited.equals(text)) {
            throw new IllegalStateException("the edit no longer applies to [" + file + "]");
        }
        return List.of(PolicySource.of(file.toString(), edited));
    }
}
