package org.resolutionpolicy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The shop policy, its edit and its history, copied to a folder of each test's own, for the replay commands. */
abstract class ShopFiles {

    @TempDir
    Path dir;
    Path shop;
    Path edited;
    Path history;

    @BeforeEach
    void files() throws IOException {
        shop = copy("shop.yaml");
        edited = copy("shop-edited.yaml");
        history = copy("shop-history.jsonl");
    }

    private Path copy(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("replay/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
