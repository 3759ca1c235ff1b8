package org.resolutionpolicy.format.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.resolutionpolicy.api.DecisionLog.Masking;
import org.resolutionpolicy.api.DecisionLog.Options;
import org.resolutionpolicy.api.PolicyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The salt a decision log mixes into the ids it hashes. An unsalted SHA-256 of a customer id is reversed by hashing a
 * list of known ids, so a log never hashes without a salt: when the options give none, a log on a file generates a
 * random one and keeps it beside the log ({@code decisions.jsonl.salt}, readable by its owner only), so that the
 * same id hashes alike in every run of the application that appends to that log; a log on a writer generates one
 * for itself alone. Either way it says so through SLF4J.
 */
final class Salt {

    /** What the kept salt's file name adds to the log's. */
    static final String SUFFIX = ".salt";

    private static final Logger LOG = LoggerFactory.getLogger(Salt.class);
    /** How many random bytes a generated salt has: 128 bits. */
    private static final int BYTES = 16;
    /** The longest salt file read: a salt is a line of hex digits, and a kept file is never read whole blindly. */
    private static final int MAX_FILE_BYTES = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Salt() {
    }

    /**
     * Returns the salt of a log on a file: the options' own, or (when they hash an id without one) the salt kept
     * beside the log, generated and kept there first if there is none yet.
     *
     * @throws PolicyException if the kept salt cannot be read or written, or is not a salt
     */
    static String forFile(Path log, Options options) {
        if (!options.salt().isEmpty() || !hashes(options)) {
            return options.salt();
        }
        Path kept = log.resolveSibling(log.getFileName() + SUFFIX);
        try {
            String salt = generated();
            try {
                Files.writeString(create(kept), salt + "\n", StandardCharsets.UTF_8);
                LOG.warn("decision log [{}]: no salt set for hashed ids; hashing them with a random salt kept in [{}] "
                        + "(keep it with the log, and secret: whoever has it can test known ids against the hashes; "
                        + "set a salt of your own in DecisionLog.Options or resolution.policy.decision-log.salt)",
                        log, kept);
                return salt;
            } catch (FileAlreadyExistsException e) {
                String read = read(kept);
                LOG.info("decision log [{}]: hashing ids with the salt kept in [{}]", log, kept);
                return read;
            }
        } catch (IOException e) {
            throw new PolicyException("cannot keep the salt of decision log [" + log + "] in [" + kept + "]: " + e
                    + "; set a salt (DecisionLog.Options, resolution.policy.decision-log.salt) or make the folder "
                    + "writable", e);
        }
    }

    /**
     * Returns the salt of a log on a writer: the options' own, or (when they hash an id without one) a random salt of
     * this log alone, said so.
     */
    static String forWriter(String name, Options options) {
        if (!options.salt().isEmpty() || !hashes(options)) {
            return options.salt();
        }
        LOG.warn("decision log [{}]: no salt set for hashed ids; hashing them with a random salt of this log alone "
                + "(ids hashed by another log will not match; set a salt in DecisionLog.Options to match them)", name);
        return generated();
    }

    /** Returns a value hashed with a salt as the logs write it: {@code sha256:} and 24 hex digits. */
    static String hash(String salt, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((salt + value).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Returns true if the options hash any id. */
    static boolean hashes(Options options) {
        return options.customerId() == Masking.HASH || options.employeeId() == Masking.HASH
                || options.caseId() == Masking.HASH;
    }

    private static String generated() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Creates the salt file, readable and writable by its owner only where the file system has POSIX permissions. */
    private static Path create(Path kept) throws IOException {
        if (Files.getFileStore(kept.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
            return Files.createFile(kept, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(kept);
    }

    /** Reads a kept salt: a regular file of one line of hex digits, read no further than a salt can be long. */
    private static String read(Path kept) throws IOException {
        if (!Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("it is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(kept, StandardOpenOption.READ)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        String salt = new String(bytes, StandardCharsets.UTF_8).strip();
        if (bytes.length > MAX_FILE_BYTES || salt.isEmpty() || !salt.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException("it does not hold a salt (one line of hex digits); delete it to generate another, "
                    + "and the ids of later lines will hash unlike earlier ones");
        }
        return salt;
    }
}
