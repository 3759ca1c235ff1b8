package org.resolutionpolicy.format.yaml;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.resolutionpolicy.format.internal.CaseCursor;
import org.resolutionpolicy.model.value.Values;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Walks a composed YAML node tree for {@link org.resolutionpolicy.format.internal.CaseFields}: a value's kind is its
 * node's class and resolved tag, so an unquoted {@code 2026-11-19} is a date and {@code yes} a boolean, as YAML reads
 * them. A tree is already whole, so moving past a value needs nothing.
 */
final class YamlCaseCursor implements CaseCursor {

    /** The entries or items of the maps and lists entered, innermost first, with the index of the next one. */
    private final Deque<Open> open = new ArrayDeque<>();
    private Node value;
    private NodeTuple entry;

    /** Creates a cursor standing on the root of a composed document. */
    YamlCaseCursor(Node root) {
        this.value = root;
    }

    @Override
    public Kind kind() {
        if (value instanceof MappingNode) {
            return Kind.MAP;
        }
        if (value instanceof SequenceNode) {
            return Kind.LIST;
        }
        // YamlTree lets through only the plain tags; text is what remains
        Tag tag = value.getTag();
        if (Tag.NULL.equals(tag)) {
            return Kind.NULL;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return Kind.NUMBER;
        }
        if (Tag.BOOL.equals(tag)) {
            return Kind.BOOLEAN;
        }
        return Tag.TIMESTAMP.equals(tag) ? Kind.DATE : Kind.TEXT;
    }

    @Override
    public String text() {
        return ((ScalarNode) value).getValue();
    }

    @Override
    public BigDecimal number() {
        return Values.numberOrNull(text());
    }

    /**
     * Returns YAML 1.1's booleans: yes, on and y are true as well as true, no, off and n false as well as false;
     * Boolean.valueOf would read them as false. Anything else, such as {@code !!bool "maybe"}, is no boolean: null.
     */
    @Override
    public Boolean bool() {
        return switch (text().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> Boolean.TRUE;
            case "false", "no", "off", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    @Override
    public boolean quoted() {
        DumperOptions.ScalarStyle style = ((ScalarNode) value).getScalarStyle();
        return style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED;
    }

    @Override
    public void skip() {
        // the next entry or item is found from the enclosing map or list, whatever this value holds
    }

    @Override
    public void enter() {
        open.push(new Open(value instanceof MappingNode map ? map.getValue() : ((SequenceNode) value).getValue()));
    }

    @Override
    public boolean nextEntry() {
        entry = (NodeTuple) next();
        return entry != null;
    }

    @Override
    public String key() {
        return entry.getKeyNode() instanceof ScalarNode name ? name.getValue() : null;
    }

    @Override
    public int keyLine() {
        return entry.getKeyNode().getStartMark().getLine() + 1;
    }

    @Override
    public void toValue() {
        value = entry.getValueNode();
    }

    @Override
    public boolean nextItem() {
        Object item = next();
        if (item == null) {
            return false;
        }
        value = (Node) item;
        return true;
    }

    /** Returns the next entry or item of the map or list entered last, or null after its last, leaving it. */
    private Object next() {
        Open innermost = open.peek();
        if (innermost.next == innermost.children.size()) {
            open.pop();
            return null;
        }
        return innermost.children.get(innermost.next++);
    }

    /** A map's entries or a list's items, and how many of them were stepped to. */
    private static final class Open {

        private final List<?> children;
        private int next;

        Open(List<?> children) {
            this.children = children;
        }
    }
}
