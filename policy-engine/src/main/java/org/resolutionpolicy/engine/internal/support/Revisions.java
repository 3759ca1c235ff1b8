package org.resolutionpolicy.engine.internal.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.resolutionpolicy.api.PolicySource;

/**
 * Names a policy's revision: its version and a hash of the content of all its sources, in order, so that the same
 * sources always give the same revision and any edit gives another.
 */
public final class Revisions {

    /** How many hex digits of the SHA-256 a revision shows: 48 bits, plenty to tell a policy's edits apart. */
    private static final int DIGITS = 12;

    private Revisions() {
    }

    /** Returns the SHA-256 of the sources' kinds and texts, in order, as hex. */
    public static String hash(List<PolicySource> sources) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (PolicySource source : sources) {
            byte[] text = source.text().getBytes(StandardCharsets.UTF_8);
            // kind and length first, so that moving text from one source to the next changes the hash
            digest.update((source.kind() + ":" + text.length + ":").getBytes(StandardCharsets.UTF_8));
            digest.update(text);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Returns the revision of a policy of this version compiled from sources with this hash. */
    public static String of(String version, String hash) {
        return version + "@" + hash.substring(0, DIGITS);
    }
}
