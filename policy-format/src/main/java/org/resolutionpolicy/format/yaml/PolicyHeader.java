package org.resolutionpolicy.format.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resolutionpolicy.model.source.Problems;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A policy header written in another source (a DRL {@code declare Policy}): the top keys of a YAML policy, each a
 * YAML node placed where its value is written in that source, so that the engine's policy reader checks it as it checks
 * YAML and its problems point into the other source.
 *
 * <p>The helpers build such nodes: {@link #compose} reads a value written in YAML flow notation at a line and column,
 * {@link #string} and {@link #mapping} make nodes that need no parsing. Immutable once built.
 *
 * @param source the name of the source the header is written in, for problems
 * @param entries the top keys in the order written, each with its key node and value node
 */
public record PolicyHeader(String source, List<NodeReader.Entry> entries) {

    /**
     * Creates a header.
     *
     * @throws NullPointerException if source or entries is null
     */
    public PolicyHeader {
        Objects.requireNonNull(source, "source must not be null");
        entries = List.copyOf(entries);
    }

    /** Returns the entries as one mapping node, as if they were the top of a YAML policy file. */
    public MappingNode root() {
        List<NodeTuple> tuples = new ArrayList<>();
        entries.forEach(e -> tuples.add(new NodeTuple(e.key(), e.value())));
        Mark start = entries.isEmpty() ? null : entries.get(0).key().getStartMark();
        return new MappingNode(Tag.MAP, false, tuples, start, start, FlowStyle.BLOCK);
    }

    /**
     * Composes a value written in YAML (flow) notation, placing its nodes where it is written, and records its
     * problems there too.
     *
     * @param source the source's name
     * @param text the value, e.g. {@code [barista, shift-lead]} or {@code { apology: unlimited }}
     * @param line the line its first character is on, from 1
     * @param column the column of its first character, from 1
     * @param problems where problems go
     * @return the node, a null scalar for blank text, or null if the text is not valid YAML
     */
    public static Node compose(String source, String text, int line, int column, Problems problems) {
        if (text.isBlank()) {
            return new ScalarNode(Tag.NULL, "", mark(source, line, column), mark(source, line, column), ScalarStyle.PLAIN);
        }
        // padding to the place makes the composer's own marks (and its error places) those of the source
        String placed = "\n".repeat(Math.max(0, line - 1)) + " ".repeat(Math.max(0, column - 1)) + text;
        return YamlTree.compose(source, placed, problems);
    }

    /**
     * Returns a string scalar taken as written, without YAML parsing (a version, a description).
     *
     * @param source the source's name
     * @param value the string
     * @param line the line it starts on, from 1
     * @param column the column it starts at, from 1
     * @return the node
     */
    public static ScalarNode string(String source, String value, int line, int column) {
        return new ScalarNode(Tag.STR, value, mark(source, line, column), mark(source, line, column + value.length()),
                ScalarStyle.DOUBLE_QUOTED);
    }

    /**
     * Returns a mapping of the given tuples, placed at the first key (or nowhere, when empty).
     *
     * @param tuples the keys and values
     * @return the node
     */
    public static MappingNode mapping(List<NodeTuple> tuples) {
        Mark start = tuples.isEmpty() ? null : tuples.get(0).getKeyNode().getStartMark();
        return new MappingNode(Tag.MAP, false, List.copyOf(tuples), start, start, FlowStyle.FLOW);
    }

    /** Returns a mark at a line and column, both from 1. */
    static Mark mark(String source, int line, int column) {
        return new Mark(source, 0, line - 1, column - 1, new int[0], 0);
    }
}
