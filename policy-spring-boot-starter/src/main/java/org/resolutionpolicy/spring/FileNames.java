package org.resolutionpolicy.spring;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Shortens the paths in what the health and info endpoints show to file names: {@code /srv/policies/shop.yaml:7:3}
 * becomes {@code shop.yaml:7:3}, {@code C:\policies\shop.yaml} becomes {@code shop.yaml}; a {@code classpath:}
 * resource, which names no folder of the server, is left as it is.
 */
final class FileNames {

    /**
     * The folders of an absolute path: a slash not after a word, a dot, a colon or a slash (so neither a relative path
     * nor a URL), then folders ending in a slash; or a drive letter, a backslash and folders ending in a backslash.
     */
    private static final Pattern FOLDERS = Pattern.compile(
            "(?<![\\w.:/\\\\])/(?:[^/\\s\\[\\](){}'\"<>,;]+/)+|(?<![\\w])[A-Za-z]:\\\\(?:[^\\\\\\s\\[\\](){}'\"<>,;]+\\\\)*");

    private FileNames() {
    }

    /** Returns the text with every absolute path shortened to its file name. */
    static String of(String text) {
        return text == null ? null : FOLDERS.matcher(text).replaceAll("");
    }

    /** Returns the texts with every absolute path shortened to its file name. */
    static List<String> of(List<String> texts) {
        return texts.stream().map(FileNames::of).toList();
    }

    /**
     * Returns a configured location as its file (or folder) name: {@code /srv/policies/shop.yaml} and
     * {@code file:/srv/policies/shop.yaml} are {@code shop.yaml}; a {@code classpath:} resource is left as it is.
     */
    static String location(String location) {
        if (location.startsWith("classpath:")) {
            return location;
        }
        String path = location.startsWith("file:") ? location.substring(5) : location;
        String name = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
