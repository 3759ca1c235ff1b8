package org.resolutionpolicy.format.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolutionpolicy.api.LoadOptions;
import org.resolutionpolicy.model.source.Place;
import org.resolutionpolicy.model.source.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

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
        Composed composed = compose(source, text, problems, limits, 0);
        return composed == null ? null : composed.root();
    }

    /**
     * A document composed after its syntax errors were recorded and the lines they stand on blanked.
     *
     * @param root the root node of what remains of the document
     * @param blankedLines the 1-based lines blanked, one per syntax error, empty when the text was valid
     */
    public record Composed(Node root, List<Integer> blankedLines) {

        /** Returns whether any syntax error was repaired by blanking its line. */
        public boolean repaired() {
            return !blankedLines.isEmpty();
        }

        /**
         * Quiets the follow-on problems of the repaired document: a blanked line inside a rule (an item of the
         * top-level {@code rules:} list) quiets that rule's lines; one anywhere else quiets the whole source.
         *
         * @param source the name of the source
         * @param problems the problems to quiet
         * @return whether a blanked line lies outside the rules, where it may have removed a declaration
         */
        public boolean quietFollowOns(String source, Problems problems) {
            boolean outsideRules = false;
            for (int line : blankedLines) {
                int[] rule = enclosingItem(root, "rules", line);
                if (rule == null) {
                    problems.quiet(source, 1, Integer.MAX_VALUE);
                    outsideRules = true;
                } else {
                    problems.quiet(source, rule[0], rule[1]);
                }
            }
            return outsideRules;
        }
    }

    /**
     * Composes a single YAML document as {@link #compose(String, String, Problems, LoadOptions)} does, but after
     * a syntax error records it, blanks its line and composes again, up to {@value #MAX_REPAIRS} times: the parts
     * of the document that did parse can still be read and checked, so one indentation mistake does not hide the
     * file's other problems. Whatever the repaired document holds, the syntax errors are errors, so a policy read
     * from it never loads.
     *
     * @param source the name used in problems
     * @param text the YAML text
     * @param problems where problems go
     * @param limits the size, nesting, alias and node limits
     * @return the repaired document, or null if the text was empty or could not be repaired
     */
    public static Composed composeRepairing(String source, String text, Problems problems, LoadOptions limits) {
        return compose(source, text, problems, limits, MAX_REPAIRS);
    }

    /** How many syntax errors of one file are reported and repaired before the rest of the file is given up. */
    static final int MAX_REPAIRS = 5;

    private static Composed compose(String source, String text, Problems problems, LoadOptions limits,
                                    int maxRepairs) {
        if (!withinSize(source, text, problems, limits)) {
            return null;
        }
        String current = text;
        List<Integer> blanked = new ArrayList<>();
        Node root;
        while (true) {
            try {
                root = composeOnce(source, current, problems, limits);
                break;
            } catch (MarkedYAMLException e) {
                YamlSyntax.Error error = YamlSyntax.describe(source, current, e);
                int line = error.place().line();
                if (blanked.contains(line)) {
                    return null;
                }
                problems.error(error.place(), error.message(), error.hint());
                if (blanked.size() >= maxRepairs || line < 1) {
                    return null;
                }
                blanked.add(line);
                current = blank(current, line);
            } catch (AlreadyReported e) {
                return null;
            } catch (ReaderException e) {
                unprintable(source, current, e, problems);
                return null;
            } catch (YAMLException e) {
                String message = YamlSyntax.oneLine(e.getMessage());
                boolean aliases = message.contains("aliases");
                Place place = aliases ? nthAlias(source, current, limits.maxAliases() + 1)
                        : message.contains("Nesting Depth") ? tooDeep(source, current, limits) : Place.of(source);
                problems.error(place, "invalid YAML: " + message,
                        aliases ? "at most " + limits.maxAliases() + " aliases (*name) to lists or maps" : null);
                return null;
            } catch (StackOverflowError e) {
                problems.error(Place.of(source), "invalid YAML: nested too deeply",
                        "at most " + limits.maxNestingDepth() + " levels");
                return null;
            }
        }
        if (root == null) {
            if (blanked.isEmpty()) {
                problems.error(Place.of(source), "file is empty", null);
            }
            return null;
        }
        long errorsBefore = errorCount(problems);
        // without an anchor (&name) there is no alias: the tree is a tree, no node met twice nor inside itself
        new Inspector(source, current, problems, limits, current.indexOf('&') >= 0).visit(root, 0);
        return errorCount(problems) > errorsBefore ? null : new Composed(root, List.copyOf(blanked));
    }

    /** Composes the one document of the text; returns null for an empty text, throws SnakeYAML's errors. */
    private static Node composeOnce(String source, String text, Problems problems, LoadOptions limits) {
        // what Yaml.composeAll does, without the constructor and representer a Yaml makes and composing never uses
        LoaderOptions options = loaderOptions(limits);
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                PlainResolver.INSTANCE, options);
        if (!composer.checkNode()) {
            return null;
        }
        Node root = composer.getNode();
        if (composer.checkNode()) {
            Node second = composer.getNode();
            problems.error(place(source, second), "more than one YAML document in one file",
                    "put each policy in its own file");
            throw new AlreadyReported();
        }
        return root;
    }

    /** Ends composing after a problem was recorded. */
    private static final class AlreadyReported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyReported() {
            super(null, null, false, false);
        }
    }

    /** Returns the text with the 1-based line emptied, every other line where it was. */
    private static String blank(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return text;
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(0, start) + (end < 0 ? "" : text.substring(end));
    }

    /**
     * Returns the lines of the item of a top-level list that holds the given line, such as the rule a blanked line
     * stood in, or null when the line is outside every item of that list.
     *
     * @param root the root of a composed document
     * @param key the top-level key whose value is the list
     * @param line a 1-based line
     * @return the first and last line of the item, or null
     */
    static int[] enclosingItem(Node root, String key, int line) {
        if (!(root instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)
                    && tuple.getValueNode() instanceof SequenceNode list) {
                List<Node> items = list.getValue();
                for (int i = 0; i < items.size(); i++) {
                    int from = items.get(i).getStartMark().getLine() + 1;
                    int to = i + 1 < items.size() ? items.get(i + 1).getStartMark().getLine()
                            : list.getEndMark().getLine() + 1;
                    if (from <= line && line <= to) {
                        return new int[] {from, to};
                    }
                }
            }
        }
        return null;
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

        /** False when the text has no anchor, so no alias: then no node is tracked. */
        private final boolean anchored;

        Inspector(String source, String text, Problems problems, LoadOptions limits, boolean anchored) {
            this.anchored = anchored;
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
            if (anchored && expanding == 0 && seen.put(node, Boolean.TRUE) != null) {
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
            if (anchored && onPath.put(node, Boolean.TRUE) != null) {
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
            if (anchored) {
                onPath.remove(node);
            }
        }
    }

    /**
     * SnakeYAML's resolver, answering at once for the plain scalar no implicit type can match: one whose first
     * character starts none of SnakeYAML's patterns (booleans, numbers, nulls, timestamps, merge keys), such as the
     * keys, names and words of a policy. SnakeYAML itself matches such a scalar against its empty-value pattern
     * before calling it a string, a regular expression per key and word (a tenth of loading a large policy). The
     * characters are read from SnakeYAML's own table of patterns, so the answer is SnakeYAML's. Thread-safe: the
     * table is read only.
     */
    static final class PlainResolver extends Resolver {

        static final PlainResolver INSTANCE = new PlainResolver();

        /** Per ASCII character, whether a pattern starts with it; all false when the table is not as expected. */
        private final boolean[] patternStarts = new boolean[128];
        /** Whether the table is as expected, so that the shortcut is taken. */
        final boolean shortcut;

        PlainResolver() {
            boolean known = true;
            Map<Character, ?> table = yamlImplicitResolvers;
            for (Map.Entry<Character, ?> e : table.entrySet()) {
                if (e.getKey() == null) {
                    // patterns tried whatever the first character, known by their text (a ResolverTuple, which is
                    // package-private, says its pattern in its toString): the empty value's and null's
                    for (Object tuple : (List<?>) e.getValue()) {
                        String text = String.valueOf(tuple);
                        if (text.contains(" regexp=^(?:~|null|Null|NULL| )$ ")) {
                            "~nN ".chars().forEach(c -> patternStarts[c] = true);
                        } else if (!text.contains(" regexp=^$ ")) {
                            known = false;
                        }
                    }
                } else if (e.getKey() < 128) {
                    patternStarts[e.getKey()] = true;
                } else {
                    known = false;
                }
            }
            this.shortcut = known;
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (shortcut && kind == NodeId.scalar && implicit && !value.isEmpty() && value.charAt(0) < 128
                    && !patternStarts[value.charAt(0)]) {
                return Tag.STR;
            }
            return super.resolve(kind, value, implicit);
        }
    }
}
