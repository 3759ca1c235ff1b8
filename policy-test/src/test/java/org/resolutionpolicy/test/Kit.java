package org.resolutionpolicy.test;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Finds the test kit's resource folders. */
final class Kit {

    private Kit() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Kit.class.getClassLoader().getResource("kit/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
