package org.resolutionpolicy.engine.internal.yaml;

import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.engine.internal.support.Place;
import org.resolutionpolicy.engine.internal.support.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Composes YAML text into a node tree that keeps line and column, within limits a hostile file cannot exceed.
 *
 * <p>Only composing is done: no object is ever constructed from a tag, so global tags such as
 * {@code !!javax.script.ScriptEngineManager} cannot run anything; they are reported as errors. Aliases are
 * capped, and the expanded tree is capped too, so an alias bomb is an error rather than an out-of-memory.
 *
 * <p>The limits (size, nesting, aliases, expanded nodes) are those of {@link LoadOptions}; callers without
 * options of their own (cases, scenario files) get {@link LoadOptions#defaults()}. SnakeYAML counts aliases of
 * lists and maps only, so aliases of a single value are bounded here instead: the values of the expanded document
 * hold at most {@link LoadOptions#maxSourceChars()} characters, as many as the source itself may hold, and one
 * long value aliased many times is an error at the alias that crosses the limit.
 */
public final class YamlTree {

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    private YamlTree() {
    }

    /**
     * Composes a single YAML document within the default limits, as {@link #compose(String, String, Problems,
     * LoadOptions)}.
     *
     * @param source the name used in problems
     * @param text the YAML text
     * @param problems where problems go
     * @return the root node, or null if the text was empty or broken
     */
    public static Node compose(String source, String text, Problems problems) {
        return compose(source, text, problems, LoadOptions.defaults());
    }

    /**
     * Composes a single YAML document within the limits of the options; records problems and returns null when
     * it cannot be used.
     *
     * @param source the name used in problems
     * @param text the YAML text
     * @param problems where problems go
     * @param limits the size, nesting, alias and node limits
     * @return the root node, or null if the text was empty or broken
     */
    public static Node compose(String source, String text, Problems problems, LoadOptions limits) {
        if (!withinSize(source, text, problems, limits)) {
            return null;
        }
        Node root;
        try {
            Yaml yaml = new Yaml(loaderOptions(limits));
            java.util.Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                problems.error(Place.of(source), "file is empty", null);
                return null;
            }
            root = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                problems.error(place(source, second), "more than one YAML document in one file",
                        "put each policy in its own file");
                return null;
            }
        } catch (ReaderException e) {
            unprintable(source, text, e, problems);
            return null;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Place place = mark == null ? Place.of(source) : new Place(source, mark.getLine() + 1, mark.getColumn() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problems.error(place, "invalid YAML: " + oneLine(what), e.getContext() == null ? null : oneLine(e.getContext()));
            return null;
        } catch (YAMLException e) {
            String message = oneLine(e.getMessage());
            boolean aliases = message.contains("aliases");
            Place place = aliases ? nthAlias(source, text, limits.maxAliases() + 1)
                    : message.contains("Nesting Depth") ? tooDeep(source, text, limits) : Place.of(source);
            problems.error(place, "invalid YAML: " + message,
                    aliases ? "at most " + limits.maxAliases() + " aliases (*name) to lists or maps" : null);
            return null;
        } catch (StackOverflowError e) {
            problems.error(Place.of(source), "invalid YAML: nested too deeply",
                    "at most " + limits.maxNestingDepth() + " levels");
            return null;
        }
        if (root == null) {
            problems.error(Place.of(source), "file is empty", null);
            return null;
        }
        long errorsBefore = errorCount(problems);
        new Inspector(source, text, problems, limits).visit(root, 0);
        return errorCount(problems) > errorsBefore ? null : root;
    }

    /**
     * Checks a source against {@link LoadOptions#maxSourceChars()}, recording an error at the source when it is
     * larger; used for every source of a policy, YAML or not.
     *
     * @param source the name used in problems
     * @param text the text of the source
     * @param problems where the problem goes
     * @param limits the options holding the limit
     * @return whether the text is within the limit
     */
    public static boolean withinSize(String source, String text, Problems problems, LoadOptions limits) {
        if (text.length() <= limits.maxSourceChars()) {
            return true;
        }
        problems.error(Place.of(source), "file is too large: [" + text.length() + "] characters, at most ["
                + limits.maxSourceChars() + "]", "a policy is usually a few kilobytes; split it into several files");
        return false;
    }

    private static LoaderOptions loaderOptions(LoadOptions limits) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        // one more than allowed, so the length check above, with its clearer message, is the one that fires
        options.setCodePointLimit(limits.maxSourceChars() == Integer.MAX_VALUE ? Integer.MAX_VALUE
                : limits.maxSourceChars() + 1);
        options.setProcessComments(false);
        options.setMergeOnCompose(false);
        return options;
    }

    /**
     * Reports the first character YAML does not allow (a NUL byte, another control character, a lone surrogate),
     * named by its code point, at its line and column; SnakeYAML names neither.
     */
    private static void unprintable(String source, String text, ReaderException e, Problems problems) {
        int line = 1;
        int column = 1;
        int codePoint = e.getCodePoint();
        Place place = Place.of(source);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                codePoint = c;
                place = new Place(source, line, column);
                break;
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        // the JDK's character names differ between versions; the code point alone is stable
        problems.error(place, "invalid YAML: " + (Character.isISOControl(codePoint) ? "control character [" : "character [")
                        + String.format("U+%04X", codePoint) + "] is not allowed",
                "only tabs, line breaks and printable characters may appear: remove it"
                        + (codePoint == 0 ? " (NUL bytes often mean the file is UTF-16 or binary)" : ""));
    }

    /** Finds the n-th alias ({@code *name}) in the text, to locate a limit SnakeYAML reports without a place. */
    static Place nthAlias(String source, String text, int n) {
        int line = 1;
        int column = 1;
        int seen = 0;
        char before = '\n';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))
                    && (Character.isWhitespace(before) || before == '[' || before == ',' || before == '{' || before == ':')
                    && ++seen == n) {
                return new Place(source, line, column);
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            before = c;
        }
        return Place.of(source);
    }

    /**
     * Finds the first map or list nested deeper than the limit, to locate a limit SnakeYAML's composer reports
     * without a place. The parser's events are read one after another (nothing is composed, nothing recurses), so
     * even a document far too deep to compose is walked safely.
     */
    static Place tooDeep(String source, String text, LoadOptions limits) {
        int depth = 0;
        try {
            for (Event event : new Yaml(loaderOptions(limits)).parse(new StringReader(text))) {
                if (event instanceof CollectionStartEvent && ++depth > limits.maxNestingDepth()) {
                    Mark mark = event.getStartMark();
                    return mark == null ? Place.of(source) : new Place(source, mark.getLine() + 1, mark.getColumn() + 1);
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            // the text is broken after the point composing stopped at: the limit is still the problem to report
        }
        return Place.of(source);
    }

    /** Returns the place where a node starts. */
    public static Place place(String source, Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Place.of(source) : new Place(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static long errorCount(Problems problems) {
        return problems.all().stream().filter(org.resolutionpolicy.api.Problem::isError).count();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /**
     * Walks the composed tree once, aliases expanded: rejects tags, recursion, oversized expansions. A node met
     * again outside an expansion is an alias in the text; its n-th such meeting is the n-th alias, which locates
     * an expansion limit crossed under it.
     */
    private static final class Inspector {
        private final String source;
        private final String text;
        private final Problems problems;
        private final int maxNodes;
        private final int maxDepth;
        private final long maxChars;
        private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        private final Map<Node, Boolean> seen = new IdentityHashMap<>();
        private int visited;
        private long chars;
        private int aliases;
        /** The ordinal of the alias being expanded, 0 outside an expansion. */
        private int expanding;
        private boolean stopped;

        Inspector(String source, String text, Problems problems, LoadOptions limits) {
            this.source = source;
            this.text = text;
            this.problems = problems;
            this.maxNodes = limits.maxNodes();
            this.maxDepth = limits.maxNestingDepth();
            this.maxChars = limits.maxSourceChars();
        }

        void visit(Node node, int depth) {
            if (stopped) {
                return;
            }
            if (expanding == 0 && seen.put(node, Boolean.TRUE) != null) {
                expanding = ++aliases;
                visitNode(node, depth);
                expanding = 0;
                return;
            }
            visitNode(node, depth);
        }

        private void visitNode(Node node, int depth) {
            if (++visited > maxNodes) {
                problems.error(place(source, node), "document expands to more than [" + maxNodes + "] nodes",
                        "aliases (*name) may not multiply the document; write the values out");
                stopped = true;
                return;
            }
            if (depth > maxDepth) {
                problems.error(place(source, node), "nested more than [" + maxDepth + "] levels deep", null);
                stopped = true;
                return;
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                problems.error(place(source, node), "tag [" + node.getTag().getValue() + "] is not allowed",
                        "policies hold plain values only: remove the tag");
                return;
            }
            if (onPath.put(node, Boolean.TRUE) != null) {
                problems.error(place(source, node), "recursive alias", "an alias may not refer to a node that contains it");
                stopped = true;
                return;
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    visit(tuple.getKeyNode(), depth + 1);
                    visit(tuple.getValueNode(), depth + 1);
                }
            } else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    visit(item, depth + 1);
                }
            } else if (node instanceof ScalarNode scalar) {
                chars += scalar.getValue().length();
                if (chars > maxChars) {
                    problems.error(expanding > 0 ? nthAlias(source, text, expanding) : place(source, node),
                            "document expands to more than [" + maxChars + "] characters of values",
                            "an alias (*name) may not repeat a long value that often: write the value out");
                    stopped = true;
                    return;
                }
            } else {
                problems.error(place(source, node), "unsupported YAML node", null);
            }
            onPath.remove(node);
        }
    }
}
