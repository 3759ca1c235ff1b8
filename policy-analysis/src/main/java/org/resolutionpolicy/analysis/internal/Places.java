package org.resolutionpolicy.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds where a policy's header entries are written (a role in {@code roles:}, a remedy, an authority entry), which
 * the model does not keep: the engine's rules carry their places, the header's entries do not.
 */
public final class Places {

    private final Map<String, String> places = new HashMap<>();
    private final String fallback;

    private Places(String fallback) {
        this.fallback = fallback;
    }

    /** Returns places with nothing but a fallback for every entry. */
    public static Places none(String fallback) {
        return new Places(fallback);
    }

    /** Reads the places of the YAML files among the paths (files, or directories searched for YAML files). */
    public static Places of(List<Path> paths, String fallback) {
        Places p = new Places(fallback);
        for (Path path : paths) {
            try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                        .forEach(p::read);
            } catch (IOException | RuntimeException e) {
                // places are a courtesy: the policy loaded, so a file read again that fails only loses line numbers
            }
        }
        return p;
    }

    private void read(Path file) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(Files.newBufferedReader(file));
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (!(root instanceof MappingNode top)) {
            return;
        }
        String source = file.toString();
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode());
            Node value = t.getValueNode();
            if ("roles".equals(key) && value instanceof SequenceNode roles) {
                roles.getValue().forEach(n -> put("role:" + scalar(n), source, n));
            } else if ("remedies".equals(key) && value instanceof MappingNode remedies) {
                remedies.getValue().forEach(r -> put("remedy:" + scalar(r.getKeyNode()), source, r.getKeyNode()));
            } else if ("authority".equals(key) && value instanceof MappingNode authority) {
                for (NodeTuple role : authority.getValue()) {
                    if (role.getValueNode() instanceof MappingNode entries) {
                        entries.getValue().forEach(e -> put("authority:" + scalar(role.getKeyNode()) + ":"
                                + scalar(e.getKeyNode()), source, e.getKeyNode()));
                    }
                }
            }
        }
    }

    private void put(String key, String source, Node node) {
        places.putIfAbsent(key, source + ":" + (node.getStartMark().getLine() + 1) + ":"
                + (node.getStartMark().getColumn() + 1));
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** Returns where a role of the ladder is written. */
    public String role(String role) {
        return places.getOrDefault("role:" + role, fallback);
    }

    /** Returns where a remedy is declared. */
    public String remedy(String remedy) {
        return places.getOrDefault("remedy:" + remedy, fallback);
    }

    /** Returns where a role's authority entry for a remedy is written. */
    public String authority(String role, String remedy) {
        return places.getOrDefault("authority:" + role + ":" + remedy, fallback);
    }
}
