package org.resolutionpolicy.api;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Tells the files of a policy directory apart by name: the one convention that {@link Policies#load}, a
 * {@link PolicyWatch}, the command line and the test kit follow, so that scenario and guarantee files can live beside
 * the policy they test.
 *
 * <ul>
 *   <li>a <b>scenario file</b> ends in {@code .test.yaml} or {@code .test.yml};</li>
 *   <li>a <b>guarantees file</b> ends in {@code .guarantees.yaml} or {@code .guarantees.yml};</li>
 *   <li>a <b>policy file</b> is any other file ending in {@code .yaml}, {@code .yml} or {@code .drl};</li>
 *   <li>a file or directory whose name starts with a dot is <b>hidden</b>: editors' temporary files and the
 *       {@code ..data} directories of a Kubernetes ConfigMap mount are never read as policy files.</li>
 * </ul>
 *
 * <p>Names are compared ignoring case. The convention applies to the files found below a directory; a file named
 * explicitly is read as what it was given as.
 */
public final class PolicyFiles {

    private PolicyFiles() {
    }

    /**
     * Returns whether a file found in a policy directory is read as part of the policy: a {@code *.yaml},
     * {@code *.yml} or {@code *.drl} file that is neither a scenario file nor a guarantees file. Whether it is
     * hidden is {@link #isHidden}'s question, since it depends on the directory walked.
     *
     * @param file the file, of which only the name is looked at
     * @return true for a policy file
     * @throws NullPointerException if file is null
     */
    public static boolean isPolicyFile(Path file) {
        String name = name(file);
        if (isScenarioName(name) || isGuaranteesName(name)) {
            return false;
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".drl");
    }

    /**
     * Returns whether a file is a scenario file ({@code *.test.yaml} or {@code *.test.yml}), which a directory load
     * leaves out and the test kit runs.
     *
     * @param file the file, of which only the name is looked at
     * @return true for a scenario file
     * @throws NullPointerException if file is null
     */
    public static boolean isScenarioFile(Path file) {
        return isScenarioName(name(file));
    }

    /**
     * Returns whether a file is a guarantees file ({@code *.guarantees.yaml} or {@code *.guarantees.yml}), which a
     * directory load leaves out and the analysis proves.
     *
     * @param file the file, of which only the name is looked at
     * @return true for a guarantees file
     * @throws NullPointerException if file is null
     */
    public static boolean isGuaranteesFile(Path file) {
        return isGuaranteesName(name(file));
    }

    /**
     * Returns whether a file below a directory is hidden or inside a hidden directory, a name starting with a dot
     * between the directory and the file.
     *
     * @param directory the directory walked
     * @param file a file at or below the directory
     * @return true if the file or a directory between it and {@code directory} is hidden
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the file cannot be relativized against the directory
     */
    public static boolean isHidden(Path directory, Path file) {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(file, "file must not be null");
        for (Path part : directory.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String name(Path file) {
        Path name = Objects.requireNonNull(file, "file must not be null").getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isScenarioName(String name) {
        return name.endsWith(".test.yaml") || name.endsWith(".test.yml");
    }

    private static boolean isGuaranteesName(String name) {
        return name.endsWith(".guarantees.yaml") || name.endsWith(".guarantees.yml");
    }
}
